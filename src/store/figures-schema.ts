/**
 * Board figure rows as stored (`BoardFigures`): checked by zod when written (`BoardFiguresDoc`),
 * stored as one document per section with its rows as columns, each parsed by zod when read back.
 */
import { z } from 'zod';
import { HygieneRuleId } from '../domain/config';
import type { MemberRow } from '../domain/convergence';
import type { DefectRow } from '../domain/defects';
import type { BoardFigures, FigureHygieneRow, IssueTag, SprintRows } from '../domain/figures';
import type { HygieneRow } from '../domain/hygiene';

const Tag = z.object({
  id: z.string(),
  key: z.string(),
  projectKey: z.string(),
  projectId: z.string(),
  security: z.string().nullable(),
  products: z.array(z.string()),
  channels: z.array(z.string()),
  segments: z.array(z.string()),
  summary: z.string().nullable(),
  assignee: z.string().nullable(),
  assigneeName: z.string().nullable(),
  open: z.boolean(),
  defect: z.boolean(),
  deletedStatuses: z.array(z.string()),
});
const Head = z.object({
  boardId: z.number(),
  sprintId: z.number(),
  name: z.string(),
  state: z.enum(['closed', 'active']),
  shared: z.boolean(),
  start: z.number(),
  end: z.number(),
});
const Member = z.object({
  key: z.string(),
  flags: z.number().int(),
  ps: z.number(),
  pe: z.number(),
  pr: z.number(),
  invalidEstimate: z.literal(true).optional(),
  unmappedStatus: z.string().optional(),
});
const Defect = z.object({
  id: z.string(),
  key: z.string(),
  project: z.string(),
  number: z.number(),
  open: z.boolean(),
  resolvedAt: z.number().nullable(),
  priority: z.string().nullable(),
  priorityId: z.string().nullable(),
  targetPriorityId: z.string().nullable(),
  targetHours: z.number().nullable(),
  elapsedHours: z.number(),
  outcome: z.enum(['met', 'breached', 'atRisk', 'onTrack', 'noSla']),
});
const Hygiene = z.object({ id: z.string(), key: z.string(), rules: z.array(HygieneRuleId) });
const ScannedNow = Hygiene.extend({ invalidEstimate: z.literal(true).optional() });

export const BoardFiguresDoc: z.ZodType<BoardFigures> = z.object({
  boardId: z.number(),
  asOf: z.number(),
  resolvedSince: z.number(),
  closedSprints: z.number(),
  tags: z.array(Tag),
  sprints: z.array(z.object({ head: Head, rows: z.array(Member) })),
  defects: z.array(Defect),
  hygiene: z.array(ScannedNow),
  hygieneBefore: z.array(Hygiene).nullable(),
});

// ---- stored by section -------------------------------------------------------------------------

/**
 * The sections a board's figures are stored in, each read on its own: the backlog convergence
 * gadget reads `convergence` (the sprints' member rows), the hygiene and defects gadget `defects`
 * and `hygiene` (with the week-before rows). Each section holds the tags of the issues its rows
 * name, so a reader parses and checks the rows it shows and nothing else.
 */
export const FIGURES_SECTIONS = ['convergence', 'defects', 'hygiene'] as const;
export type FiguresSection = (typeof FIGURES_SECTIONS)[number];
export const FiguresSection = z.enum(FIGURES_SECTIONS);

/**
 * The stored layout of figures. 1: one document of row objects per board; 2: a document per section,
 * its rows as columns (an array per field, no repeated keys; values that repeat, such as projects,
 * assignees and products, as indexes into a list of the distinct ones; a row names its issue by
 * the index of the issue's tag). A store holding figures of another layout answers as if it held
 * none, and the sync derives them again from the stored issues (the board's state records the
 * layout its figures were written in).
 */
export const FIGURES_FORMAT = 2;

/**
 * Columns of primitives, checked by zod with one test per value (no per-value schema to run: a
 * column of thousands of values costs a loop, where `z.array(z.string())` runs a schema per value).
 */
