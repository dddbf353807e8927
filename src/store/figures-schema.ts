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
 * its rows as columns (an array per field, no repeated keys). A store holding figures of another
 * layout answers as if it held none, and the sync derives them again from the stored issues (the
 * board's state records the layout its figures were written in).
 */
export const FIGURES_FORMAT = 2;

/** Columns of equal length (`n` rows), checked by zod with the document. */
function sameLength(n: number, ...columns: readonly (readonly unknown[])[]): boolean {
  return columns.every((c) => c.length === n);
}
const indices = (n: number, at: readonly number[]): boolean => at.every((i) => i >= 0 && i < n);

const str = z.array(z.string());
const strOrNull = z.array(z.string().nullable());
const num = z.array(z.number());
const int = z.array(z.number().int());
const bool = z.array(z.boolean());
const lists = z.array(z.array(z.string()));

const TagColumns = z
  .object({
    /** Each tag's place among the board's tags (a board's tags are the union of its sections'). */
    pos: int,
    id: str,
    key: str,
    projectKey: str,
    projectId: str,
    security: strOrNull,
    products: lists,
    channels: lists,
    segments: lists,
    summary: strOrNull,
    assignee: strOrNull,
    assigneeName: strOrNull,
    open: bool,
    defect: bool,
    deletedStatuses: lists,
  })
  .refine((c) =>
    sameLength(c.pos.length, c.id, c.key, c.projectKey, c.projectId, c.security, c.products, c.channels, c.segments, c.summary, c.assignee, c.assigneeName, c.open, c.defect, c.deletedStatuses),
  );
type TagColumns = z.infer<typeof TagColumns>;

const MemberColumns = z
  .object({
    key: str,
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
  .refine((c) => sameLength(c.key.length, c.flags, c.ps, c.pe, c.pr) && c.unmappedAt.length === c.unmapped.length && indices(c.key.length, c.invalid) && indices(c.key.length, c.unmappedAt));
type MemberColumns = z.infer<typeof MemberColumns>;

const DefectColumns = z
  .object({
    id: str,
    key: str,
    project: str,
    number: num,
    open: bool,
    resolvedAt: z.array(z.number().nullable()),
    priority: strOrNull,
    priorityId: strOrNull,
    targetPriorityId: strOrNull,
    targetHours: z.array(z.number().nullable()),
    elapsedHours: num,
    outcome: z.array(z.enum(['met', 'breached', 'atRisk', 'onTrack', 'noSla'])),
  })
  .refine((c) => sameLength(c.id.length, c.key, c.project, c.number, c.open, c.resolvedAt, c.priority, c.priorityId, c.targetPriorityId, c.targetHours, c.elapsedHours, c.outcome));
type DefectColumns = z.infer<typeof DefectColumns>;

const HygieneColumns = z
  .object({ id: str, key: str, rules: z.array(z.array(HygieneRuleId)), invalid: int })
  .refine((c) => sameLength(c.id.length, c.key, c.rules) && indices(c.id.length, c.invalid));
type HygieneColumns = z.infer<typeof HygieneColumns>;

const SectionHead = {
  format: z.literal(FIGURES_FORMAT),
  boardId: z.number(),
  asOf: z.number(),
  resolvedSince: z.number(),
  closedSprints: z.number(),
  tags: TagColumns,
};
const ConvergenceSection = z.object({ ...SectionHead, section: z.literal('convergence'), sprints: z.array(z.object({ head: Head, rows: MemberColumns })) });
const DefectsSection = z.object({ ...SectionHead, section: z.literal('defects'), defects: DefectColumns });
const HygieneSection = z.object({ ...SectionHead, section: z.literal('hygiene'), hygiene: HygieneColumns, hygieneBefore: HygieneColumns.nullable() });
/** One stored section of a board's figures (layout 2). */
export const FiguresSectionDoc = z.discriminatedUnion('section', [ConvergenceSection, DefectsSection, HygieneSection]);
export type FiguresSectionDoc = z.infer<typeof FiguresSectionDoc>;

function tagColumns(tags: readonly IssueTag[], pos: readonly number[]): TagColumns {
  const pick = <K extends keyof IssueTag>(k: K): IssueTag[K][] => pos.map((i) => (tags[i] as IssueTag)[k]);
  const copy = (k: 'products' | 'channels' | 'segments' | 'deletedStatuses'): string[][] => pos.map((i) => [...(tags[i] as IssueTag)[k]]);
  return {
    pos: [...pos],
    id: pick('id'),
    key: pick('key'),
    projectKey: pick('projectKey'),
    projectId: pick('projectId'),
    security: pick('security'),
    products: copy('products'),
    channels: copy('channels'),
    segments: copy('segments'),
    summary: pick('summary'),
    assignee: pick('assignee'),
    assigneeName: pick('assigneeName'),
    open: pick('open'),
    defect: pick('defect'),
    deletedStatuses: copy('deletedStatuses'),
  };
}

function memberColumns(rows: readonly MemberRow[]): MemberColumns {
  const c: MemberColumns = { key: [], flags: [], ps: [], pe: [], pr: [], invalid: [], unmappedAt: [], unmapped: [] };
  rows.forEach((r, i) => {
    c.key.push(r.key);
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

function defectColumns(rows: readonly DefectRow[]): DefectColumns {
  const col = <K extends keyof DefectRow>(k: K): DefectRow[K][] => rows.map((r) => r[k]);
  return {
    id: col('id'),
    key: col('key'),
    project: col('project'),
    number: col('number'),
    open: col('open'),
    resolvedAt: col('resolvedAt'),
    priority: col('priority'),
    priorityId: col('priorityId'),
    targetPriorityId: col('targetPriorityId'),
    targetHours: col('targetHours'),
    elapsedHours: col('elapsedHours'),
    outcome: col('outcome'),
  };
}

function hygieneColumns(rows: readonly FigureHygieneRow[]): HygieneColumns {
  const invalid: number[] = [];
  rows.forEach((r, i) => {
    if (r.invalidEstimate) invalid.push(i);
  });
  return { id: rows.map((r) => r.id), key: rows.map((r) => r.key), rules: rows.map((r) => [...r.rules]), invalid };
}

/**
 * A board's figures (already checked by `BoardFiguresDoc`) as the JSON texts of their sections.
 * Each section holds the tags of the issues its rows name; a tag no row names goes with every section.
 */
export function encodeFigureSections(f: BoardFigures): Record<FiguresSection, string> {
  const named: Record<FiguresSection, Set<string>> = { convergence: new Set(), defects: new Set(), hygiene: new Set() };
  for (const s of f.sprints) for (const r of s.rows) named.convergence.add(r.key);
  for (const d of f.defects) named.defects.add(d.key);
  for (const h of f.hygiene) named.hygiene.add(h.key);
  for (const h of f.hygieneBefore ?? []) named.hygiene.add(h.key);
  const posOf = (section: FiguresSection): number[] => {
    const pos: number[] = [];
    f.tags.forEach((t, i) => {
      if (named[section].has(t.key) || !FIGURES_SECTIONS.some((s) => named[s].has(t.key))) pos.push(i);
    });
    return pos;
  };
  const head = (section: FiguresSection) => ({ format: FIGURES_FORMAT, boardId: f.boardId, asOf: f.asOf, resolvedSince: f.resolvedSince, closedSprints: f.closedSprints, tags: tagColumns(f.tags, posOf(section)) });
  return {
    convergence: JSON.stringify({ ...head('convergence'), section: 'convergence', sprints: f.sprints.map((s) => ({ head: s.head, rows: memberColumns(s.rows) })) }),
    defects: JSON.stringify({ ...head('defects'), section: 'defects', defects: defectColumns(f.defects) }),
    hygiene: JSON.stringify({ ...head('hygiene'), section: 'hygiene', hygiene: hygieneColumns(f.hygiene), hygieneBefore: f.hygieneBefore === null ? null : hygieneColumns(f.hygieneBefore) }),
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
  const r = FiguresSectionDoc.safeParse(value);
  return r.success && r.data.section === section ? r.data : null;
}

function tagsOf(c: TagColumns): [number, IssueTag][] {
  return c.pos.map((p, i) => [
    p,
    {
      id: c.id[i] as string,
      key: c.key[i] as string,
      projectKey: c.projectKey[i] as string,
      projectId: c.projectId[i] as string,
      security: c.security[i] as string | null,
      products: c.products[i] as string[],
      channels: c.channels[i] as string[],
      segments: c.segments[i] as string[],
      summary: c.summary[i] as string | null,
      assignee: c.assignee[i] as string | null,
      assigneeName: c.assigneeName[i] as string | null,
      open: c.open[i] as boolean,
      defect: c.defect[i] as boolean,
      deletedStatuses: c.deletedStatuses[i] as string[],
    },
  ]);
}

function memberRows(c: MemberColumns): MemberRow[] {
  const invalid = new Set(c.invalid);
  const unmapped = new Map(c.unmappedAt.map((at, i) => [at, c.unmapped[i] as string] as const));
  return c.key.map((key, i) => {
    const row: { -readonly [K in keyof MemberRow]: MemberRow[K] } = { key, flags: c.flags[i] as number, ps: c.ps[i] as number, pe: c.pe[i] as number, pr: c.pr[i] as number };
    if (invalid.has(i)) row.invalidEstimate = true;
    const status = unmapped.get(i);
    if (status !== undefined) row.unmappedStatus = status;
    return row;
  });
}

function defectRows(c: DefectColumns): DefectRow[] {
  return c.id.map((id, i) => ({
    id,
    key: c.key[i] as string,
    project: c.project[i] as string,
    number: c.number[i] as number,
    open: c.open[i] as boolean,
    resolvedAt: c.resolvedAt[i] as number | null,
    priority: c.priority[i] as string | null,
    priorityId: c.priorityId[i] as string | null,
    targetPriorityId: c.targetPriorityId[i] as string | null,
    targetHours: c.targetHours[i] as number | null,
    elapsedHours: c.elapsedHours[i] as number,
    outcome: c.outcome[i] as DefectRow['outcome'],
  }));
}

function hygieneRows(c: HygieneColumns, withInvalid: boolean): FigureHygieneRow[] {
  const invalid = new Set(withInvalid ? c.invalid : []);
  return c.id.map((id, i) => (invalid.has(i) ? { id, key: c.key[i] as string, rules: c.rules[i] as HygieneRuleId[], invalidEstimate: true } : { id, key: c.key[i] as string, rules: c.rules[i] as HygieneRuleId[] }));
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
    if (d.section === 'convergence') sprints = d.sprints.map((s) => ({ head: s.head, rows: memberRows(s.rows) }));
    else if (d.section === 'defects') defects = defectRows(d.defects);
    else {
      hygiene = hygieneRows(d.hygiene, true);
      hygieneBefore = d.hygieneBefore === null ? null : hygieneRows(d.hygieneBefore, false);
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
