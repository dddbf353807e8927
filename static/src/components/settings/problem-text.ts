/**
 * A settings problem in words: where it is (the tab, the entry by its name, the field by the label
 * the page shows) and what is wrong, with limits in the unit the field shows. The summary above the
 * tabs and the message under the field are both written here, so they always say the same thing
 * ("must be at most 100" in both places for a target shown in percent); neither shows the
 * configuration's internal path.
 */
import type { ConfigProblem } from '../../../../src/shared/protocol';
import type { Lang } from '../../i18n';
import { describeProblem, type OwnershipMessages } from '../../i18n-ownership';
import { tabOf } from './draft';

/** Shares the page shows in percent: their limits are said in percent too. */
const PERCENT_PATHS: readonly string[] = ['convergence.target', 'convergence.nearBand', 'defects.atRiskShare'];

/** The unit the field at a problem's path shows its value in (100 for a share shown in percent). */
export function problemScale(path: string): number {
  return PERCENT_PATHS.includes(path) ? 100 : 1;
}

/** What is wrong, as the field shows it and as the summary repeats it. */
export function problemMessage(p: ConfigProblem, lang: Lang): string {
  return describeProblem(p, lang, problemScale(p.path));
}

const WORDS: Record<Lang, { item: (n: number) => string; template: (n: number) => string; entry: (n: number) => string; responsibility: (n: number) => string; day: (n: number) => string; holiday: (n: number) => string }> = {
  en: {
    item: (n) => `item ${n}`,
    template: (n) => `template ${n}`,
    entry: (n) => `entry ${n}`,
    responsibility: (n) => `area ${n}`,
    day: (n) => `day ${n}`,
    holiday: (n) => `holiday ${n}`,
  },
  ru: {
    item: (n) => `пункт ${n}`,
    template: (n) => `шаблон ${n}`,
    entry: (n) => `запись ${n}`,
    responsibility: (n) => `область ${n}`,
    day: (n) => `день ${n}`,
    holiday: (n) => `праздник ${n}`,
  },
};

function segmentsOf(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

/** The name an entry of a list goes by on the page, if it has one. */
function nameOf(entry: unknown, lang: Lang): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const e = entry as Record<string, unknown>;
  const name = e.name;
  if (typeof name === 'object' && name !== null) {
    const n = (name as Record<string, unknown>)[lang] ?? (name as Record<string, unknown>).en;
    if (typeof n === 'string' && n.trim() !== '') return n.trim();
  }
  if (typeof name === 'string' && name.trim() !== '') return name.trim();
  if (typeof e.text === 'object' && e.text !== null) {
    const t = (e.text as Record<string, unknown>)[lang];
    if (typeof t === 'string' && t.trim() !== '') return t.trim().length > 40 ? `${t.trim().slice(0, 39)}…` : t.trim();
  }
  return null;
}

const quote = (s: string, lang: Lang) => (lang === 'ru' ? `«${s}»` : `“${s}”`);

/** A key the page has no label for, in words: `openPerTeamTarget` → "open per team target". */
const humanize = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();

