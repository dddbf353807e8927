/**
 * The issue's context summary (`jira:issueContext`), composed on the server in one resolver call:
 * what blocks the sprint, without opening anything. The issue is read once, as the viewer (so an
 * issue they may not browse, by project or security level, is NOT_FOUND and nothing of it is
 * shown), with every field the three parts need; then, side by side:
 *
 * - readiness from the app's storage (the authoritative checklists), evaluated against the issue
 *   as read, never written: the DoR with its missing items by name, the DoD once work has started;
 * - hygiene: the rules the issue breaks (from the store's judgement while it is current, else
 *   judged from this one issue);
 * - ownership: the products it maps to, with their Business and Digital PO by name.
 */
import { checklistVerdict } from '../domain/checklists';
import type { ChecklistKind, Severity } from '../domain/config';
import { issueOwnership, ownershipAccountIds } from '../domain/ownership-issue';
import { peekReadiness, readinessFields } from '../services/checklists';
import { people } from '../services/ownership';
import type { SurfaceDeps, Viewer } from '../services/surfaces';
import type { ContextChecklist, IssueContextData } from '../shared/governance-protocol';
import { readConfig } from './config-store';
import { hygieneLookFields, judgeIssueHygiene } from './issue-hygiene';
import type { Store } from './store';

const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low'];

export async function issueContext(deps: SurfaceDeps & { documents: Store }, viewer: Viewer, issueKey: string): Promise<IssueContextData> {
  const { config } = await readConfig(deps.documents);
  const client = viewer.client;
  const { fields, estimation } = await readinessFields(client, deps.documents, config);
  const issue = await client.issue(issueKey, [...new Set([...fields, ...hygieneLookFields(config)])]);
  const mapping = issueOwnership(issue, config);
  const [remote, judged, owners] = await Promise.all([
    client.remoteLinks(issue.key),
    judgeIssueHygiene(deps, viewer, config, issue.key, issue),
    people(client, ownershipAccountIds({ products: mapping.products, channels: [] })),
  ]);
  const readiness = await peekReadiness({ client, store: deps.documents, config, now: deps.now() }, issue, remote.map((l) => l.object.url), estimation);
  const stage = readiness.issue.stage;
  const checklist = (kind: ChecklistKind): ContextChecklist | null => {
    const list = readiness.lists[kind];
    return list ? { name: list.name, complete: list.complete, total: list.total, verdict: checklistVerdict(kind, stage, list) } : null;
  };
  const owner = (id: string | null) => (id === null ? null : { accountId: id, displayName: owners.get(id)?.displayName ?? null });
  const severities = new Set(judged.violations.map((v) => v.severity));
  return {
    issue: { key: issue.key, status: readiness.issue.status, statusCategory: readiness.issue.statusCategory, stage },
    readiness: { dor: checklist('dor'), dod: checklist('dod') },
    hygiene: { count: judged.violations.length, rules: judged.violations.map((v) => v.id), worst: SEVERITY_ORDER.find((s) => severities.has(s)) ?? null },
    ownership: {
      products: mapping.products.map((p) => ({ key: p.key, name: p.name, businessOwner: owner(p.businessOwner), digitalOwner: owner(p.digitalOwner) })),
      unconfigured: config.products.length === 0,
    },
    checkedAt: new Date(deps.now()).toISOString(),
  };
}
