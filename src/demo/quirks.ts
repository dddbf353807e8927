/**
 * What a real Jira Cloud site has and a tidy simulation would not, added to the built demo site:
 * - names in each user's language: the site's Russian-speaking users read «Ошибка», «Высокий»,
 *   «Готово» where English-speaking ones read Bug, High, Done (ids never change);
 * - shared sprints: the Design System board's filter also takes the payments stories labelled
 *   `design-system`, so it lists the Payments Web sprints those stories are in;
 * - a deleted status: "Ready for QA" was a step of the platform team's workflow until a fortnight
 *   ago, and the histories of the sprints before still pass through it, though the site no longer has it;
 * - an estimate no one should have typed: a negative story-point value in a running sprint;
 * - an issue security level, "Bank security": three payments bugs about a security incident and a
 *   loans story on anti-fraud work are seen only by the users the level grants (the Jira
 *   administrators, the payments and loans product owners and scrum masters; see `people.ts`), so
 *   the restricted users and the team members count fewer issues than the owners do.
 * Deterministic, like the rest of the demo.
 */
import { type ChangelogHistory, parseInstant } from '../domain/jira';
import type { SiteData, SiteIssue, SiteSecurityLevel, SiteTranslations } from '../emulator/site';
import { DAY, DEMO_STATUSES, HOUR, MINUTE, NOW_MS, priorityId, siteTime, SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID } from './catalog';
import { accountIdOf, BANK_SECURITY_LEVEL_ID } from './people';

/** What the site's Russian-speaking users read, by id (categories by key). */
export const RUSSIAN: SiteTranslations = {
  issueTypes: { '10000': 'Эпик', '10001': 'История', '10002': 'Задача', '10003': 'Подзадача', '10004': 'Ошибка' },
  statuses: {
    [DEMO_STATUSES.todo.id]: 'К выполнению',
    [DEMO_STATUSES.inProgress.id]: 'В работе',
    [DEMO_STATUSES.review.id]: 'На проверке',
    [DEMO_STATUSES.waiting.id]: 'Ожидает клиента',
    [DEMO_STATUSES.done.id]: 'Готово',
    [DEMO_STATUSES.closed.id]: 'Закрыт',
  },
  statusCategories: { new: 'К выполнению', indeterminate: 'В работе', done: 'Готово' },
  priorities: { '1': 'Наивысший', '2': 'Высокий', '3': 'Средний', '4': 'Низкий', '5': 'Самый низкий' },
  resolutions: { '10000': 'Готово', '10001': 'Не будет выполнено', '10002': 'Дубликат', '10003': 'Не воспроизводится' },
};

/** The label that puts a payments story on the Design System board too. */
export const DESIGN_SYSTEM_LABEL = 'design-system';
/** The status the platform team deleted from its workflow; its id stays in old histories. */
export const DELETED_STATUS = { id: '10009', name: 'Ready for QA' } as const;

const projectOf = (issue: SiteIssue): string => (issue.fields.project as { key: string }).key;
const numberOf = (issue: SiteIssue): number => Number(issue.key.slice(issue.key.lastIndexOf('-') + 1));
const sprintIdsOf = (issue: SiteIssue): number[] => {
  const v = issue.fields[SPRINT_FIELD_ID];
  return Array.isArray(v) ? v.map((s) => (s as { id: number }).id) : [];
};

