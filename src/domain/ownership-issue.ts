/**
 * The ownership of one issue (docs/ownership.md): the products, channels and segments it maps to,
 * who owns each, and what is missing — with a suggested fix a team member can act on.
 */
import type { Channel, GovernanceConfig, Product, Segment } from './config';
import type { JiraIssue } from './jira';
import { mapIssue } from './ownership';

export type OwnerRole = 'business' | 'digital';

/** A product whose rule would map the issue if it carried one of these values. */
export interface ProductSuggestion {
  product: string;
  /** Components of the issue's own project that the product's rule lists. */
  components: string[];
  /** Labels the product's rule lists. */
  labels: string[];
}

export type OwnershipProblem =
  /** No product maps: the issue has no owner to ask, and breaks the `no-product` hygiene rule. */
  | { kind: 'no-product'; suggestions: ProductSuggestion[] }
  /** A product it maps to lacks a Business PO, a Digital PO, or both. */
  | { kind: 'no-owner'; product: string; missing: OwnerRole[] }
  /** It maps to several products: whom to ask is ambiguous. */
  | { kind: 'several-products'; products: string[] }
  /** A channel it touches has no leader. */
  | { kind: 'no-leader'; channel: string };

export interface IssueOwnership {
  products: Product[];
  channels: Channel[];
  segments: Segment[];
  problems: OwnershipProblem[];
}

const fold = (s: string) => s.trim().toLowerCase();

/**
 * Which products the issue could be mapped to: those whose rule lists a component of the issue's
 * project (the most likely intent: the project already has the component), then every product
 * with a component or label criterion, so that the warning always names a concrete fix. A product
 * that can only be matched by project or custom field is named with no values: the fix is then a
 * change to the mapping, not to the issue.
 */
export function productSuggestions(config: GovernanceConfig, projectComponents: readonly string[]): ProductSuggestion[] {
  const available = new Set(projectComponents.map(fold));
  const rows = config.products.map((p) => ({
    product: p.key,
    components: p.match.components.filter((c) => available.has(fold(c))),
    labels: [...p.match.labels],
  }));
  const likely = rows.filter((r) => r.components.length > 0);
  const others = rows.filter((r) => r.components.length === 0);
  return [...likely, ...others];
}

/**
 * The ownership of an issue under a configuration. `projectComponents` (the components of the
 * issue's project) only sharpen the suggestions when no product maps.
 */
export function issueOwnership(issue: JiraIssue, config: GovernanceConfig, projectComponents: readonly string[] = []): IssueOwnership {
  const { products, channels, segments } = mapIssue(issue, config);
  const problems: OwnershipProblem[] = [];
  if (products.length === 0 && config.products.length > 0) problems.push({ kind: 'no-product', suggestions: productSuggestions(config, projectComponents) });
  if (products.length > 1) problems.push({ kind: 'several-products', products: products.map((p) => p.key) });
  for (const p of products) {
    const missing: OwnerRole[] = [];
    if (p.businessOwner === null) missing.push('business');
    if (p.digitalOwner === null) missing.push('digital');
    if (missing.length > 0) problems.push({ kind: 'no-owner', product: p.key, missing });
  }
  for (const c of channels) if (c.leader === null) problems.push({ kind: 'no-leader', channel: c.key });
  return { products, channels, segments, problems };
}

/** Every account id the ownership names (owners and leaders), once each, in order of appearance. */
export function ownershipAccountIds(o: Pick<IssueOwnership, 'products' | 'channels'>): string[] {
  const ids: string[] = [];
  const add = (id: string | null) => {
    if (id !== null && !ids.includes(id)) ids.push(id);
  };
  for (const p of o.products) {
    add(p.businessOwner);
    add(p.digitalOwner);
  }
  for (const c of o.channels) add(c.leader);
  return ids;
}
