/**
 * How the settings page shows and picks the Jira objects the configuration names by id: issue
 * types, priorities and statuses. Jira names them in each user's language and admins rename them,
 * so the configuration stores the id (with the name shown when it was picked, for display only).
 * A picker shows the site's current name for an id; the stored name, then `#id`, when the site no
 * longer has it, flagged as not on this site. An issue type named by its untranslated name (the
 * built-in defaults do that) reads "Bug (any language)". Pure: no React, so it is tested directly.
 */
import type { DefectTarget, IssueTypeRef, ObjectRef } from '../../../../src/shared/protocol';
import type { Lang } from '../../i18n';
import type { OwnershipMessages } from '../../i18n-ownership';

/** An issue type, priority or status of the site, as the administrator reads it. */
export interface SiteObject {
  id: string;
  name: string;
  untranslatedName?: string | null;
}

/** A reference as the configuration stores it: by id, or (issue types) by untranslated name. */
export type Ref = IssueTypeRef | ObjectRef;

/** A picker's option for one reference: `flag` is shown beside the label wherever it appears. */
export interface RefChoice {
  value: string;
  label: string;
  /** In the menu only: the English name where the site's differs from it, say. */
  hint?: string;
  /** Shown with the label, in the menu and as a chosen value: "not on this site". */
  flag?: string;
  ref: Ref;
}

type Messages = Pick<OwnershipMessages, 'anyLanguage' | 'notOnSite'>;

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether a value from the draft is a reference (a draft may hold anything an import brought). */
export function isRef(v: unknown): v is Ref {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'string' || typeof r.untranslatedName === 'string';
}

/** One value per referenced object: `id:10004`, or `any:bug` for an untranslated name. */
export function refValue(r: Ref): string {
  if (r.id !== undefined) return `id:${r.id}`;
  return `any:${('untranslatedName' in r ? (r.untranslatedName ?? '') : '').trim().toLowerCase()}`;
}

/** The site's name for an object, with its id where another of the site's objects has the same name. */
function siteLabel(o: SiteObject, objects: readonly SiteObject[]): string {
  const twin = objects.some((x) => x.id !== o.id && same(x.name, o.name));
  return twin ? `${o.name} (#${o.id})` : o.name;
}

/** A site object as a picker option; it stores `{ id, name }`. */
export function siteChoice(o: SiteObject, objects: readonly SiteObject[]): RefChoice {
  const english = o.untranslatedName;
  return {
    value: `id:${o.id}`,
    label: siteLabel(o, objects),
    ...(english && !same(english, o.name) ? { hint: english } : {}),
    ref: { id: o.id, name: o.name },
  };
}

/**
 * A stored reference as a picker shows it. `objects` is null while the site's values load: the
 * stored name is shown then, and nothing is flagged yet.
 */
export function refChoice(r: Ref, objects: readonly SiteObject[] | null, m: Messages): RefChoice {
  if (r.id !== undefined) {
    const found = objects?.find((o) => o.id === r.id);
    if (found) return { ...siteChoice(found, objects ?? []), ref: r };
    return { value: refValue(r), label: r.name ?? `#${r.id}`, ...(objects ? { flag: m.notOnSite } : {}), ref: r };
  }
  const english = 'untranslatedName' in r ? (r.untranslatedName ?? '') : '';
  const matching = (objects ?? []).filter((o) => same(o.untranslatedName ?? o.name, english));
  return {
    value: refValue(r),
    label: m.anyLanguage(english),
    // The site's own names of the types it matches, for an administrator who reads another language.
    ...(matching.length > 0 && !matching.every((o) => same(o.name, english)) ? { hint: matching.map((o) => o.name).join(', ') } : {}),
    ...(objects && matching.length === 0 ? { flag: m.notOnSite } : {}),
    ref: r,
  };
}

/** The references a picker's chosen options stand for, once each. */
export function refsOf(chosen: readonly RefChoice[]): Ref[] {
  const seen = new Set<string>();
  return chosen.filter((c) => !seen.has(c.value) && seen.add(c.value)).map((c) => c.ref);
}

// SLA targets: an ordered list, each priority at most once.

/** The priorities row `index` may take: its own, and every priority of the site no other row has. */
export function priorityChoices(targets: readonly DefectTarget[], index: number, priorities: readonly SiteObject[] | null, m: Messages): RefChoice[] {
  const taken = new Set(targets.filter((_, i) => i !== index).map((t) => t.priority.id));
  const own = targets[index]?.priority;
  const free = (priorities ?? []).filter((p) => !taken.has(p.id)).map((p) => siteChoice(p, priorities ?? []));
  if (own && !free.some((c) => c.value === `id:${own.id}`)) return [refChoice(own, priorities, m), ...free];
  return free;
}

/** Targets with one more row: the first of the site's priorities (in Jira's order) without a target; null when every one has one. */
export function withNewTarget(targets: readonly DefectTarget[], priorities: readonly SiteObject[], hours = 240): DefectTarget[] | null {
  const free = priorities.find((p) => !targets.some((t) => t.priority.id === p.id));
  return free ? [...targets, { priority: { id: free.id, name: free.name }, hours }] : null;
}

/** Targets with row `index` moved by `delta` (reports list priorities in this order); unchanged at either end. */
export function movedTarget(targets: readonly DefectTarget[], index: number, delta: -1 | 1): DefectTarget[] {
  const to = index + delta;
  const row = targets[index];
  if (!row || to < 0 || to >= targets.length) return [...targets];
  const next = targets.filter((_, i) => i !== index);
  next.splice(to, 0, row);
  return next;
}

/** Targets with row `index` set to another priority; unchanged when another row already has that one. */
export function withPriority(targets: readonly DefectTarget[], index: number, priority: ObjectRef): DefectTarget[] {
  if (targets.some((t, i) => i !== index && t.priority.id === priority.id)) return [...targets];
  return targets.map((t, i) => (i === index ? { ...t, priority } : t));
}

// Names of a configuration of the older format (schema version 1) that were not found on the site.

const quote = (text: string, lang: Lang) => (lang === 'ru' ? `«${text}»` : `“${text}”`);

/** Where a name stood in the old document, in words: the field's label, or the checklist template. */
export function unresolvedWhere(path: string, m: OwnershipMessages, lang: Lang, templateName: (index: number) => string): string {
  if (path.startsWith('defects.issueTypes')) return quote(m.defectTypes, lang);
  if (path.startsWith('defects.targetHours')) return quote(m.targetsTitle, lang);
  if (path.startsWith('defects.pauseStatuses')) return quote(m.pauseStatuses, lang);
  if (path.startsWith('hygiene.acceptanceCriteriaTypes')) return quote(m.acTypes, lang);
  const template = /^checklists\.templates\[(\d+)\]/.exec(path);
  if (template) {
    const index = Number(template[1]);
    return m.templateTypes(index + 1, templateName(index));
  }
  return path;
}
