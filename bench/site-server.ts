/**
 * The customer's Jira site, in a process of its own: the synthetic site built as emulator data and
 * served over HTTP by the emulator, changed on request as a day of work changes it. The benchmark
 * (`site.ts`) drives it over IPC (`site-protocol.ts`); nothing of the site's memory or CPU counts
 * against the app's side.
 *
 * `node dist/bench/site-server.js '<SiteSpec as JSON>'`
 */
import { doneStatusIds } from '../src/domain/done';
import { statusCatalog } from '../src/domain/issue';
import type { ChangelogHistory } from '../src/domain/jira';
import { rng, SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID, STATUSES } from '../src/domain/testing/generate';
import { compileJql } from '../src/emulator/jql-eval';
import { startEmulator } from '../src/emulator/server';
import type { SiteData, SiteIssue } from '../src/emulator/site';
import { SiteChanges } from '../src/emulator/site-changes';
import { SiteIndex } from '../src/emulator/site-index';
import { keptScopeJql } from '../src/services/jql';
import { type BoardScope, type DayResult, type DaySpec, Ready, type RequestSummary, ServerRequest, SiteSpec } from './site-protocol';
import { BENCH_APP, siteDataOf } from './site-data';
import { syntheticSite } from './synthetic';

const HOUR = 3_600_000;
/** The fields the sync replays, so the histories bulk fetch returns for it. */
const REPLAYED = ['status', 'priority', 'assignee', SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID];
const WORKFLOW = [STATUSES.todo.id, STATUSES.inProgress.id, STATUSES.review.id, STATUSES.done.id];