function column<T>(what: string, is: (v: unknown) => v is T): z.ZodType<T[]> {
  return z.custom<T[]>(
    (v) => {
      if (!Array.isArray(v)) return false;
      for (const x of v as unknown[]) if (!is(x)) return false;
      return true;
    },
    { message: `expected an array of ${what}` },
  );
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumberOrNull = (v: unknown): v is number | null => v === null || isNumber(v);
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const str = column('strings', isString);
const strOrNull = column('strings or nulls', isStringOrNull);
const num = column('numbers', isNumber);
const numOrNull = column('numbers or nulls', isNumberOrNull);
const int = column('whole numbers', isInt);
const bool = column('booleans', isBoolean);

const within = (n: number, at: readonly number[]): boolean => {
  for (const i of at) if (!(i >= 0 && i < n)) return false;
  return true;
};

/** A column of values that repeat: the distinct values (`v`, few), and each row's index among them (`i`). */
const Distinct = <T extends z.ZodType>(value: T) => z.object({ v: z.array(value), i: int }).refine((c) => within(c.v.length, c.i));
const Names = Distinct(z.string());
const NamesOrNull = Distinct(z.string().nullable());
const Lists = Distinct(z.array(z.string()));
interface DistinctColumn<T> {
  v: T[];
  i: number[];
}

function distinct<T>(values: readonly T[], keyOf: (v: T) => string = (v) => String(v)): DistinctColumn<T> {
  const at = new Map<string, number>();
  const out: DistinctColumn<T> = { v: [], i: [] };
  for (const value of values) {
    const k = keyOf(value);
    let n = at.get(k);
    if (n === undefined) {
      at.set(k, (n = out.v.length));
      out.v.push(value);
    }
    out.i.push(n);
  }
  return out;
}
const nullableKey = (v: string | null): string => (v === null ? '\u0000null' : `=${v}`);
const listKey = (v: readonly string[]): string => JSON.stringify(v);
/** The values of a distinct column, row by row (each list copied, as a parse gives a fresh one). */
const valuesOf = <T>(c: DistinctColumn<T>): T[] => c.i.map((n) => c.v[n] as T);
const listsOf = (c: DistinctColumn<string[]>): string[][] => c.i.map((n) => [...(c.v[n] as string[])]);

const TagColumns = z
  .object({
    /** Each tag's place among the board's tags (a board's tags are the union of its sections'). */
    pos: int,
    id: str,
    key: str,
    projectKey: Names,
    projectId: Names,
    security: NamesOrNull,
    products: Lists,
    channels: Lists,
    segments: Lists,
    summary: strOrNull,
    assignee: NamesOrNull,
    assigneeName: NamesOrNull,
    open: bool,
    defect: bool,
    deletedStatuses: Lists,
  })
  .refine((c) => {
    const n = c.pos.length;
    return [c.id, c.key, c.projectKey.i, c.projectId.i, c.security.i, c.products.i, c.channels.i, c.segments.i, c.summary, c.assignee.i, c.assigneeName.i, c.open, c.defect, c.deletedStatuses.i].every((col) => col.length === n);
  });
type TagColumns = z.infer<typeof TagColumns>;

/**
 * Rows name their issue by `k`: the index of its tag in the section (or, past the tags, of a key in
 * the section's `keys`); a row whose id is not its tag's carries it among `ids` (`idAt`: the rows).
 */
const Named = { k: int, idAt: int, ids: str };

const MemberColumns = z
  .object({
    k: int,
    flags: int,
    ps: num,
    pe: num,
    pr: num,
    /** Rows whose estimate was unusable. */
    invalid: int,
    /** Rows whose status at the sprint's end is in no column, and that status. */
    unmappedAt: int,
    unmapped: str,
  })
  .refine((c) => {
    const n = c.k.length;
    return c.flags.length === n && c.ps.length === n && c.pe.length === n && c.pr.length === n && c.unmappedAt.length === c.unmapped.length && within(n, c.invalid) && within(n, c.unmappedAt);
  });
type MemberColumns = z.infer<typeof MemberColumns>;

const DefectColumns = z
  .object({
    ...Named,
    project: Names,
    number: num,
    open: bool,
    resolvedAt: numOrNull,
    priority: NamesOrNull,
    priorityId: NamesOrNull,
    targetPriorityId: NamesOrNull,
    targetHours: numOrNull,
    elapsedHours: num,
    outcome: Distinct(z.enum(['met', 'breached', 'atRisk', 'onTrack', 'noSla'])),
  })
  .refine((c) => {
    const n = c.k.length;
    return (
      [c.project.i, c.number, c.open, c.resolvedAt, c.priority.i, c.priorityId.i, c.targetPriorityId.i, c.targetHours, c.elapsedHours, c.outcome.i].every((col) => col.length === n) &&
      c.idAt.length === c.ids.length &&
      within(n, c.idAt)
    );
  });
type DefectColumns = z.infer<typeof DefectColumns>;

const HygieneColumns = z
  .object({ ...Named, rules: Distinct(z.array(HygieneRuleId)), invalid: int })
  .refine((c) => c.rules.i.length === c.k.length && c.idAt.length === c.ids.length && within(c.k.length, c.idAt) && within(c.k.length, c.invalid));
type HygieneColumns = z.infer<typeof HygieneColumns>;

const SectionHead = {
  format: z.literal(FIGURES_FORMAT),
  boardId: z.number(),
  asOf: z.number(),
  resolvedSince: z.number(),
  closedSprints: z.number(),
  tags: TagColumns,
  /** Keys rows name that no tag of the section has. */
  keys: str,
};
/** Every row's `k` names a tag or a key of the section. */
const named = (s: { tags: TagColumns; keys: string[] }, ...columns: readonly (readonly number[])[]): boolean => columns.every((k) => within(s.tags.key.length + s.keys.length, k));
const ConvergenceSection = z
  .object({ ...SectionHead, section: z.literal('convergence'), sprints: z.array(z.object({ head: Head, rows: MemberColumns })) })
  .refine((s) => named(s, ...s.sprints.map((sp) => sp.rows.k)));
const DefectsSection = z.object({ ...SectionHead, section: z.literal('defects'), defects: DefectColumns }).refine((s) => named(s, s.defects.k));
const HygieneSection = z
  .object({ ...SectionHead, section: z.literal('hygiene'), hygiene: HygieneColumns, hygieneBefore: HygieneColumns.nullable() })
  .refine((s) => named(s, s.hygiene.k, s.hygieneBefore?.k ?? []));
const SectionDocs = { convergence: ConvergenceSection, defects: DefectsSection, hygiene: HygieneSection } as const;
/** One stored section of a board's figures (layout 2). */
export type FiguresSectionDoc = z.infer<typeof ConvergenceSection> | z.infer<typeof DefectsSection> | z.infer<typeof HygieneSection>;

function tagColumns(tags: readonly IssueTag[], pos: readonly number[]): TagColumns {
  const at = pos.map((i) => tags[i] as IssueTag);
  return {
    pos: [...pos],
    id: at.map((t) => t.id),
    key: at.map((t) => t.key),
    projectKey: distinct(at.map((t) => t.projectKey)),
    projectId: distinct(at.map((t) => t.projectId)),
    security: distinct(at.map((t) => t.security), nullableKey),
    products: distinct(at.map((t) => [...t.products]), listKey),
    channels: distinct(at.map((t) => [...t.channels]), listKey),
    segments: distinct(at.map((t) => [...t.segments]), listKey),
    summary: at.map((t) => t.summary),
    assignee: distinct(at.map((t) => t.assignee), nullableKey),
    assigneeName: distinct(at.map((t) => t.assigneeName), nullableKey),
    open: at.map((t) => t.open),
    defect: at.map((t) => t.defect),
    deletedStatuses: distinct(at.map((t) => [...t.deletedStatuses]), listKey),
  };
}

/** How a section's rows name their issues: each key's index (its tag's, or past the tags, among `keys`), and each index's id. */
class Naming {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly tags: TagColumns) {
    tags.key.forEach((k, i) => {
      if (!this.index.has(k)) this.index.set(k, i);
    });
  }
  k(key: string): number {
    let n = this.index.get(key);
    if (n === undefined) {
      this.index.set(key, (n = this.tags.key.length + this.keys.length));
      this.keys.push(key);
    }
    return n;
  }
  /** The `Named` columns of rows with ids and keys. */
  named(rows: readonly { id: string; key: string }[]): { k: number[]; idAt: number[]; ids: string[] } {
    const out = { k: [] as number[], idAt: [] as number[], ids: [] as string[] };
    rows.forEach((r, i) => {
      const k = this.k(r.key);
      out.k.push(k);
      if (this.tags.id[k] !== r.id) {
        out.idAt.push(i);
        out.ids.push(r.id);
      }
    });
    return out;
  }
}

