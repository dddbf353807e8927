/**
 * The settings page edits one draft of the configuration. The server validates it (the same
 * `parseConfig` as every save) and names each problem by path; these helpers write a value at a
 * path and find the problems that belong to a field.
 */
import type { ConfigProblem, GovernanceConfig } from '../../../../src/shared/protocol';

export type Path = readonly (string | number)[];

/** `['products', 2, 'match', 'labels']` → `products[2].match.labels`, as the server writes paths. */
export function pathText(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out === '' ? '(root)' : out;
}

/**
 * A copy of the draft with `value` at `path`. The value may be of the wrong type on purpose: a
 * number field that holds text which is not a number keeps the text, so the server names the path.
 */
export function setAt(draft: GovernanceConfig, path: Path, value: unknown): GovernanceConfig {
  const copy = structuredClone(draft) as unknown as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  path.forEach((p, i) => {
    if (i === path.length - 1) {
      if (value === undefined && !Array.isArray(node)) delete node[p];
      else node[p] = value;
      return;
    }
    const next = node[p];
    if (typeof next !== 'object' || next === null) throw new Error(`no object at ${pathText(path.slice(0, i + 1))}`);
    node = next as Record<string | number, unknown>;
  });
  return copy as unknown as GovernanceConfig;
}

/** The value at a path of the draft (undefined where there is none). */
export function getAt(draft: unknown, path: Path): unknown {
  let node: unknown = draft;
  for (const p of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[p];
  }
  return node;
}

/** The problems of a field: at its path, or inside it (`labels[0]` belongs to `labels`). */
export function problemsUnder(problems: readonly ConfigProblem[], path: Path, exact = false): ConfigProblem[] {
  const p = pathText(path);
  return problems.filter((x) => x.path === p || (!exact && (x.path.startsWith(`${p}.`) || x.path.startsWith(`${p}[`))));
}

export type TabId = 'structure' | 'general' | 'defects' | 'hygiene' | 'convergence' | 'checklists' | 'transfer' | 'matrix' | 'sync';
export const TABS: readonly TabId[] = ['structure', 'general', 'defects', 'hygiene', 'convergence', 'checklists', 'transfer', 'matrix', 'sync'];

/** The tab that edits the value at a problem's path. */
export function tabOf(problemPath: string): TabId {
  const head = /^[A-Za-z]+/.exec(problemPath)?.[0] ?? '';
  switch (head) {
    case 'products':
    case 'channels':
    case 'segments':
      return 'structure';
    case 'defects':
      return 'defects';
    case 'hygiene':
      return 'hygiene';
    case 'convergence':
      return 'convergence';
    case 'checklists':
      return 'checklists';
    default:
      return 'general';
  }
}

/** A key from a name: `Foreign trade (FX)` → `foreign-trade-fx`; empty when nothing usable is left. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** A key not yet used in the list: `base`, else `base-2`, `base-3`… */
export function freshKey(base: string, used: readonly string[]): string {
  const b = base === '' ? 'new' : base;
  if (!used.includes(b)) return b;
  for (let i = 2; ; i++) if (!used.includes(`${b}-${i}`)) return `${b}-${i}`;
}

export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
