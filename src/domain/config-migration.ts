/**
 * Schema version 1 of the configuration named issue types, priorities and statuses by name; version
 * 2 names them by id (or, for issue types, by the untranslated name Jira keeps in English). This
 * turns a version 1 document into a version 2 one, resolving each name against what the site calls
 * its objects when the site is known (the settings page asks Jira as the administrator), and lists
 * every name it could not resolve, so nothing is dropped silently.
 *
 * Pure: no I/O. Only types are imported from `config.ts` (which calls this), so there is no cycle
 * at run time.
 */

/** What a site calls its objects, in any language: ids with names (and untranslated names where Jira gives them). */
export interface SiteNames {
  readonly issueTypes: readonly { id: string; name: string; untranslatedName?: string | null | undefined }[];
  readonly priorities: readonly { id: string; name: string }[];
  readonly statuses: readonly { id: string; name: string; untranslatedName?: string | null | undefined }[];
}

export type UnresolvedKind = 'issueType' | 'priority' | 'status';

/** A name of a version 1 document that no id was found for. */
export interface UnresolvedName {
  /** Where it stood in the version 1 document (`defects.targetHours.Blocker`). */
  readonly path: string;
  readonly kind: UnresolvedKind;
  readonly name: string;
  /** What the migration did with it. */
  readonly outcome: 'kept as an untranslated name' | 'left out';
}

export interface ConfigMigration {
  readonly from: 1;
  readonly unresolved: readonly UnresolvedName[];
}

/**
 * Jira Cloud's default priorities keep these ids on every site; a version 1 document written
 * against an English-speaking site used these names for them.
 */
const DEFAULT_PRIORITY_IDS: Readonly<Record<string, string>> = { highest: '1', high: '2', medium: '3', low: '4', lowest: '5' };

type Doc = Record<string, unknown>;
const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A version 1 document: `schemaVersion: 1`, or no version with SLA targets keyed by priority name. */
export function isV1Config(input: unknown): input is Doc {
  if (!isObject(input)) return false;
  if (input.schemaVersion === 1) return true;
  return input.schemaVersion === undefined && isObject(input.defects) && isObject(input.defects.targetHours);
}

const same = (a: string, b: string | null | undefined): boolean => b !== null && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Migrates a version 1 document. With `site`, every name is looked up among the site's objects by
 * name or untranslated name (case-insensitively); without it, issue types become untranslated
 * names and priorities with Jira's default names their default ids. Values that are not strings
 * are left for validation to report.
 */
export function migrateV1Config(input: Doc, site: SiteNames | null): { document: Doc; unresolved: UnresolvedName[] } {
  const unresolved: UnresolvedName[] = [];
  const doc: Doc = structuredClone(input);
  doc.schemaVersion = 2;

  const issueTypes = (value: unknown, path: string): unknown => {
    if (!Array.isArray(value)) return value;
    return value.map((name, i) => {
      if (typeof name !== 'string') return name;
      if (site) {
        const found = site.issueTypes.find((t) => same(name, t.name) || same(name, t.untranslatedName));
        if (found) return { id: found.id, name: found.name };
        unresolved.push({ path: `${path}[${i}]`, kind: 'issueType', name, outcome: 'kept as an untranslated name' });
      }
      return { untranslatedName: name };
    });
  };

  const defects = isObject(doc.defects) ? doc.defects : null;
  if (defects) {
    defects.issueTypes = issueTypes(defects.issueTypes, 'defects.issueTypes');
    if (isObject(defects.targetHours)) {
      const targets: unknown[] = [];
      for (const [name, hours] of Object.entries(defects.targetHours)) {
        const found = site ? site.priorities.find((p) => same(name, p.name)) : undefined;
        const id = found?.id ?? (site ? undefined : DEFAULT_PRIORITY_IDS[name.trim().toLowerCase()]);
        if (id === undefined) unresolved.push({ path: `defects.targetHours.${name}`, kind: 'priority', name, outcome: 'left out' });
        else if (!targets.some((t) => isObject(t) && isObject(t.priority) && t.priority.id === id)) targets.push({ priority: { id, name: found?.name ?? name }, hours });
      }
      delete defects.targetHours;
      defects.targets = targets;
    }
    if (Array.isArray(defects.pauseStatuses)) {
      const pause: unknown[] = [];
      defects.pauseStatuses.forEach((name: unknown, i) => {
        if (typeof name !== 'string') return void pause.push(name);
        if (/^\d+$/.test(name.trim())) return void pause.push({ id: name.trim() });
        const found = site?.statuses.find((s) => same(name, s.name) || same(name, s.untranslatedName));
        if (found) pause.push({ id: found.id, name: found.name });
        else unresolved.push({ path: `defects.pauseStatuses[${i}]`, kind: 'status', name, outcome: 'left out' });
      });
      defects.pauseStatuses = pause;
    }
  }
  if (isObject(doc.hygiene)) doc.hygiene.acceptanceCriteriaTypes = issueTypes(doc.hygiene.acceptanceCriteriaTypes, 'hygiene.acceptanceCriteriaTypes');
  if (isObject(doc.checklists) && Array.isArray(doc.checklists.templates)) {
    doc.checklists.templates.forEach((t: unknown, i) => {
      if (isObject(t)) t.issueTypes = issueTypes(t.issueTypes, `checklists.templates[${i}].issueTypes`);
    });
  }
  return { document: doc, unresolved };
}