function memberColumns(rows: readonly MemberRow[], naming: Naming): MemberColumns {
  const c: MemberColumns = { k: [], flags: [], ps: [], pe: [], pr: [], invalid: [], unmappedAt: [], unmapped: [] };
  rows.forEach((r, i) => {
    c.k.push(naming.k(r.key));
    c.flags.push(r.flags);
    c.ps.push(r.ps);
    c.pe.push(r.pe);
    c.pr.push(r.pr);
    if (r.invalidEstimate) c.invalid.push(i);
    if (r.unmappedStatus !== undefined) {
      c.unmappedAt.push(i);
      c.unmapped.push(r.unmappedStatus);
    }
  });
  return c;
}

function defectColumns(rows: readonly DefectRow[], naming: Naming): DefectColumns {
  return {
    ...naming.named(rows),
    project: distinct(rows.map((r) => r.project)),
    number: rows.map((r) => r.number),
    open: rows.map((r) => r.open),
    resolvedAt: rows.map((r) => r.resolvedAt),
    priority: distinct(rows.map((r) => r.priority), nullableKey),
    priorityId: distinct(rows.map((r) => r.priorityId), nullableKey),
    targetPriorityId: distinct(rows.map((r) => r.targetPriorityId), nullableKey),
    targetHours: rows.map((r) => r.targetHours),
    elapsedHours: rows.map((r) => r.elapsedHours),
    outcome: distinct(rows.map((r) => r.outcome)),
  };
}

