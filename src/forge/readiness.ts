/**
 * The Readiness panel's resolvers. The issue is the one in the panel's Forge context (looked up in
 * Jira as the user, so an altered context reaches nothing the user may not see); the payload only
 * says what to change. Only the context's account id is trusted. A change is applied after Jira
 * said, as the user, that they may edit the issue; the service refuses a stale version so that a
 * concurrent tick is never lost.
 */
import { z } from 'zod';
import { getReadiness, ReadinessError, type ReadinessRequest, updateReadiness } from '../services/checklists';
import { READINESS_RESOLVER as R } from '../shared/readiness-protocol';
import { ReadinessGetPayloadSchema, ReadinessUpdatePayloadSchema } from '../shared/readiness-schemas';
import { IssueKey } from '../shared/schemas';
import { readConfig } from './config-store';
import type { ForgeContext } from './context';
import { AppError, parsePayload } from './envelope';
import type { ResolverDeps } from './resolver';

type Define = <T>(key: string, body: (call: { payload: unknown; context: ForgeContext }) => Promise<T>) => unknown;

/** An issue panel's context names its issue: `extension.issue.{id, key}`. */
const IssueExtension = z.object({
  issue: z.object({ id: z.union([z.string(), z.number()]).transform(String), key: IssueKey }).passthrough(),
});

async function requestOf(context: ForgeContext, deps: ResolverDeps): Promise<ReadinessRequest> {
  if (!context.accountId) throw new AppError('FORBIDDEN', 'Log in to Jira to see this.');
  const extension = IssueExtension.safeParse(context.extension);
  if (!extension.success) throw new AppError('BAD_REQUEST', 'The Readiness panel needs an issue: open it from an issue view.');
  const { config } = await readConfig(deps.store);
  return {
    client: deps.jiraForUser(context.accountId),
    // The mirror property is written by the app: it only ever holds what the app's state says.
    app: deps.jiraAsApp(),
    store: deps.store,
    config,
    issueKey: extension.data.issue.key,
    accountId: context.accountId,
    now: (deps.clock ?? deps.now)(),
  };
}

const CODES = { conflict: 'CONFLICT', refused: 'BAD_REQUEST', forbidden: 'FORBIDDEN', unreadable: 'INTERNAL' } as const;

async function translated<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof ReadinessError) throw new AppError(CODES[err.failure.kind], err.message);
    throw err;
  }
}

export function defineReadiness(define: Define, deps: ResolverDeps): void {
  define(R.readinessGet, async ({ payload, context }) => {
    parsePayload(ReadinessGetPayloadSchema, payload);
    const req = await requestOf(context, deps);
    return translated(() => getReadiness(req));
  });

  define(R.readinessUpdate, async ({ payload, context }) => {
    const update = parsePayload(ReadinessUpdatePayloadSchema, payload);
    const req = await requestOf(context, deps);
    return translated(() => updateReadiness(req, update));
  });
}
