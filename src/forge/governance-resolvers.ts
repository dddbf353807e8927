/**
 * The resolvers of the Hygiene issue panel (and its fixes), the issue's context summary, the Governance project page and the "Defect SLA" and
 * "Jira hygiene" gadgets. Each reads the context (issue, project or gadget settings), parses its
 * payload, reads Jira as the viewer, and calls a use case in `governance.ts`.
 */
import { GOVERNANCE_RESOLVER as R } from '../shared/governance-protocol';
import { GovernanceReportPayloadSchema, HygieneFixPayloadSchema, RefreshPayloadSchema, StrictEmptyPayload } from '../shared/governance-schemas';
import type { ForgeContext } from './context';
import { AppError, parsePayload } from './envelope';
import { governanceContext, governanceReport, issueKeyOf, projectConvergence, projectReadiness, surfaceOf } from './governance';
import { issueContext } from './issue-context';
import { hygieneFix, issueHygiene } from './issue-hygiene';
import { type ResolverDeps, surfaceDeps } from './deps';

type Define = <T>(key: string, body: (call: { payload: unknown; context: ForgeContext }) => Promise<T>) => unknown;

function viewer(context: ForgeContext): string {
  if (!context.accountId) throw new AppError('FORBIDDEN', 'Log in to Jira to see this.');
  return context.accountId;
}

function projectKeyOf(context: ForgeContext): string {
  const surface = surfaceOf(context);
  if (surface.kind !== 'project') throw new AppError('BAD_REQUEST', 'This works on a project page only.');
  return surface.projectKey;
}

export function defineGovernance(define: Define, deps: ResolverDeps): void {
  define(R.hygieneIssue, async ({ payload, context }) => {
    parsePayload(StrictEmptyPayload, payload);
    const accountId = viewer(context);
    return issueHygiene(surfaceDeps(deps), { accountId, client: deps.jiraForUser(accountId) }, issueKeyOf(context));
  });

  // The issue comes from the context; the payload says only what to change, and the server checks it may.
  define(R.hygieneFix, async ({ payload, context }) => {
    const fix = parsePayload(HygieneFixPayloadSchema, payload);
    const accountId = viewer(context);
    return hygieneFix(surfaceDeps(deps), { accountId, client: deps.jiraForUser(accountId) }, issueKeyOf(context), fix);
  });

  // The issue's context summary: readiness, hygiene and ownership in one call, read as the viewer.
  define(R.issueContext, async ({ payload, context }) => {
    parsePayload(StrictEmptyPayload, payload);
    const accountId = viewer(context);
    return issueContext(surfaceDeps(deps), { accountId, client: deps.jiraForUser(accountId) }, issueKeyOf(context));
  });

  define(R.governanceContext, async ({ payload, context }) => {
    parsePayload(StrictEmptyPayload, payload);
    return governanceContext(deps.jiraForUser(viewer(context)), deps.store, context);
  });

  // The boards come from the project in the context or the gadget's saved settings, never the payload.
  define(R.governanceReport, async ({ payload, context }) => {
    const { periodDays, refresh } = parsePayload(GovernanceReportPayloadSchema, payload);
    const accountId = viewer(context);
    return governanceReport(surfaceDeps(deps), { accountId, client: deps.jiraForUser(accountId) }, context, { periodDays, refresh });
  });

  define(R.projectReadiness, async ({ payload, context }) => {
    parsePayload(StrictEmptyPayload, payload);
    return projectReadiness(deps.jiraForUser(viewer(context)), deps.store, projectKeyOf(context));
  });

  define(R.projectConvergence, async ({ payload, context }) => {
    const { refresh } = parsePayload(RefreshPayloadSchema, payload);
    const accountId = viewer(context);
    return projectConvergence(surfaceDeps(deps), { accountId, client: deps.jiraForUser(accountId) }, projectKeyOf(context), refresh ?? false);
  });
}