function hygieneColumns(rows: readonly FigureHygieneRow[], naming: Naming): HygieneColumns {
  const invalid: number[] = [];
  rows.forEach((r, i) => {
    if (r.invalidEstimate) invalid.push(i);
  });
  return { ...naming.named(rows), rules: distinct(rows.map((r) => [...r.rules]), listKey), invalid };
}

/**
 * A board's figures (already checked by `BoardFiguresDoc`) as the JSON texts of their sections.
 * Each section holds the tags of the issues its rows name; a tag no row names goes with every section.
 */
export function encodeFigureSections(f: BoardFigures): Record<FiguresSection, string> {
  const namedKeys: Record<FiguresSection, Set<string>> = { convergence: new Set(), defects: new Set(), hygiene: new Set() };
  for (const s of f.sprints) for (const r of s.rows) namedKeys.convergence.add(r.key);
  for (const d of f.defects) namedKeys.defects.add(d.key);
  for (const h of f.hygiene) namedKeys.hygiene.add(h.key);
  for (const h of f.hygieneBefore ?? []) namedKeys.hygiene.add(h.key);
  const section = <T extends object>(name: FiguresSection, rows: (naming: Naming) => T): string => {
    const pos: number[] = [];
    f.tags.forEach((t, i) => {
      if (namedKeys[name].has(t.key) || !FIGURES_SECTIONS.some((s) => namedKeys[s].has(t.key))) pos.push(i);
    });
    const tags = tagColumns(f.tags, pos);
    const naming = new Naming(tags);
    const body = rows(naming);
    return JSON.stringify({ format: FIGURES_FORMAT, boardId: f.boardId, asOf: f.asOf, resolvedSince: f.resolvedSince, closedSprints: f.closedSprints, tags, keys: naming.keys, section: name, ...body });
  };
  return {
    convergence: section('convergence', (n) => ({ sprints: f.sprints.map((s) => ({ head: s.head, rows: memberColumns(s.rows, n) })) })),
    defects: section('defects', (n) => ({ defects: defectColumns(f.defects, n) })),
    hygiene: section('hygiene', (n) => ({ hygiene: hygieneColumns(f.hygiene, n), hygieneBefore: f.hygieneBefore === null ? null : hygieneColumns(f.hygieneBefore, n) })),
  };
}

/** A stored section, parsed and checked: null when it is not JSON, not of this layout, or not the section asked for. */
export function parseFigureSection(section: FiguresSection, text: string): FiguresSectionDoc | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const r = SectionDocs[section].safeParse(value);
  return r.success ? r.data : null;
}

function tagsOf(c: TagColumns): [number, IssueTag][] {
  const projectKey = valuesOf(c.projectKey);
  const projectId = valuesOf(c.projectId);
  const security = valuesOf(c.security);
  const products = listsOf(c.products);
  const channels = listsOf(c.channels);
  const segments = listsOf(c.segments);
  const assignee = valuesOf(c.assignee);
  const assigneeName = valuesOf(c.assigneeName);
  const deletedStatuses = listsOf(c.deletedStatuses);
  return c.pos.map((p, i) => [
    p,
    {
      id: c.id[i] as string,
      key: c.key[i] as string,
      projectKey: projectKey[i] as string,
      projectId: projectId[i] as string,
      security: security[i] as string | null,
      products: products[i] as string[],
      channels: channels[i] as string[],
      segments: segments[i] as string[],
      summary: c.summary[i] as string | null,
      assignee: assignee[i] as string | null,
      assigneeName: assigneeName[i] as string | null,
      open: c.open[i] as boolean,
      defect: c.defect[i] as boolean,
      deletedStatuses: deletedStatuses[i] as string[],
    },
  ]);
}

/** A section's names: each row's key and (unless it carries its own) id, by its `k`. */
interface Names {
  readonly keys: readonly string[];
  readonly ids: readonly (string | undefined)[];
}
const namesOf = (d: FiguresSectionDoc): Names => ({ keys: [...d.tags.key, ...d.keys], ids: d.tags.id });

