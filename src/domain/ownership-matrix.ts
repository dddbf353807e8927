/**
 * The ownership matrix: products × channels × segments, with the number of issues, open issues,
 * open defects and hygiene violations in each cell, so that the owners of a cell see its load.
 *
 * An issue counts in every cell its mapping spans (an issue of two channels counts in both). Each
 * dimension also has a "none" slot (the issue maps to no entry of it) and an "any" slot (every
 * issue, whatever it maps to), so that any slice — one segment, all segments, the issues without a
 * product — is read from the same cells without double counting.
 */
import type { GovernanceConfig } from './config';
import { isDefect } from './defects';
import { isDone, issueViolations, type HygieneContext } from './hygiene';
import type { PreparedIssue } from './issue';
import { ownershipMapper } from './ownership';

/** The slot of issues that map to no entry of a dimension (keys never start with a dash). */
export const NONE = '-';
/** The slot of every issue, whatever it maps to in a dimension. */
export const ANY = '*';

/** What the matrix knows of one issue: its mapping keys and what it weighs. */
export interface MatrixFacts {
  products: readonly string[];
  channels: readonly string[];
  segments: readonly string[];
  /** Status category is not `done`. */
  open: boolean;
  /** Open and of a defect type (docs/metrics.md, "Defects and SLA"). */
  openDefect: boolean;
  /** Enabled hygiene rules the issue breaks (docs/metrics.md, "Jira hygiene"). */
  violations: number;
}

export interface MatrixCounts {
  /** Issues scanned in the cell. */
  issues: number;
  open: number;
  openDefects: number;
  /** Hygiene violations (an issue breaking two rules counts two). */
  violations: number;
  /** Issues breaking at least one rule. */
  violating: number;
}

export interface MatrixCell extends MatrixCounts {
  /** A product key, `NONE` or `ANY`; likewise `channel` and `segment`. */
  product: string;
  channel: string;
  segment: string;
}

export interface OwnershipMatrix {
  /** Issues scanned. */
  scanned: number;
  /** Every non-empty cell, ordered by product, channel, segment as the configuration lists them (NONE, then ANY, last). */
  cells: MatrixCell[];
}

/** The facts of a prepared issue at `ctx.now` under `ctx.config`. */
export function matrixFacts(issue: PreparedIssue, ctx: HygieneContext): MatrixFacts {
  const m = ownershipMapper(ctx.config)(issue.issue);
  const open = !isDone(issue.issue);
  return {
    products: m.products.map((p) => p.key),
    channels: m.channels.map((c) => c.key),
    segments: m.segments.map((s) => s.key),
    open,
    openDefect: open && isDefect(issue, ctx.config),
    violations: issueViolations(issue, ctx).length,
  };
}

const slots = (keys: readonly string[]): string[] => [...(keys.length === 0 ? [NONE] : keys), ANY];

const zero = (): MatrixCounts => ({ issues: 0, open: 0, openDefects: 0, violations: 0, violating: 0 });

/** The matrix over the facts of the scanned issues. */
export function ownershipMatrix(facts: Iterable<MatrixFacts>, config: Pick<GovernanceConfig, 'products' | 'channels' | 'segments'>): OwnershipMatrix {
  const cells = new Map<string, MatrixCell>();
  let scanned = 0;
  for (const f of facts) {
    scanned++;
    // An issue listed twice under one key (a mapping cannot do that, but facts may come from anywhere) counts once.
    const ps = slots([...new Set(f.products)]);
    const cs = slots([...new Set(f.channels)]);
    const ss = slots([...new Set(f.segments)]);
    for (const product of ps)
      for (const channel of cs)
        for (const segment of ss) {
          const id = `${product}|${channel}|${segment}`;
          let cell = cells.get(id);
          if (!cell) {
            cell = { product, channel, segment, ...zero() };
            cells.set(id, cell);
          }
          cell.issues++;
          if (f.open) cell.open++;
          if (f.openDefect) cell.openDefects++;
          cell.violations += f.violations;
          if (f.violations > 0) cell.violating++;
        }
  }
  const order = (keys: readonly { key: string }[]) => {
    const index = new Map<string, number>(keys.map((k, i) => [k.key, i]));
    index.set(NONE, keys.length);
    index.set(ANY, keys.length + 1);
    // A key no longer configured (facts from an older configuration) sorts after the known ones.
    return (key: string) => index.get(key) ?? keys.length + 0.5;
  };
  const p = order(config.products);
  const c = order(config.channels);
  const s = order(config.segments);
  const sorted = [...cells.values()].sort((a, b) => p(a.product) - p(b.product) || c(a.channel) - c(b.channel) || s(a.segment) - s(b.segment));
  return { scanned, cells: sorted };
}

/** The counts of one cell (zero where no issue falls in it). */
export function matrixCell(matrix: OwnershipMatrix, product: string, channel: string, segment: string): MatrixCounts {
  const cell = matrix.cells.find((x) => x.product === product && x.channel === channel && x.segment === segment);
  if (!cell) return zero();
  const { issues, open, openDefects, violations, violating } = cell;
  return { issues, open, openDefects, violations, violating };
}
