/**
 * A synthetic Jira site for benchmarks, serialised exactly as Jira Cloud's REST API pages it:
 * `POST /rest/api/3/search/jql` pages of 100 issues with the fields the metrics read, and
 * `POST /rest/api/3/changelog/bulkfetch` pages. Every object has the shape Jira gives it, not just
 * the properties the metrics read: issues carry `expand` and `self`; users (assignee, history
 * author) their `self`, avatar URLs, time zone and account type; status, type, priority and
 * resolution their `self`, description and icon; the project its avatars; Sprint field values
 * their goal and dates. What JSON.parse is timed on is what a real site sends.
 * With `lean`, the same issues and histories come with only the properties the metrics read (no
 * links, avatars, icons or descriptions): smaller than anything Jira sends, for a stricter ratio.
 * Deterministic (seeded), built as strings so that generating it costs little next to what is measured.
 */
import type { BoardConfiguration, JiraField, JiraSprint, JiraStatus } from '../src/domain/jira';
import { ALL_STATUSES, FIELDS, generateBoardConfiguration, jiraTime, rng, SPRINT_FIELD_ID, STATUSES, STORY_POINTS_FIELD_ID } from '../src/domain/testing/generate';

export const SEARCH_PAGE_SIZE = 100;
/** Issues per bulk-changelog page: 50 issues × 20 histories = 1,000 histories, Jira's page. */
export const CHANGELOG_ISSUES_PER_PAGE = 50;

const DAY = 24 * 3600_000;
const SPRINT_DAYS = 14;
const MSK = 180; // Jira renders instants in the site's zone: +0300
const PRIORITIES = ['Highest', 'High', 'Medium', 'Low'];
const TYPES = [
  { id: '10001', name: 'Story', subtask: false },
  { id: '10002', name: 'Task', subtask: false },
  { id: '10004', name: 'Bug', subtask: false },
];
const WORKFLOW: JiraStatus[] = [STATUSES.todo, STATUSES.inProgress, STATUSES.review, STATUSES.done];

export interface SyntheticBoard {
  boardId: number;
  configuration: BoardConfiguration;
  sprints: JiraSprint[];
  issueCount: number;
  searchPageCount: number;
  changelogPageCount: number;
  /** Page p (0-based) of `POST /rest/api/3/search/jql`, made on demand. */
  searchPage(p: number): string;
  /** Page p (0-based) of `POST /rest/api/3/changelog/bulkfetch`, made on demand. */
  changelogPage(p: number): string;
}

export interface SyntheticSite {
  fields: JiraField[];
  statuses: JiraStatus[];
  boards: SyntheticBoard[];
  now: number;
}

const json = JSON.stringify;
const EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

const SITE = 'https://bank.atlassian.net';
const API = `${SITE}/rest/api/3`;
const CATEGORY_COLOURS: Record<string, string> = { new: 'blue-gray', indeterminate: 'yellow', done: 'green' };

/** A status as an issue's `fields.status` carries it. */
function statusJson(s: JiraStatus, lean: boolean): string {
  const c = s.statusCategory;
  if (lean) return json(s);
  return (
    `{"self":"${API}/status/${s.id}","description":"","iconUrl":"${SITE}/","name":${json(s.name)},"id":"${s.id}",` +
    `"statusCategory":{"self":"${API}/statuscategory/${c.id ?? 1}","id":${c.id ?? 1},"key":"${c.key}","colorName":"${CATEGORY_COLOURS[c.key] ?? 'medium-gray'}","name":${json(c.name ?? c.key)}}}`
  );
}

