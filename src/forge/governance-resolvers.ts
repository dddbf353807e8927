/**
 * The resolvers of the Hygiene issue panel, the Governance project page and the "Defect SLA" and
 * "Jira hygiene" gadgets. Each reads the context (issue, project or gadget settings), parses its
 * payload, reads Jira as the viewer, and calls a use case in `governance.ts`.
 */
import { GOVERNANCE_RESOLVER as R } from '../shared/governance-protocol';
import { GovernanceJobPayloadSchema, GovernanceReportPayloadSchema, RefreshPayloadSchema, StrictEmptyPayload } from '../shared/governance-schemas';
import { jobStatus } from '../services/report-jobs';
import type { ForgeContext } from './context';
import { AppError, parsePayload } from './envelope';
import { governanceContext, governanceReport, issueHygiene, issueKeyOf, projectConvergence, projectReadiness, surfaceOf } from './governance';
import type { ResolverDeps } from './resolver';

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
    return issueHygiene(deps.jiraForUser(accountId), deps.store, issueKeyOf(context), deps.now());
  });

  define(R.governanceContext, async ({ payload, context }) => {
    parsePayload(StrictEmptyPayload, payload);
    return governanceContext(deps.jiraForUser(viewer(context)), deps.store, context);
  });

  // The boards come from the project in the context or the gadget's saved settings, never the payload.
  define(R.governanceReport, async ({ payload, context }) => {
    const { periodDays, refresh } = parsePayload(GovernanceReportPayloadSchema, payload);
    const accountId = viewer(context);
    return governanceReport(
      { store: deps.store, queue: deps.reportQueue ?? null, now: deps.now, ...(deps.reportInlineLimit !== undefined ? { inlineLimit: deps.reportInlineLimit } : {}) },
      { accountId, client: deps.jiraForUser(accountId) },
      context,
      { periodDays, refresh },
    );
  });

  // A job document holds progress only; the figures are read (and cut to the viewer) by governance/report.
  define(R.governanceJob, async ({ payload, context }) => {
    const { jobId } = parsePayload(GovernanceJobPayloadSchema, payload);
    viewer(context);
    const job = await jobStatus(deps.store, jobId);
    if (!job) throw new AppError('NOT_FOUND', 'This report job no longer exists. Refresh to compute the figures again.');
    return job;
  });

  define(R.projectReadiness, async ({ payload, context }) => {
    parsePayload(StrictEmptyPayload, payload);
    return projectReadiness(deps.jiraForUser(viewer(context)), deps.store, projectKeyOf(context));
  });

  define(R.projectConvergence, async ({ payload, context }) => {
    const { refresh } = parsePayload(RefreshPayloadSchema, payload);
    const accountId = viewer(context);
    return projectConvergence(deps.jiraForUser(accountId), deps.store, accountId, projectKeyOf(context), deps.now(), refresh ?? false);
  });
}
