/**
 * The demo bank's teams have been using the Readiness panel for a while: issues planned into the
 * coming sprints carry a Definition of Ready part-way done (some ready, most not, a few never
 * opened), running ones a DoR mostly done and a DoD under way, and issues done in the running
 * sprint a DoD nearly complete. The states are built with the app's own domain, so they are
 * exactly what the panel would have stored (in the app's storage) and mirrored (in the issue
 * property JQL searches). Deterministic: a seeded generator per issue.
 */
import {
  applyChange,
  autoCheckResults,
  evaluate,
  type Evaluation,
  type EvaluationInput,
  type ItemChange,
  mirrorOf,
  READINESS_PROPERTY_KEY,
  type ReadinessMirror,
  type ReadinessState,
  stateOf,
} from '../domain/checklists';
import type { GovernanceConfig } from '../domain/config';
import { JiraIssue } from '../domain/jira';
import { rng } from '../domain/testing/generate';
import type { SiteData, SiteIssue } from '../emulator/site';
import { stateKey } from '../services/checklists';
import { acceptAsLanded } from '../services/readiness-mirror';
import { DAY, HOUR, SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID } from './catalog';

/** Reasons people give for "not applicable", per item; Russian, as the bank's teams write. */
const REASONS: Record<string, readonly string[]> = {
  cjm: ['Сценарий клиента не меняется', 'Техническая доработка без клиентского пути'],
  design: ['Только бэкенд, макеты не нужны', 'Изменение API без интерфейса'],
  'uxui-copyright': ['Нет новых текстов в интерфейсе'],
  architecture: ['Изменение в рамках существующего сервиса'],
  'uxui-review': ['Нет изменений интерфейса'],
  otar: ['Не затрагивает периметр ИБ'],
  'load-test': ['Нагрузка не меняется: новых эндпоинтов нет', 'Только справочные данные'],
  'support-materials': ['Поддержке нечего объяснять клиентам'],
  'rollout-plan': ['Выкатывается вместе с родительской фичей'],
};

type Phase = 'planned' | 'running' | 'doneInSprint';

interface Plan {
  /** Chance that an issue in this phase has readiness at all (someone opened the panel). */
  opened: number;
  dor: number;
  dod: number;
  /** How long before `now` the marks were made (ms), at most. */
  spread: number;
}

const PLANS: Record<Phase, Plan> = {
  planned: { opened: 0.8, dor: 0.72, dod: 0, spread: 6 * DAY },
  running: { opened: 0.95, dor: 0.97, dod: 0.35, spread: 9 * DAY },
  doneInSprint: { opened: 1, dor: 1, dod: 0.92, spread: 4 * DAY },
};

function phaseOf(issue: SiteIssue): Phase | null {
  const sprints = issue.fields[SPRINT_FIELD_ID];
  if (!Array.isArray(sprints)) return null;
  const states = new Set(sprints.map((s) => (s && typeof s === 'object' ? (s as { state?: unknown }).state : null)));
  const done = (issue.fields.status as { statusCategory?: { key?: string } } | undefined)?.statusCategory?.key === 'done';
  if (states.has('active')) return done ? 'doneInSprint' : 'running';
  if (states.has('future') && !done) return 'planned';
  return null;
}

function accountOf(value: unknown): string | null {
  return value && typeof value === 'object' && typeof (value as { accountId?: unknown }).accountId === 'string' ? (value as { accountId: string }).accountId : null;
}

export interface DemoReadiness {
  /** What the app's storage holds for the issue (stored as its version 1). */
  state: ReadinessState;
  /** The property JQL searches, mirroring that state. */
  mirror: ReadinessMirror;
}