/** A user as Jira returns it in issues and changelogs (`UserDetails`): links, avatars, zone, account type. */
function userJson(n: number, lean: boolean): string {
  const accountId = `712020:0c3e5a1f-4b7d-4e8a-9f1c-${String(n).padStart(12, '0')}`;
  if (lean) return `{"accountId":"${accountId}","displayName":"User ${n}","active":true}`;
  const avatar = (size: number) =>
    `https://secure.gravatar.com/avatar/${String(n).padStart(32, '0')}?d=https%3A%2F%2Favatar-management--avatars.us-west-2.prod.public.atl-paas.net%2Finitials%2FU${n % 10}-${size}.png`;
  return (
    `{"self":"${API}/user?accountId=${accountId}","accountId":"${accountId}",` +
    `"avatarUrls":{"48x48":"${avatar(48)}","24x24":"${avatar(24)}","16x16":"${avatar(16)}","32x32":"${avatar(32)}"},` +
    `"displayName":"User ${n}","active":true,"timeZone":"Europe/Moscow","accountType":"atlassian"}`
  );
}

function issueTypeJson(t: (typeof TYPES)[number], lean: boolean): string {
  if (lean) return json(t);
  const avatarId = 10300 + Number(t.id.slice(-1));
  return (
    `{"self":"${API}/issuetype/${t.id}","id":"${t.id}","description":"${t.name === 'Bug' ? 'A problem or error.' : 'Functionality or a feature expressed as a user goal.'}",` +
    `"iconUrl":"${SITE}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${avatarId}?size=medium","name":"${t.name}","subtask":${t.subtask},"avatarId":${avatarId},"hierarchyLevel":0}`
  );
}

function projectJson(boardId: number, key: string, lean: boolean): string {
  const id = 10000 + boardId;
  if (lean) return `{"id":"${id}","key":"${key}","name":"Project ${key}"}`;
  const avatar = (size: string) => `${API}/universal_avatar/view/type/project/avatar/10400${size}`;
  return (
    `{"self":"${API}/project/${id}","id":"${id}","key":"${key}","name":"Project ${key}","projectTypeKey":"software","simplified":false,` +
    `"avatarUrls":{"48x48":"${avatar('')}","24x24":"${avatar('?size=small')}","16x16":"${avatar('?size=xsmall')}","32x32":"${avatar('?size=medium')}"}}`
  );
}

function priorityJson(name: string, lean: boolean): string {
  const id = String(PRIORITIES.indexOf(name) + 1);
  if (lean) return `{"id":"${id}","name":"${name}"}`;
  return `{"self":"${API}/priority/${id}","iconUrl":"${SITE}/images/icons/priorities/${name.toLowerCase()}.svg","name":"${name}","id":"${id}"}`;
}

const resolutionJson = (lean: boolean): string =>
  lean ? '{"id":"10000","name":"Done"}' : `{"self":"${API}/resolution/10000","id":"10000","description":"Work has been completed on this issue.","name":"Done"}`;

/**
 * One board: `issues` issues over `sprintCount` two-week sprints (all closed but the last, which is
 * active at `now`), each issue with `historiesPerIssue` changelog entries that replay to its fields.
 */
