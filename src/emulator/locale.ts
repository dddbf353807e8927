/**
 * Names in the acting user's language, as Jira Cloud gives them: issue types, statuses (and their
 * categories), priorities and resolutions are named in each user's language (`myself.locale`),
 * while ids stay the same and `untranslatedName` (in the type and status lists) stays English.
 * A site without translations, or a user whose language has none, reads the names as stored.
 * Changelog histories keep the strings they were written with, as Jira's do.
 */
import type { SiteData, SiteTranslations, SiteUser } from './site';

/** The translations for the user's locale (`ru_RU` → `ru`), or null for the stored names. */
export function translationsFor(site: SiteData, user: SiteUser): SiteTranslations | null {
  const language = (user.locale ?? 'en_US').split(/[_-]/)[0]?.toLowerCase() ?? 'en';
  return site.translations?.[language] ?? null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function named(value: unknown, names: Readonly<Record<string, string>> | undefined): unknown {
  if (!isObj(value) || !names || typeof value.id !== 'string') return value;
  const name = names[value.id];
  return name === undefined ? value : { ...value, name };
}

function status(value: unknown, t: SiteTranslations): unknown {
  const renamed = named(value, t.statuses);
  if (!isObj(renamed) || !isObj(renamed.statusCategory)) return renamed;
  const key = renamed.statusCategory.key;
  const name = typeof key === 'string' ? t.statusCategories?.[key] : undefined;
  return name === undefined ? renamed : { ...renamed, statusCategory: { ...renamed.statusCategory, name } };
}

/** An issue's fields as the user reads them: type, status, priority and resolution names translated. */
export function localizeFields(fields: Obj, t: SiteTranslations | null): Obj {
  if (t === null) return fields;
  const out: Obj = { ...fields };
  if ('issuetype' in out) out.issuetype = named(out.issuetype, t.issueTypes);
  if ('status' in out) out.status = status(out.status, t);
  if ('priority' in out) out.priority = named(out.priority, t.priorities);
  if ('resolution' in out) out.resolution = named(out.resolution, t.resolutions);
  for (const link of ['parent'] as const) {
    const v = out[link];
    if (isObj(v) && isObj(v.fields)) out[link] = { ...v, fields: localizeFields(v.fields, t) };
  }
  if (Array.isArray(out.subtasks)) out.subtasks = out.subtasks.map((s: unknown) => (isObj(s) && isObj(s.fields) ? { ...s, fields: localizeFields(s.fields, t) } : s));
  return out;
}

/** `GET /rest/api/3/status`: names translated, `untranslatedName` the stored (English) name. */
export function statusList(site: SiteData, t: SiteTranslations | null): Obj[] {
  return site.statuses.map((s) => ({ ...(status(s, t ?? {}) as Obj), untranslatedName: s.untranslatedName ?? s.name }));
}

/** `GET /rest/api/3/issuetype`: names translated, `untranslatedName` the stored (English) name. */
export function issueTypeList(site: SiteData, t: SiteTranslations | null): Obj[] {
  return site.issueTypes.map((type) => ({ ...(named(type, t?.issueTypes) as Obj), untranslatedName: type.name }));
}

/** `GET /rest/api/3/priority`: names translated. */
export function priorityList(site: SiteData, t: SiteTranslations | null): Obj[] {
  return site.priorities.map((p) => named(p, t?.priorities) as Obj);
}
