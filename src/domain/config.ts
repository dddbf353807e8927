/**
 * The governance configuration: one validated, versioned document. Every default comes from the
 * governance model (README.md, "What it is"; docs/ownership.md) and every one of them is editable.
 */
import { z } from 'zod';
import { type ConfigMigration, isV1Config, migrateV1Config } from './config-migration';

export const LocalizedText = z.object({ en: z.string().min(1), ru: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

const Key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case letters, digits or dashes, starting with a letter or digit');

/** An issue matches when ANY listed criterion matches (docs/metrics.md, "Ownership"; docs/ownership.md). */
export const MatchRule = z
  .object({
    components: z.array(z.string().min(1)).default([]),
    labels: z.array(z.string().min(1)).default([]),
    projects: z.array(z.string().min(1)).default([]),
    field: z
      .object({ id: z.string().regex(/^customfield_\d+$/, 'must be a custom field id such as customfield_10050'), values: z.array(z.string().min(1)).min(1) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type MatchRule = z.infer<typeof MatchRule>;

const AccountId = z.string().min(1).max(128);

export const Product = z
  .object({
    key: Key,
    name: LocalizedText,
    match: MatchRule,
    businessOwner: AccountId.nullable().default(null),
    digitalOwner: AccountId.nullable().default(null),
  })
  .strict();
export type Product = z.infer<typeof Product>;

export const Channel = z
  .object({ key: Key, name: LocalizedText, match: MatchRule, leader: AccountId.nullable().default(null) })
  .strict();
export type Channel = z.infer<typeof Channel>;

export const Segment = z.object({ key: Key, name: LocalizedText, match: MatchRule }).strict();
export type Segment = z.infer<typeof Segment>;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const TimeZone = z.string().refine(isTimeZone, { message: 'is not an IANA time zone (e.g. Europe/Moscow)' });

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A business calendar: only time inside it counts towards a defect's SLA. */
export const BusinessCalendar = z
  .object({
    timeZone: TimeZone,
    /** ISO week days: 1 = Monday … 7 = Sunday. */
    workingDays: z.array(z.number().int().min(1).max(7)).min(1),
    workingHours: z.object({ start: HHMM, end: HHMM }).strict(),
    holidays: z.array(IsoDate).default([]),
  })
  .strict()
  // Compared only once both are valid times: a malformed one already has its own message.
  .refine(({ workingHours: h }) => !HHMM.safeParse(h.start).success || !HHMM.safeParse(h.end).success || h.start < h.end, {
    message: 'workingHours.start must be before workingHours.end',
    path: ['workingHours'],
  });
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

/**
 * Jira objects the configuration names (issue types, priorities, statuses) are referred to by id,
 * with the name kept only for display (docs/metrics.md, "Configuration: Jira objects by id"): Jira localizes these
 * names per user and admins rename them, so a name would make figures depend on who looks.
 */
const JiraId = z.string().regex(/^\d{1,18}$/, 'must be a Jira id (digits only), such as 10004');
const DisplayName = z.string().min(1).max(255);

/**
 * An issue type: by its id (what the settings page saves), or by its `untranslatedName`, the
 * English name Jira keeps whatever the viewer's language (what the built-in defaults use, so they
 * fit any site: `Bug`, `Story`).
 */
export const IssueTypeRef = z
  .object({ id: JiraId.optional(), untranslatedName: DisplayName.optional(), name: DisplayName.optional() })
  .strict()
  .superRefine((r, ctx) => {
    if ((r.id === undefined) === (r.untranslatedName === undefined))
      ctx.addIssue({ code: 'custom', message: 'name an issue type by its id or by its untranslatedName (exactly one of them)' });
    if (r.untranslatedName !== undefined && r.name !== undefined)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'a type named by untranslatedName needs no display name' });
  });
export type IssueTypeRef = z.infer<typeof IssueTypeRef>;

/** A priority or a status: by id; `name` is what the settings page showed when it was chosen. */
export const ObjectRef = z.object({ id: JiraId, name: DisplayName.optional() }).strict();
export type ObjectRef = z.infer<typeof ObjectRef>;

/** An SLA target: hours for the defects of one priority. */
export const DefectTarget = z.object({ priority: ObjectRef, hours: z.number().positive() }).strict();
export type DefectTarget = z.infer<typeof DefectTarget>;

/** What an issue says about its type: the id, the (possibly localized) name, and the untranslated name where known. */
export interface IssueTypeFacts {
  readonly id: string;
  readonly name: string;
  readonly untranslatedName?: string | null | undefined;
}

/**
 * Whether an issue's type is one of `refs`. By id; or by untranslated name, compared
 * case-insensitively. Where Jira gave no untranslated name for the type (a site or endpoint that
 * does not send one), its name stands in: that is the untranslated name for a user whose language
 * is English, the only case in which a name is all there is.
 */
export function matchesIssueType(refs: readonly IssueTypeRef[], type: IssueTypeFacts): boolean {
  for (const r of refs) {
    if (r.id !== undefined) {
      if (r.id === type.id) return true;
    } else if (r.untranslatedName !== undefined) {
      const canonical = type.untranslatedName ?? type.name;
      if (canonical.toLowerCase() === r.untranslatedName.toLowerCase()) return true;
    }
  }
  return false;
}

/** How a reference reads for people: its display name, else its untranslated name, else `#id`. */
export function refLabel(r: { id?: string | undefined; name?: string | undefined; untranslatedName?: string | undefined }): string {
  return r.name ?? r.untranslatedName ?? `#${r.id ?? '?'}`;
}

export const Severity = z.enum(['high', 'medium', 'low']);
export type Severity = z.infer<typeof Severity>;

export const HYGIENE_RULE_IDS = [
  'unassigned-in-progress',
  'missing-estimate',
  'missing-description',
  'missing-acceptance-criteria',
  'stale-in-progress',
  'done-without-resolution',
  'resolution-not-done',
  'overdue',
  'no-product',
  'chronic-carryover',
  'open-subtasks-under-done-parent',
] as const;
export const HygieneRuleId = z.enum(HYGIENE_RULE_IDS);
export type HygieneRuleId = z.infer<typeof HygieneRuleId>;

export const HygieneRuleSetting = z.object({ enabled: z.boolean().default(true), severity: Severity.optional() }).strict();

export const AUTO_CHECKS = ['estimate', 'acceptanceCriteria', 'designLink', 'subtasksDone', 'description', 'assignee'] as const;
export const AutoCheck = z.enum(AUTO_CHECKS);
export type AutoCheck = z.infer<typeof AutoCheck>;

export const ChecklistItemTemplate = z
  .object({
    id: Key,
    text: LocalizedText,
    required: z.boolean().default(true),
    /** May be marked not applicable (always with a reason). */
    allowNotApplicable: z.boolean().default(true),
    /** Computed from the issue instead of ticked by hand. */
    auto: AutoCheck.nullable().default(null),
  })
  .strict();
export type ChecklistItemTemplate = z.infer<typeof ChecklistItemTemplate>;

export const ChecklistKind = z.enum(['dor', 'dod']);
export type ChecklistKind = z.infer<typeof ChecklistKind>;

export const ChecklistTemplate = z
  .object({
    id: Key,
    kind: ChecklistKind,
    name: LocalizedText,
    /** Project keys it applies to; empty: every project. */
    projects: z.array(z.string().min(1)).default([]),
    /** Issue types it applies to; empty: every type that is not a sub-task. */
    issueTypes: z.array(IssueTypeRef).default([]),
    items: z.array(ChecklistItemTemplate).min(1),
  })
  .strict();
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

export const CONFIG_SCHEMA_VERSION = 2;

const GovernanceConfigBase = z
  .object({
    schemaVersion: z.literal(CONFIG_SCHEMA_VERSION).default(CONFIG_SCHEMA_VERSION),
    /** Time zone of calendar dates (due dates, "today"). */
    timeZone: TimeZone.default('UTC'),
    products: z.array(Product).default([]),
    channels: z.array(Channel).default([]),
    segments: z.array(Segment).default([]),
    responsibilities: z
      .object({ businessOwner: z.array(LocalizedText), digitalOwner: z.array(LocalizedText) })
      .strict(),
    convergence: z
      .object({
        target: z.number().gt(0).max(1).default(0.95),
        /** `near` is within this distance below the target. */
        nearBand: z.number().min(0).max(1).default(0.1),
        basis: z.enum(['issues', 'points']).default('issues'),
        /** Closed sprints reported per board by default. */
        sprints: z.number().int().min(1).max(50).default(6),
      })
      .strict(),
    defects: z
      .object({
        issueTypes: z.array(IssueTypeRef).min(1).default([{ untranslatedName: 'Bug' }]),
        /** SLA targets by priority id, in the order reports list them. */
        targets: z.array(DefectTarget).max(50),
        defaultTargetHours: z.number().positive().nullable().default(null),
        atRiskShare: z.number().gt(0).max(1).default(0.8),
        /** Statuses (by id) during which the SLA clock is paused. */
        pauseStatuses: z.array(ObjectRef).default([]),
        calendar: BusinessCalendar.nullable().default(null),
        /** Open defects per team must stay below this. */
        openPerTeamTarget: z.number().min(0).default(1),
      })
      .strict(),
    hygiene: z
      .object({
        staleDays: z.number().int().min(1).max(365).default(14),
        carryoverSprints: z.number().int().min(1).max(50).default(3),
        acceptanceCriteriaTypes: z.array(IssueTypeRef).default([{ untranslatedName: 'Story' }]),
        /** A custom field holding acceptance criteria, if the site has one. */
        acceptanceCriteriaField: z.string().regex(/^customfield_\d+$/).nullable().default(null),
        rules: z.partialRecord(HygieneRuleId, HygieneRuleSetting).default({}),
      })
      .strict(),
    checklists: z.object({ templates: z.array(ChecklistTemplate) }).strict(),
  })
  .strict();

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

export const GovernanceConfig = GovernanceConfigBase.superRefine((c, ctx) => {
  for (const list of ['products', 'channels', 'segments'] as const) {
    for (const key of duplicates(c[list].map((e) => e.key)))
      ctx.addIssue({ code: 'custom', path: [list], message: `key "${key}" is used twice` });
  }
  for (const id of duplicates(c.checklists.templates.map((t) => t.id)))
    ctx.addIssue({ code: 'custom', path: ['checklists', 'templates'], message: `template id "${id}" is used twice` });
  c.checklists.templates.forEach((t, i) => {
    for (const id of duplicates(t.items.map((it) => it.id)))
      ctx.addIssue({ code: 'custom', path: ['checklists', 'templates', i, 'items'], message: `item id "${id}" is used twice` });
  });
  for (const id of duplicates(c.defects.targets.map((t) => t.priority.id)))
    ctx.addIssue({ code: 'custom', path: ['defects', 'targets'], message: `priority ${id} has two targets` });
});
export type GovernanceConfig = z.infer<typeof GovernanceConfig>;
export type GovernanceConfigInput = z.input<typeof GovernanceConfig>;

/**
 * A zod issue path as people read it: `defects.targetHours.High` or `products[2].match.labels[0]`.
 * `whole` names the empty path (the document itself).
 */
export function formatPath(path: readonly PropertyKey[], whole = '(root)'): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? whole : out;
}

export function formatZodError(error: z.ZodError): string[] {
  return error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

export type ConfigResult =
  | { ok: true; config: GovernanceConfig; migration: ConfigMigration | null }
  | { ok: false; errors: string[] };

/**
 * Validates a configuration document; errors name the path and the problem. A document of schema
 * version 1 (names instead of ids) is migrated first, without the site: issue types by name become
 * untranslated names, Jira's default priority names their default ids; what cannot be resolved that
 * way is listed in `migration.unresolved` (the settings page resolves names against the site).
 */
export function parseConfig(input: unknown): ConfigResult {
  let document = input;
  let migration: ConfigMigration | null = null;
  if (isV1Config(input)) {
    const m = migrateV1Config(input, null);
    document = m.document;
    migration = { from: 1, unresolved: m.unresolved };
  }
  const r = GovernanceConfig.safeParse(document);
  return r.success ? { ok: true, config: r.data, migration } : { ok: false, errors: formatZodError(r.error) };
}

export class ConfigError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`invalid governance configuration: ${errors.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfigOrThrow(input: unknown): GovernanceConfig {
  const r = parseConfig(input);
  if (!r.ok) throw new ConfigError(r.errors);
  return r.config;
}

const t = (en: string, ru: string): LocalizedText => ({ en, ru });
const item = (id: string, en: string, ru: string, extra: Partial<ChecklistItemTemplate> = {}): ChecklistItemTemplate => ({
  id,
  text: t(en, ru),
  required: true,
  allowNotApplicable: true,
  auto: null,
  ...extra,
});
/**
 * Jira Cloud's default priorities, by the ids every site gives them, with the default SLA targets
 * of the governance model (docs/metrics.md, "Configuration: Jira objects by id").
 */
export const DEFAULT_PRIORITY_TARGETS: readonly DefectTarget[] = [
  { priority: { id: '1', name: 'Highest' }, hours: 24 },
  { priority: { id: '2', name: 'High' }, hours: 72 },
  { priority: { id: '3', name: 'Medium' }, hours: 240 },
  { priority: { id: '4', name: 'Low' }, hours: 720 },
];

/** The two product-owner roles of the governance model: what the Business PO and the Digital PO answer for. */
export const RESPONSIBILITIES = {
  businessOwner: [
    t('Business strategy of the product', 'Бизнес-стратегия продукта'),
    t('Business priorities of product development', 'Бизнес-приоритеты развития продукта'),
    t('End-to-end business process (offline and online)', 'Сквозной бизнес-процесс (офлайн и онлайн)'),
    t('Legal framework and methodology (regulations)', 'Правовая база и методология (регламенты)'),
    t('Marketing and promotion', 'Маркетинг и продвижение'),
    t('Expert knowledge of processes and product for the team', 'Экспертиза процессов и продукта для команды'),
    t('Branch network and operations: sales and servicing', 'Сеть отделений и операции: продажи и обслуживание'),
  ],
  digitalOwner: [
    t('Vision of the product in digital channels', 'Видение продукта в цифровых каналах'),
    t('The best digital customer journey', 'Лучший цифровой клиентский путь'),
    t('Execution of product changes in digital channels, dependency management', 'Реализация изменений продукта в цифровых каналах, управление зависимостями'),
    t('Quality in digital channels: defects, UI/UX standards, online satisfaction, tech debt, stability', 'Качество в цифровых каналах: дефекты, стандарты UI/UX, онлайн-удовлетворённость, техдолг, стабильность'),
    t('Managing the development team', 'Управление командой разработки'),
    t('Growth of product metrics in digital channels', 'Рост продуктовых метрик в цифровых каналах'),
  ],
};

/**
 * The built-in defaults: what applies until an administrator saves a configuration, and what the
 * command uses without `--config`. They fit any Jira Cloud site: defects are issues of the type
 * Jira calls `Bug` in English, SLA targets are set for Jira's default priorities by id, and no
 * product, channel or segment is configured (so `no-product` is inactive). The governance model's
 * bank example (`bankExampleConfig`) is one step away on the settings page.
 */
export function defaultConfig(): GovernanceConfig {
  return GovernanceConfig.parse({
    schemaVersion: CONFIG_SCHEMA_VERSION,
    timeZone: 'UTC',
    products: [],
    channels: [],
    segments: [],
    responsibilities: RESPONSIBILITIES,
    // Stryker disable next-line ObjectLiteral: the schema's defaults are these same values
    convergence: { target: 0.95, nearBand: 0.1, basis: 'issues', sprints: 6 },
    defects: {
      issueTypes: [{ untranslatedName: 'Bug' }],
      targets: DEFAULT_PRIORITY_TARGETS,
      defaultTargetHours: null,
      atRiskShare: 0.8,
      pauseStatuses: [],
      calendar: null,
      openPerTeamTarget: 1,
    },
    // Stryker disable next-line ObjectLiteral: the schema's defaults are these same values
    hygiene: {
      staleDays: 14,
      carryoverSprints: 3,
      acceptanceCriteriaTypes: [{ untranslatedName: 'Story' }],
      acceptanceCriteriaField: null,
      rules: {},
    },
    checklists: {
      templates: [
        {
          id: 'dor-default',
          kind: 'dor',
          name: t('Definition of Ready', 'Чек-лист готовности к разработке (DoR)'),
          projects: [],
          issueTypes: [],
          items: [
            item('cjm', 'Customer journey map (CJM) prepared', 'Подготовлена карта клиентского пути (CJM)'),
            item('design', 'Design mock-ups ready', 'Готовы дизайн-макеты', { auto: 'designLink' }),
            item('uxui-copyright', 'UX/UI copyright check passed', 'Пройдена проверка UX/UI-копирайта'),
            item('architecture', 'Architectural vision check passed', 'Пройдена проверка архитектурного видения'),
            item('acceptance-criteria', 'Acceptance criteria written', 'Написаны критерии приёмки', { auto: 'acceptanceCriteria', allowNotApplicable: false }),
            item('estimate', 'Time and resources estimated', 'Оценены сроки и ресурсы', { auto: 'estimate', allowNotApplicable: false }),
          ],
        },
        {
          id: 'dod-default',
          kind: 'dod',
          name: t('Definition of Done', 'Чек-лист готовности к rollout (DoD)'),
          projects: [],
          issueTypes: [],
          items: [
            item('code-review', 'Code reviewed', 'Проведено код-ревью'),
            item('uxui-review', 'UX/UI reviewed', 'Проведено UX/UI-ревью'),
            item('otar', 'ОТАР approval received', 'Получено согласование ОТАР'),
            item('func-int-tests', 'Functional and integration tests passed', 'Пройдены функциональные и интеграционные тесты'),
            item('load-test', 'Load test passed', 'Пройдено нагрузочное тестирование'),
            item('business-acceptance', 'Business acceptance', 'Бизнес-приёмка'),
            item('support-materials', 'Client-support materials prepared', 'Подготовлены материалы для поддержки клиентов'),
            item('rollout-plan', 'Pilot group and rollout plan defined', 'Определены пилотная группа и план раскатки'),
            item('subtasks-done', 'All sub-tasks done', 'Все подзадачи выполнены', { auto: 'subtasksDone', allowNotApplicable: false }),
          ],
        },
      ],
    },
  });
}

/** The status `convergence` or any ratio earns against a target. */
export type TargetStatus = 'met' | 'near' | 'missed';
export function targetStatus(ratio: number | null, target: number, nearBand: number): TargetStatus | null {
  if (ratio === null) return null;
  if (ratio >= target) return 'met';
  if (ratio >= target - nearBand) return 'near';
  return 'missed';
}