export function syntheticBoard(args: {
  boardId: number;
  issues: number;
  sprintCount: number;
  historiesPerIssue: number;
  firstSprintId: number;
  now: number;
  seed: number;
  /** Only the properties the metrics read (see the module's comment). */
  lean?: boolean;
}): SyntheticBoard {
  const { boardId, issues, sprintCount, historiesPerIssue, now } = args;
  const firstStart = now - (sprintCount - 0.5) * SPRINT_DAYS * DAY;
  const sprints: JiraSprint[] = [];
  for (let i = 0; i < sprintCount; i++) {
    const start = firstStart + i * SPRINT_DAYS * DAY;
    const active = i === sprintCount - 1;
    sprints.push({
      id: args.firstSprintId + i,
      name: `B${boardId} Sprint ${i + 1}`,
      state: active ? 'active' : 'closed',
      startDate: new Date(start).toISOString(),
      endDate: new Date(start + SPRINT_DAYS * DAY).toISOString(),
      ...(active ? {} : { completeDate: new Date(start + SPRINT_DAYS * DAY + 3600_000).toISOString() }),
      originBoardId: boardId,
    });
  }
  const project = `B${boardId}`;
  // The objects every issue repeats, serialised once per board (Jira sends them in full every time).
  const lean = args.lean === true;
  const projectText = projectJson(boardId, project, lean);
  const authors = Array.from({ length: 40 }, (_, i) => userJson(i, lean));
  const typeJson = TYPES.map((t) => issueTypeJson(t, lean));
  const statusJsonOf = new Map(WORKFLOW.map((st) => [st.id, statusJson(st, lean)] as const));
  const resolutionText = resolutionJson(lean);
  const issueHead = (id: string, key: string) => (lean ? `{"id":"${id}","key":"${key}"` : `{"expand":"${EXPAND}","id":"${id}","self":"${API}/issue/${id}","key":"${key}"`);
  /** Issue n (1-based) as its search-result JSON and its bulk-changelog JSON; seeded per issue. */
  const record = (n: number): { issue: string; changelog: string } => {
    const random = rng(args.seed * 1_000_003 + n);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    let historyId = boardId * 100_000_000 + n * 100;
    const id = String(boardId * 1_000_000 + n);
    const key = `${project}-${n}`;
    const type = random() < 0.2 ? (TYPES[2] as (typeof TYPES)[number]) : pick(TYPES.slice(0, 2));
    const home = Math.floor(random() * sprintCount);
    const created = firstStart + (home - 1) * SPRINT_DAYS * DAY + random() * SPRINT_DAYS * DAY;
    // A random walk over status, sprint and estimate, replayed in order.
    let status = 0;
    let sprintIds: number[] = [];
    let estimate: number | null = random() < 0.15 ? null : pick([1, 2, 3, 5, 8]);
    let sprintCursor = Math.max(0, home - 1);
    const span = Math.max(DAY, Math.min(now, created + 4 * SPRINT_DAYS * DAY) - created);
    const histories: string[] = [];
    let t = created;
    for (let h = 0; h < historiesPerIssue; h++) {
      t += (span / (historiesPerIssue + 1)) * (0.5 + random());
      if (t > now) t = now - (historiesPerIssue - h) * 1000;
      const r = random();
      let item: string;
      if (r < 0.4 && sprintCursor < sprintCount) {
        const before = sprintIds.join(', ');
        const sid = (sprints[sprintCursor] as JiraSprint).id;
        if (sprintIds.length && random() < 0.15) sprintIds = sprintIds.filter((x) => x !== sid);
        else if (!sprintIds.includes(sid)) sprintIds = [...sprintIds, sid];
        else sprintCursor++;
        const after = sprintIds.join(', ');
        item = `{"field":"Sprint","fieldtype":"custom","fieldId":"${SPRINT_FIELD_ID}","from":${json(before)},"fromString":${json(before ? `Sprint ${before}` : '')},"to":${json(after)},"toString":${json(after ? `Sprint ${after}` : '')}}`;
      } else if (r < 0.8) {
        const from = WORKFLOW[status] as JiraStatus;
        status = status === 3 ? (random() < 0.5 ? 1 : 3) : status + 1;
        const to = WORKFLOW[status] as JiraStatus;
        item = `{"field":"status","fieldtype":"jira","fieldId":"status","from":"${from.id}","fromString":"${from.name}","to":"${to.id}","toString":"${to.name}"}`;
      } else {
        const before = estimate;
        estimate = pick([1, 2, 3, 5, 8, 13]);
        const omit = random() < 0.3 ? '' : `"fieldId":"${STORY_POINTS_FIELD_ID}",`;
        item = `{"field":"Story point estimate","fieldtype":"custom",${omit}"from":null,"fromString":${json(before === null ? null : String(before))},"to":null,"toString":"${estimate}"}`;
      }
      histories.push(
        `{"id":"${historyId++}","author":${authors[(n + h) % authors.length] as string},"created":"${jiraTime(Math.floor(t), MSK)}","items":[${item}]}`,
      );
    }
    const st = WORKFLOW[status] as JiraStatus;
    const done = st.statusCategory.key === 'done';
    const sprintField = sprintIds.map((sid) => {
      const s = sprints[sid - args.firstSprintId] as JiraSprint;
      if (lean) return `{"id":${sid},"name":"${s.name}","state":"${s.state}","boardId":${boardId}}`;
      return `{"id":${sid},"name":"${s.name}","state":"${s.state}","boardId":${boardId},"goal":"","startDate":"${s.startDate}","endDate":"${s.endDate}"${s.completeDate ? `,"completeDate":"${s.completeDate}"` : ''}}`;
    });
    const issue =
      `${issueHead(id, key)},"fields":{"summary":"Synthetic issue ${key}","issuetype":${typeJson[TYPES.indexOf(type)] as string},"status":${statusJsonOf.get(st.id) as string},` +
        `"project":${projectText},"created":"${jiraTime(Math.floor(created), MSK)}","updated":"${jiraTime(Math.floor(t), MSK)}",` +
        `"priority":${priorityJson(pick(PRIORITIES), lean)},"assignee":${random() < 0.1 ? 'null' : (authors[n % authors.length] as string)},` +
        `"resolution":${done ? resolutionText : 'null'},"resolutiondate":${done ? `"${jiraTime(Math.floor(t), MSK)}"` : 'null'},"duedate":null,` +
        `"description":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Synthetic work item ${n}"}]}]},` +
        `"labels":["${pick(['payments', 'loans', 'savings'])}","${pick(['web', 'mobile', 'api'])}"],"components":[],"subtasks":[],` +
        `"${SPRINT_FIELD_ID}":[${sprintField.join(',')}],"${STORY_POINTS_FIELD_ID}":${estimate === null ? 'null' : estimate}}}`;
    return { issue, changelog: `{"issueId":"${id}","changeHistories":[${histories.join(',')}]}` };
  };
  const range = (from: number, size: number) => {
    const out: number[] = [];
    for (let n = from + 1; n <= Math.min(issues, from + size); n++) out.push(n);
    return out;
  };
  const searchPageCount = Math.ceil(issues / SEARCH_PAGE_SIZE);
  const changelogPageCount = Math.ceil(issues / CHANGELOG_ISSUES_PER_PAGE);
  return {
    boardId,
    configuration: generateBoardConfiguration({ id: boardId, name: `Board ${boardId}` }),
    sprints,
    issueCount: issues,
    searchPageCount,
    changelogPageCount,
    searchPage: (p) => {
      const last = p === searchPageCount - 1;
      const body = range(p * SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE).map((n) => record(n).issue);
      return `{"issues":[${body.join(',')}]${last ? ',"isLast":true' : `,"nextPageToken":"p${p + 1}","isLast":false`}}`;
    },
    changelogPage: (p) => {
      const last = p === changelogPageCount - 1;
      const body = range(p * CHANGELOG_ISSUES_PER_PAGE, CHANGELOG_ISSUES_PER_PAGE).map((n) => record(n).changelog);
      return `{"issueChangeLogs":[${body.join(',')}]${last ? '' : `,"nextPageToken":"c${p + 1}"`}}`;
    },
  };
}

export function syntheticSite(args: { boards: number; issuesPerBoard: number; sprintsPerBoard: number; historiesPerIssue: number; now: number; seed?: number; lean?: boolean }): SyntheticSite {
  const boards: SyntheticBoard[] = [];
  for (let b = 1; b <= args.boards; b++)
    boards.push(
      syntheticBoard({
        boardId: b,
        issues: args.issuesPerBoard,
        sprintCount: args.sprintsPerBoard,
        historiesPerIssue: args.historiesPerIssue,
        firstSprintId: b * 1000,
        now: args.now,
        seed: (args.seed ?? 42) + b,
        ...(args.lean ? { lean: true } : {}),
      }),
    );
  return { fields: FIELDS, statuses: ALL_STATUSES, boards, now: args.now };
}