/** The label of a field, as the page shows it. */
function labelOf(key: string, parent: string | number | undefined, m: OwnershipMessages): string {
  const labels: Record<string, string> = {
    key: m.key,
    components: m.components,
    labels: m.labels,
    projects: m.projects,
    field: m.field,
    values: m.fieldValues,
    match: m.ruleTitle,
    leader: m.leaderLabel,
    timeZone: m.timeZone,
    responsibilities: m.responsibilitiesTitle,
    issueTypes: parent === 'defects' ? m.defectTypes : m.issueTypes,
    targets: m.targetsTitle,
    priority: m.priority,
    hours: m.hours,
    defaultTargetHours: m.defaultTarget,
    atRiskShare: m.atRisk,
    pauseStatuses: m.pauseStatuses,
    calendar: m.calendarTitle,
    workingDays: m.workingDays,
    workingHours: m.calendarTitle,
    start: m.dayStart,
    end: m.dayEnd,
    holidays: m.holidays,
    openPerTeamTarget: m.openPerTeam,
    staleDays: m.staleDays,
    carryoverSprints: m.carryover,
    acceptanceCriteriaTypes: m.acTypes,
    acceptanceCriteriaField: m.acField,
    rules: m.rulesTitle,
    severity: m.severity,
    target: m.convTarget,
    nearBand: m.nearBand,
    basis: m.basis,
    sprints: m.sprintsShown,
    templates: m.templatesTitle,
    kind: m.kind,
    items: m.items,
    text: m.itemText,
    required: m.required,
    allowNotApplicable: m.allowNa,
    auto: m.auto,
    businessOwner: m.roleLong.business,
    digitalOwner: m.roleLong.digital,
  };
  if (key === 'id') return parent === 'templates' ? m.templateId : m.itemId;
  if (key === 'en' || key === 'ru') return key === 'en' ? m.nameEn : m.nameRu;
  return labels[key] ?? humanize(key);
}

/**
 * Where a problem is, in the page's words: "Convergence › Target, %", "Products › “Retail” › Labels",
 * "Checklists › “DoR” › Items › item 2 › Item". Entries of a list go by their name where they
 * have one, else by their position counted from 1.
 */
export function problemPlace(path: string, config: unknown, m: OwnershipMessages, lang: Lang): string {
  if (path === '(root)' || path === '') return m.settingsTitle;
  const segs = segmentsOf(path);
  const head = segs[0];
  const parts: string[] = [];
  if (head === 'products' || head === 'channels' || head === 'segments') parts.push(m.sections[head]);
  else parts.push(m.tabs[tabOf(path)]);
  const w = WORDS[lang];
  let node: unknown = config;
  let parent: string | number | undefined;
  segs.forEach((seg, i) => {
    const next = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[seg] : undefined;
    if (typeof seg === 'number') {
      const name = nameOf(next, lang);
      const n = seg + 1;
      if (name) parts.push(quote(name, lang));
      else if (parent === 'templates') parts.push(w.template(n));
      else if (parent === 'items') parts.push(w.item(n));
      else if (parent === 'targets') parts.push(m.targetLabel(n));
      else if (parent === 'businessOwner' || parent === 'digitalOwner') parts.push(w.responsibility(n));
      else if (parent === 'holidays') parts.push(w.holiday(n));
      else if (parent === 'workingDays') parts.push(w.day(n));
      else parts.push(w.entry(n));
    } else if (i === 0 && (seg === 'products' || seg === 'channels' || seg === 'segments')) {
      // Already said by the section.
    } else if (i === 0 && ['defects', 'hygiene', 'convergence', 'checklists'].includes(seg)) {
      // The tab says it.
    } else if (seg === 'name' && typeof next === 'object') {
      // "name.en" is said by its language: "Name in English".
    } else if (seg === 'match' && segs.length > i + 1) {
      // The rule's own field says it ("Labels").
    } else if ((seg === 'templates' || seg === 'targets' || seg === 'items') && typeof segs[i + 1] === 'number') {
      // The entry says it: "template 2", "Target 3", "item 1".
    } else if ((seg === 'en' || seg === 'ru') && parent !== 'name') {
      parts.push(seg === 'en' ? m.responsibilityEn : m.responsibilityRu);
    } else if (parent === 'rules' && typeof seg === 'string') {
      parts.push(quote(seg, lang));
    } else {
      parts.push(labelOf(seg, parent, m));
    }
    parent = seg;
    node = next;
  });
  return parts.join(' › ');
}

/** The summary's line: where, then what (the same words as under the field). */
export function problemLine(p: ConfigProblem, config: unknown, m: OwnershipMessages, lang: Lang): string {
  return `${problemPlace(p.path, config, m, lang)}: ${problemMessage(p, lang)}`;
}