function send(message: unknown): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const spec = SiteSpec.parse(JSON.parse(process.argv[2] ?? '{}'));
  const t0 = performance.now();
  const site = siteDataOf(
    syntheticSite({ boards: spec.boards, issuesPerBoard: spec.issuesPerBoard, sprintsPerBoard: spec.sprintsPerBoard, historiesPerIssue: spec.historiesPerIssue, now: spec.now }),
    { viewers: spec.viewers, futureSprints: true },
  );
  let clock = spec.now;
  const emulator = await startEmulator(site, { now: () => clock });
  const histories = site.issues.reduce((n, i) => n + i.histories.length, 0);
  send(Ready.parse({ kind: 'ready', url: emulator.url, issues: site.issues.length, histories, buildMs: performance.now() - t0 }));

  const app = site.users.find((u) => u.accountId === BENCH_APP);
  if (!app) throw new Error('no app account');
  const itemNames = new Set([...REPLAYED.map((f) => f.toLowerCase()), ...site.fields.filter((f) => REPLAYED.includes(f.id)).map((f) => f.name.toLowerCase())]);
  const replayed = (h: ChangelogHistory) => h.items.some((i) => (i.fieldId ? REPLAYED.includes(i.fieldId) : itemNames.has(i.field.toLowerCase())));

  /** Each board's kept scope (as the sync's JQL selects it), counted, with the replayed histories of the issues `only` names. */
  const scope = (only: ReadonlySet<string> | null): BoardScope[] => {
    const index = new SiteIndex(site);
    return site.boards.map((b) => {
      const matches = compileJql(keptScopeJql(b.filter.jql), { index, user: app, now: clock }).matches;
      let issues = 0;
      let hs = 0;
      for (const i of site.issues) {
        if ((only !== null && !only.has(i.id)) || !matches(i)) continue;
        issues++;
        for (const h of i.histories) if (replayed(h)) hs++;
      }
      return { boardId: b.board.id, issues, histories: hs };
    });
  };

  const answer = async (request: ServerRequest): Promise<unknown> => {
    switch (request.op) {
      case 'setNow':
        clock = request.at;
        return null;
      case 'scope':
        return scope(null);
      case 'day':
        return dayOfChange(site, request.day, (ids) => scope(ids), () => emulator.replaceSite(site));
      case 'requests': {
        const byEndpoint: Record<string, number> = {};
        for (const r of emulator.requests) {
          const key = r.endpoint ?? `${r.method} ${r.path}`;
          byEndpoint[key] = (byEndpoint[key] ?? 0) + 1;
        }
        const summary: RequestSummary = { total: emulator.requests.length, byEndpoint };
        // The log keeps every request's body: emptied at each summary, so it stays small.
        emulator.requests.length = 0;
        return summary;
      }
      case 'close':
        await emulator.close();
        setImmediate(() => process.exit(0));
        return null;
    }
  };
  process.on('message', (raw: unknown) => {
    const parsed = ServerRequest.safeParse(raw);
    if (!parsed.success) {
      send({ id: -1, ok: false, error: `unreadable request: ${parsed.error.message}` });
      return;
    }
    answer(parsed.data).then(
      (result) => send({ id: parsed.data.id, ok: true, result }),
      (e: unknown) => send({ id: parsed.data.id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
}

/**
 * A day of work on the site, as Jira records it: a share of the issues changed once or twice
 * (status moves, estimates, assignees, added to the active sprint), each change at its own instant
 * in the day's first 20 hours; on a share of the boards the active sprint closed (its open issues
 * moved to the next sprint) and the next one started. Deterministic for a seed.
 */
function dayOfChange(site: SiteData, day: DaySpec, scopeOf: (ids: ReadonlySet<string>) => BoardScope[], publish: () => void): DayResult {
  const random = rng(day.seed);
  const changes = new SiteChanges(site);
  const counts: Record<string, number> = { status: 0, estimate: 0, assignee: 0, sprint: 0 };
  const people = site.users.filter((u) => !u.app && !u.accountId.startsWith('viewer-')).map((u) => u.accountId);
  const activeSprint = new Map<string, number>();
  for (const b of site.boards) {
    const active = site.sprints.find((s) => s.originBoardId === b.board.id && s.state === 'active');
    if (active && b.board.location?.projectKey) activeSprint.set(b.board.location.projectKey, active.id);
  }
  // Which issues change: a share of the site, drawn without repeats.
  const order = site.issues.map((_, i) => i);
  const picked = Math.round(day.issueShare * order.length);
  for (let i = 0; i < picked; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const moments: { at: number; issue: SiteIssue }[] = [];
  for (let i = 0; i < picked; i++) {
    const issue = site.issues[order[i] as number] as SiteIssue;
    const times = random() < 0.3 ? 2 : 1;
    for (let k = 0; k < times; k++) moments.push({ at: day.from + 60_000 + Math.floor(random() * 20 * HOUR), issue });
  }
  moments.sort((a, b) => a.at - b.at);
  const changed = new Set<string>();
  for (const { at, issue } of moments) {
    const r = random();
    const status = String((issue.fields.status as { id: string }).id);
    const project = String((issue.fields.project as { key: string }).key);
    const active = activeSprint.get(project);
    if (r < 0.15 && active !== undefined && !changes.sprintIds(issue).includes(active)) {
      changes.setSprints(issue.key, [...changes.sprintIds(issue), active], at);
      counts.sprint = (counts.sprint ?? 0) + 1;
    } else if (r < 0.65) {
      const next = WORKFLOW.filter((s) => s !== status);
      changes.moveStatus(issue.key, next[Math.floor(random() * next.length)] as string, at);
      counts.status = (counts.status ?? 0) + 1;
    } else if (r < 0.85) {
      changes.setEstimate(issue.key, STORY_POINTS_FIELD_ID, [1, 2, 3, 5, 8, 13, null][Math.floor(random() * 7)] ?? null, at);
      counts.estimate = (counts.estimate ?? 0) + 1;
    } else {
      changes.assign(issue.key, people[Math.floor(random() * people.length)] ?? null, at);
      counts.assignee = (counts.assignee ?? 0) + 1;
    }
    changed.add(issue.id);
  }
  // Sprint rollovers late in the day, on boards spread over the site: the active sprint closes,
  // its open issues move to the next one, which starts.
  const catalog = statusCatalog(site.statuses);
  const rollovers = Math.ceil(day.rolloverShare * site.boards.length);
  const step = site.boards.length / Math.max(1, rollovers);
  let moved = 0;
  const sprintBoards: number[] = [];
  for (let k = 0; k < rollovers; k++) {
    const b = site.boards[Math.floor(k * step)];
    if (!b) continue;
    const active = site.sprints.find((s) => s.originBoardId === b.board.id && s.state === 'active');
    const next = site.sprints.find((s) => s.originBoardId === b.board.id && s.state === 'future');
    if (!active || !next) continue;
    const at = day.from + 21 * HOUR + k * 60_000;
    const members = site.issues.filter((i) => changes.sprintIds(i).includes(active.id));
    const before = members.map((i) => i.histories.length);
    changes.closeSprint(active.id, at, doneStatusIds(b.configuration, catalog), next.id);
    changes.startSprint(next.id, at + 30_000);
    members.forEach((i, n) => {
      if (i.histories.length === before[n]) return;
      changed.add(i.id);
      moved++;
    });
    sprintBoards.push(b.board.id);
  }
  publish();
  const boards = scopeOf(changed);
  return { changes: counts, changedIssues: changed.size, boards, sprintBoards, movedToNextSprint: moved };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