/** The readiness the panel would hold for this issue, or null when nobody opened it. */
export function demoReadiness(issue: SiteIssue, config: GovernanceConfig, now: number): DemoReadiness | null {
  const phase = phaseOf(issue);
  if (!phase) return null;
  const parsed = JiraIssue.safeParse({ id: issue.id, key: issue.key, fields: issue.fields });
  if (!parsed.success || parsed.data.fields.issuetype.subtask) return null;
  const plan = PLANS[phase];
  const random = rng(Number(issue.id) * 7919 + 17);
  if (random() >= plan.opened) return null;

  const f = parsed.data.fields;
  const people = [accountOf(f.reporter), accountOf(f.assignee)].filter((a): a is string => a !== null);
  if (people.length === 0) return null;
  const auto = autoCheckResults({
    issue: parsed.data,
    estimationFieldId: STORY_POINTS_FIELD_ID,
    acceptanceCriteriaField: config.hygiene.acceptanceCriteriaField,
    remoteLinks: (issue.remoteLinks ?? []).map((l) => l.object.url),
  });
  // Marks are made in order, oldest first, over the plan's spread before `now`.
  let at = now - plan.spread;
  const step = plan.spread / 24;
  const base: Omit<EvaluationInput, 'stored' | 'now'> = {
    templates: config.checklists.templates,
    issue: { projectKey: f.project.key, issueType: { id: f.issuetype.id, name: f.issuetype.name, untranslatedName: f.issuetype.untranslatedName }, subtask: false },
    auto,
  };
  let evaluation: Evaluation = evaluate({ ...base, stored: null, now: at });
  let last: { by: string; at: number } | null = null;
  const apply = (change: ItemChange) => {
    at += step * (0.5 + random());
    const by = people[Math.floor(random() * people.length)] as string;
    const r = applyChange(evaluation, auto, change, by, at);
    if (!r.ok || !r.changed) return;
    evaluation = evaluate({ ...base, stored: r.body, now: at });
    last = { by, at };
  };
  for (const kind of ['dor', 'dod'] as const) {
    const share = plan[kind];
    if (share === 0) continue;
    for (const item of evaluation.lists[kind]?.items ?? []) {
      if (item.state !== 'open' || random() >= share) continue;
      const reasons = REASONS[item.id];
      const notApplicable = item.allowNotApplicable && reasons !== undefined && random() < (item.auto !== null ? 0.6 : 0.18);
      if (notApplicable) apply({ list: kind, item: item.id, state: 'notApplicable', reason: reasons[Math.floor(random() * reasons.length)] as string });
      else if (item.auto === null) apply({ list: kind, item: item.id, state: 'done' });
    }
  }
  // Someone who opened the panel without ticking anything still left the state and its summary behind.
  const stamp: { by: string | null; at: number } = last ?? { by: null, at: at + HOUR };
  return { state: stateOf(evaluation.body, { issueId: issue.id, archive: [] }, stamp.by, stamp.at), mirror: mirrorOf(evaluation, 1, stamp.at) };
}

/** The storage the seeding writes: the app's `Store` fits. */
export interface SeedStore {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  compareAndSet(key: string, value: unknown, expected: number | null): Promise<{ ok: true; version: number } | { ok: false }>;
}

/**
 * Gives the site's issues the demo's readiness where the app's storage has none yet (saved state
 * always wins): the state in the store, the mirror in the issue property (unless one was saved),
 * recorded as written by the app. Returns how many issues were seeded.
 */
export async function seedDemoReadiness(site: SiteData, store: SeedStore, config: GovernanceConfig, now: number): Promise<number> {
  let seeded = 0;
  for (const issue of site.issues) {
    const demo = demoReadiness(issue, config, now);
    if (!demo) continue;
    const created = await store.compareAndSet(stateKey(issue.id), demo.state, null);
    if (!created.ok) continue;
    const mirror = { ...demo.mirror, version: created.version };
    await acceptAsLanded(store, issue.id, mirror, now);
    if (!(READINESS_PROPERTY_KEY in issue.properties)) issue.properties[READINESS_PROPERTY_KEY] = mirror;
    seeded++;
  }
  return seeded;
}
