/**
 * A synthetic Jira site for benchmarks, serialised exactly as Jira's REST API pages it:
 * `POST /rest/api/3/search/jql` pages of 100 issues with the fields the metrics read, and
 * `POST /rest/api/3/changelog/bulkfetch` pages. Deterministic (seeded), built as strings so that
 * generating it costs little next to what is measured.
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

function statusJson(s: JiraStatus): string {
  return json(s);
}

/**
 * One board: `issues` issues over `sprintCount` two-week sprints (all closed but the last, which is
 * active at `now`), each issue with `historiesPerIssue` changelog entries that replay to its fields.
 */
export function syntheticBoard(args: { boardId: number; issues: number; sprintCount: number; historiesPerIssue: number; firstSprintId: number; now: number; seed: number }): SyntheticBoard {
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
        `{"id":"${historyId++}","author":{"accountId":"u${n % 40}","displayName":"User ${n % 40}","active":true},"created":"${jiraTime(Math.floor(t), MSK)}","items":[${item}]}`,
      );
    }
    const st = WORKFLOW[status] as JiraStatus;
    const done = st.statusCategory.key === 'done';
    const sprintField = sprintIds.map((sid) => {
      const s = sprints[sid - args.firstSprintId] as JiraSprint;
      return `{"id":${sid},"name":"${s.name}","state":"${s.state}","boardId":${boardId}}`;
    });
    const issue =
      `{"id":"${id}","key":"${key}","fields":{"summary":"Synthetic issue ${key}","issuetype":${json(type)},"status":${statusJson(st)},` +
        `"project":{"id":"${boardId}","key":"${project}","name":"Project ${project}"},"created":"${jiraTime(Math.floor(created), MSK)}","updated":"${jiraTime(Math.floor(t), MSK)}",` +
        `"priority":{"id":"3","name":"${pick(PRIORITIES)}"},"assignee":${random() < 0.1 ? 'null' : `{"accountId":"u${n % 40}","displayName":"User ${n % 40}"}`},` +
        `"resolution":${done ? '{"id":"1","name":"Done"}' : 'null'},"resolutiondate":${done ? `"${jiraTime(Math.floor(t), MSK)}"` : 'null'},"duedate":null,` +
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

export function syntheticSite(args: { boards: number; issuesPerBoard: number; sprintsPerBoard: number; historiesPerIssue: number; now: number; seed?: number }): SyntheticSite {
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
      }),
    );
  return { fields: FIELDS, statuses: ALL_STATUSES, boards, now: args.now };
}
