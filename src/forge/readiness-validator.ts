/**
 * The two workflow validators, "Definition of Ready is met" and "Definition of Done is met":
 * Forge function validators (manifest.yml, `jira:workflowValidator` with `function`), offered to
 * company- and team-managed projects. Jira calls the function on a transition with the issue and
 * the transition; it answers `{ result, errorMessage }`. The verdict is judged on the app's own
 * checklist state, never on the issue property (which anyone who may edit the issue can write).
 * A validator runs without a user: Jira is read as the app. Anything unexpected fails closed.
 * While the app's license is not active the validators let every transition through: the
 * checklists cannot be ticked then (src/forge/license.ts), and a lapsed license must not hold a
 * team's workflow.
 */
import { z } from 'zod';
import { gateUnavailable, type GateVerdict } from '../domain/checklists';
import type { ChecklistKind } from '../domain/config';
import { createJiraClient } from '../jira/client';
import type { JiraClient } from '../jira/types';
import { getAppContext } from '@forge/api';
import { gateReadiness } from '../services/checklists';
import type { LicenseState } from '../shared/license-protocol';
import { IssueKey } from '../shared/schemas';
import { readConfig } from './config-store';
import { kvsStore } from './kvs-store';
import { licenseState } from './license';
import type { Store } from './store';
import { forgeTransport } from './transport';

/** What Jira passes a function validator: the issue (by key; an id is accepted too) and the transition. */
const ValidatorArgs = z
  .object({
    issue: z.object({ key: IssueKey.optional(), id: z.union([z.string().regex(/^\d+$/), z.number().int().positive()]).optional() }).passthrough(),
    transition: z.unknown().optional(),
  })
  .passthrough();

export interface GateDeps {
  /** Jira as the app. */
  jira(): JiraClient;
  store: Store;
  now(): number;
  clock?(): number;
  /** The invocation's license as Forge sent it (absent: a free, development or staging install). */
  license?(): unknown;
}

/** The license's state; when the runtime cannot say, the validator judges as it always does. */
function licenseOf(deps: GateDeps): LicenseState {
  try {
    return licenseState(deps.license?.());
  } catch {
    return 'none';
  }
}

export function readinessGate(deps: GateDeps, kind: ChecklistKind): (args: unknown) => Promise<GateVerdict> {
  return async (args: unknown) => {
    if (licenseOf(deps) === 'inactive') return { result: true };
    const parsed = ValidatorArgs.safeParse(args);
    const issueKey = parsed.success ? (parsed.data.issue.key ?? (parsed.data.issue.id !== undefined ? String(parsed.data.issue.id) : undefined)) : undefined;
    if (!issueKey) return gateUnavailable(kind, 'the transition did not name an issue');
    try {
      const { config } = await readConfig(deps.store);
      return await gateReadiness({ app: deps.jira(), store: deps.store, config, issueKey, now: deps.now(), ...(deps.clock ? { clock: deps.clock } : {}) }, kind);
    } catch (err) {
      return gateUnavailable(kind, err instanceof Error && err.name === 'ConfigError' ? 'the governance configuration is invalid' : 'the app failed');
    }
  };
}

const deps: GateDeps = {
  // A transition is waiting: few, short retries.
  jira: () => createJiraClient(forgeTransport('app'), { concurrency: 4, maxRetries: 1, maxWaitMs: 2_000 }),
  store: kvsStore(),
  now: () => Date.now(),
  license: () => getAppContext().license,
};

export const dor = readinessGate(deps, 'dor');
export const dod = readinessGate(deps, 'dod');