function shareWithDesignSystem(site: SiteData): void {
  const ds = site.boards.find((b) => b.board.location?.projectKey === 'DS');
  const pay = site.boards.find((b) => b.board.location?.projectKey === 'PAY');
  if (!ds || !pay) throw new Error('the demo site has no DS or PAY board');
  ds.filter.jql = `project = DS OR labels = ${DESIGN_SYSTEM_LABEL} ORDER BY Rank ASC`;
  // The stories of the Payments Web sprints of the last five weeks, every fourth one.
  const recent = new Set(
    site.sprints.filter((s) => s.originBoardId === pay.board.id && s.startDate && Date.parse(s.startDate) >= NOW_MS - 35 * DAY && s.state !== 'future').map((s) => s.id),
  );
  const stories = site.issues.filter(
    (i) => projectOf(i) === 'PAY' && (i.fields.issuetype as { name: string }).name === 'Story' && sprintIdsOf(i).some((id) => recent.has(id)),
  );
  for (const story of stories.filter((_, n) => n % 4 === 0)) {
    const labels = (story.fields.labels as string[] | null) ?? [];
    story.fields.labels = [...labels, DESIGN_SYSTEM_LABEL].sort();
  }
}

/**
 * The platform team retired "Ready for QA" a fortnight ago: the issues that went through it in the
 * sprints before (and are past it now) keep it in their histories.
 */
function deleteReadyForQa(site: SiteData): void {
  const throughReview = (i: SiteIssue) =>
    i.histories.some((h) => {
      const at = parseInstant(h.created);
      return at >= NOW_MS - 60 * DAY && at <= NOW_MS - 14 * DAY && h.items.some((it) => it.field === 'status' && it.to === DEMO_STATUSES.review.id);
    });
  const old = site.issues
    .filter((i) => projectOf(i) === 'PLAT' && (i.fields.status as { id: string }).id !== DEMO_STATUSES.review.id && throughReview(i))
    .sort((a, b) => numberOf(a) - numberOf(b))
    .slice(0, 6);
  for (const issue of old) {
    for (const h of issue.histories) {
      for (const item of h.items) {
        if (item.field !== 'status') continue;
        if (item.to === DEMO_STATUSES.review.id) Object.assign(item, { to: DELETED_STATUS.id, toString: DELETED_STATUS.name });
        if (item.from === DEMO_STATUSES.review.id) Object.assign(item, { from: DELETED_STATUS.id, fromString: DELETED_STATUS.name });
      }
    }
  }
}

function negativeEstimate(site: SiteData): void {
  const paya = site.boards.find((b) => b.board.location?.projectKey === 'PAYA');
  const active = site.sprints.find((s) => s.originBoardId === paya?.board.id && s.state === 'active');
  if (!paya || !active?.startDate) throw new Error('the demo site has no running PAYA sprint');
  const target = site.issues
    .filter((i) => projectOf(i) === 'PAYA' && sprintIdsOf(i).includes(active.id) && typeof i.fields[STORY_POINTS_FIELD_ID] === 'number')
    .sort((a, b) => numberOf(a) - numberOf(b))[0];
  if (!target) throw new Error('no estimated PAYA issue in the running sprint');
  // After any earlier change of the estimate, so the history ends at the value the field holds.
  const lastEstimate = Math.max(
    0,
    ...target.histories.filter((h) => h.items.some((it) => it.fieldId === STORY_POINTS_FIELD_ID || it.field === 'Story point estimate')).map((h) => parseInstant(h.created)),
  );
  // History ids grow with time across the site: the new one is the latest of all, at the latest instant.
  const latest = Math.max(...site.issues.flatMap((i) => i.histories.map((h) => parseInstant(h.created))));
  const at = Math.min(Math.max(Date.parse(active.startDate) + DAY, lastEstimate + HOUR, latest + MINUTE), NOW_MS);
  const before = target.fields[STORY_POINTS_FIELD_ID] as number;
  const lastId = Math.max(...site.issues.flatMap((i) => i.histories.map((h) => Number(h.id))));
  const scrumMaster = accountIdOf('y.vasilieva');
  const history: ChangelogHistory = {
    id: String(lastId + 1),
    author: { accountId: scrumMaster, displayName: 'Yulia Vasilieva', active: true },
    created: siteTime(at),
    items: [{ field: 'Story point estimate', fieldtype: 'custom', fieldId: STORY_POINTS_FIELD_ID, from: null, fromString: String(before), to: null, toString: '-3' }],
  };
  target.histories.push(history);
  target.fields[STORY_POINTS_FIELD_ID] = -3;
  target.fields.updated = siteTime(at);
}