function idsOf(c: { k: number[]; idAt: number[]; ids: string[] }, names: Names): string[] {
  const ids = c.k.map((k) => names.ids[k] ?? '');
  c.idAt.forEach((at, i) => {
    ids[at] = c.ids[i] as string;
  });
  return ids;
}

function memberRows(c: MemberColumns, names: Names): MemberRow[] {
  const invalid = new Set(c.invalid);
  const unmapped = new Map(c.unmappedAt.map((at, i) => [at, c.unmapped[i] as string] as const));
  return c.k.map((k, i) => {
    const row: { -readonly [K in keyof MemberRow]: MemberRow[K] } = { key: names.keys[k] as string, flags: c.flags[i] as number, ps: c.ps[i] as number, pe: c.pe[i] as number, pr: c.pr[i] as number };
    if (invalid.has(i)) row.invalidEstimate = true;
    const status = unmapped.get(i);
    if (status !== undefined) row.unmappedStatus = status;
    return row;
  });
}

function defectRows(c: DefectColumns, names: Names): DefectRow[] {
  const ids = idsOf(c, names);
  const project = valuesOf(c.project);
  const priority = valuesOf(c.priority);
  const priorityId = valuesOf(c.priorityId);
  const targetPriorityId = valuesOf(c.targetPriorityId);
  const outcome = valuesOf(c.outcome);
  return c.k.map((k, i) => ({
    id: ids[i] as string,
    key: names.keys[k] as string,
    project: project[i] as string,
    number: c.number[i] as number,
    open: c.open[i] as boolean,
    resolvedAt: c.resolvedAt[i] as number | null,
    priority: priority[i] as string | null,
    priorityId: priorityId[i] as string | null,
    targetPriorityId: targetPriorityId[i] as string | null,
    targetHours: c.targetHours[i] as number | null,
    elapsedHours: c.elapsedHours[i] as number,
    outcome: outcome[i] as DefectRow['outcome'],
  }));
}

function hygieneRows(c: HygieneColumns, names: Names, withInvalid: boolean): FigureHygieneRow[] {
  const ids = idsOf(c, names);
  const rules = c.rules.i.map((n) => [...(c.rules.v[n] as HygieneRuleId[])]);
  const invalid = new Set(withInvalid ? c.invalid : []);
  return c.k.map((k, i) => {
    const row = { id: ids[i] as string, key: names.keys[k] as string, rules: rules[i] as HygieneRuleId[] };
    return invalid.has(i) ? { ...row, invalidEstimate: true as const } : row;
  });
}

/**
 * A board's figures from the sections read (parsed by `parseFigureSection`): the rows of those
 * sections (the others' empty: no sprints, defects or hygiene rows, `hygieneBefore` null) and the
 * tags of the issues they name. Null when the sections are not of one write (another board, instant
 * or horizon), or none was given.
 */
export function figuresFromSections(docs: readonly FiguresSectionDoc[]): BoardFigures | null {
  const first = docs[0];
  if (!first) return null;
  if (docs.some((d) => d.boardId !== first.boardId || d.asOf !== first.asOf || d.resolvedSince !== first.resolvedSince || d.closedSprints !== first.closedSprints)) return null;
  const tags = new Map<number, IssueTag>();
  let sprints: SprintRows[] = [];
  let defects: DefectRow[] = [];
  let hygiene: FigureHygieneRow[] = [];
  let hygieneBefore: HygieneRow[] | null = null;
  for (const d of docs) {
    for (const [p, t] of tagsOf(d.tags)) if (!tags.has(p)) tags.set(p, t);
    const names = namesOf(d);
    if (d.section === 'convergence') sprints = d.sprints.map((s) => ({ head: s.head, rows: memberRows(s.rows, names) }));
    else if (d.section === 'defects') defects = defectRows(d.defects, names);
    else {
      hygiene = hygieneRows(d.hygiene, names, true);
      hygieneBefore = d.hygieneBefore === null ? null : hygieneRows(d.hygieneBefore, names, false);
    }
  }
  return {
    boardId: first.boardId,
    asOf: first.asOf,
    resolvedSince: first.resolvedSince,
    closedSprints: first.closedSprints,
    tags: [...tags.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t),
    sprints,
    defects,
    hygiene,
    hygieneBefore,
  };
}

/** The sections asked for, each once, in their stored order (all when none is named). */
export function sectionsOf(sections: readonly FiguresSection[] | undefined): FiguresSection[] {
  if (sections === undefined) return [...FIGURES_SECTIONS];
  const asked = new Set(sections);
  return FIGURES_SECTIONS.filter((s) => asked.has(s));
}