/** The site's issue security level (its scheme is on the payments and loans projects). */
export const BANK_SECURITY: Readonly<SiteSecurityLevel> = {
  id: BANK_SECURITY_LEVEL_ID,
  name: 'Bank security / Банковская безопасность',
  description: 'Security incidents and anti-fraud work: Jira administrators, payments and loans product owners and scrum masters only.',
};

/** What the secured payments bugs became, newest first. */
const SECURITY_INCIDENTS = [
  'another client’s payment details shown after a session timeout',
  'one-time confirmation codes written to the application log',
  'revoked signing certificate still accepted',
];

const typeOf = (issue: SiteIssue): string => (issue.fields.issuetype as { name: string }).name;
const featureOf = (issue: SiteIssue): string => String(issue.fields.summary ?? '').split(':')[0] ?? '';

/** Puts an issue (and, as Jira does, its sub-tasks) under the level. */
function secure(site: SiteData, issue: SiteIssue): void {
  const subtasks = new Set(((issue.fields.subtasks as { key: string }[] | null | undefined) ?? []).map((s) => s.key));
  for (const i of [issue, ...site.issues.filter((x) => subtasks.has(x.key))]) i.fields.security = { ...BANK_SECURITY };
}

/**
 * "Bank security": the three newest payments bugs of High or Highest priority (one of them open in
 * the running sprint) are security incidents, and the first loans story of the running sprint
 * without sub-tasks is anti-fraud work; all four are under the level. The site's field list gets
 * Jira's `security` system field (JQL `level`).
 */
function bankSecurityLevel(site: SiteData): void {
  if (!site.fields.some((f) => f.id === 'security')) {
    site.fields.push({
      id: 'security',
      key: 'security',
      name: 'Security Level',
      custom: false,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: ['level'],
      schema: { type: 'securitylevel', system: 'security' },
    });
  }
  const urgent = new Set([priorityId('Highest'), priorityId('High')]);
  const bugs = site.issues
    .filter((i) => projectOf(i) === 'PAY' && typeOf(i) === 'Bug' && urgent.has((i.fields.priority as { id: string } | null)?.id ?? ''))
    .sort((a, b) => numberOf(b) - numberOf(a))
    .slice(0, SECURITY_INCIDENTS.length);
  if (bugs.length < SECURITY_INCIDENTS.length) throw new Error('the demo site has too few urgent PAY bugs');
  bugs.forEach((bug, n) => {
    bug.fields.summary = `Security incident (${featureOf(bug)}): ${SECURITY_INCIDENTS[n] as string}`;
    secure(site, bug);
  });
  const loan = site.boards.find((b) => b.board.location?.projectKey === 'LOAN');
  const running = site.sprints.find((s) => s.originBoardId === loan?.board.id && s.state === 'active');
  const story = site.issues
    .filter(
      (i) =>
        projectOf(i) === 'LOAN' &&
        typeOf(i) === 'Story' &&
        running !== undefined &&
        sprintIdsOf(i).includes(running.id) &&
        ((i.fields.subtasks as unknown[] | null | undefined) ?? []).length === 0,
    )
    .sort((a, b) => numberOf(a) - numberOf(b))[0];
  if (!story) throw new Error('no LOAN story without sub-tasks in the running sprint');
  story.fields.summary = `${featureOf(story)}: anti-fraud scoring rules`;
  secure(site, story);
}

/** Adds the quirks to a freshly built site (in place). */
export function addRealSiteQuirks(site: SiteData): void {
  site.translations = { ru: RUSSIAN };
  shareWithDesignSystem(site);
  deleteReadyForQa(site);
  negativeEstimate(site);
  bankSecurityLevel(site);
}
