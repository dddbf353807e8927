/**
 * Every resolver definition of the app. Each one reads the Forge context, checks the app's license
 * (one place, `define` below: src/forge/license.ts), parses its payload, checks who is asking,
 * calls a use case and returns an envelope. The dependencies are injected, so the same definitions
 * run on Forge (`index.ts`), in the local preview and in tests.
 */
import Resolver from '@forge/resolver';
import type { JiraClient } from '../jira/types';
import { RESOLVER, ROLLUP_DIMENSIONS, type GadgetContextData, type RollupDimension, type RollupOption } from '../shared/protocol';
import { BoardsListPayloadSchema, ConvergencePayloadSchema, EmptyPayload, IssuesSummariesPayloadSchema } from '../shared/schemas';
import { listBoards } from './boards';
import { readConfig } from './config-store';
import { ForgeContext, savedGadgetSettings } from './context';
import { convergenceView } from './convergence';
import { AppError, guarded, parsePayload } from './envelope';
import { issueSummaries } from './issues';
import { defineGovernance } from './governance-resolvers';
import { type ResolverDeps, surfaceDeps } from './deps';
import { defineReadiness } from './readiness';
import { defineOwnership } from './ownership';
import { defineSyncHealth } from './sync-health';
import { licenseState, requireLicense } from './license';
import { LICENSE_RESOLVER, type LicenseStatusData } from '../shared/license-protocol';
import type { Store } from './store';

export type { ResolverDeps } from './deps';

interface Call {
  payload: unknown;
  context: unknown;
}

function viewer(context: ForgeContext): string {
  if (!context.accountId) throw new AppError('FORBIDDEN', 'Log in to Jira to see this.');
  return context.accountId;
}

const listOf: Record<RollupDimension, 'products' | 'channels' | 'segments'> = { product: 'products', channel: 'channels', segment: 'segments' };

export function buildResolver(deps: ResolverDeps): Resolver {
  const resolver = new Resolver();
  // Every definition goes through here: the license is checked before the body reads or writes anything.
  const define = <T>(key: string, body: (call: { payload: unknown; context: ForgeContext }) => Promise<T>) =>
    resolver.define(key, ({ payload, context }: Call) =>
      guarded(async () => {
        const parsed = parsePayload(ForgeContext, context);
        requireLicense(key, parsed.license);
        return body({ payload, context: parsed });
      }),
    );

  // Whether the install's license is active, for the settings page's notice (the other surfaces learn it from a refused call).
  define(LICENSE_RESOLVER.licenseStatus, async ({ payload, context }): Promise<LicenseStatusData> => {
    parsePayload(EmptyPayload, payload);
    return { state: licenseState(context.license) };
  });

  define(RESOLVER.gadgetContext, async ({ payload, context }): Promise<GadgetContextData> => {
    parsePayload(EmptyPayload, payload);
    const { config } = await readConfig(deps.store);
    const saved = savedGadgetSettings(context);
    const options = (d: RollupDimension): RollupOption[] => config[listOf[d]].map((e) => ({ key: e.key, name: e.name }));
    return {
      settings: saved.kind === 'ok' ? saved.settings : null,
      settingsProblem: saved.kind === 'invalid' ? saved.problem : null,
      defaults: {
        sprints: config.convergence.sprints,
        basis: config.convergence.basis,
        target: config.convergence.target,
        nearBand: config.convergence.nearBand,
      },
      rollupOptions: Object.fromEntries(ROLLUP_DIMENSIONS.map((d) => [d, options(d)])) as Record<RollupDimension, RollupOption[]>,
    };
  });

  define(RESOLVER.boardsList, async ({ payload, context }) => {
    const { query, include } = parsePayload(BoardsListPayloadSchema, payload);
    const accountId = viewer(context);
    return listBoards(deps.jiraForUser(accountId), deps.store, accountId, query ?? '', include ?? []);
  });

  // The boards come from the gadget's saved configuration in the context, never from the payload.
  define(RESOLVER.convergenceReport, async ({ payload, context }) => {
    const { refresh } = parsePayload(ConvergencePayloadSchema, payload);
    const accountId = viewer(context);
    const saved = savedGadgetSettings(context);
    if (saved.kind === 'none') throw new AppError('NOT_CONFIGURED', 'This gadget has no boards yet. Edit it to choose boards.');
    if (saved.kind === 'invalid') throw new AppError('NOT_CONFIGURED', `The gadget's settings cannot be read (${saved.problem}). Edit it and save again.`);
    return convergenceView(surfaceDeps(deps), { accountId, client: deps.jiraForUser(accountId) }, { settings: saved.settings, refresh: refresh ?? false });
  });

  define(RESOLVER.issuesSummaries, async ({ payload, context }) => {
    const { keys } = parsePayload(IssuesSummariesPayloadSchema, payload);
    const accountId = viewer(context);
    return { issues: await issueSummaries(deps.jiraForUser(accountId), keys) };
  });

  defineReadiness(define, deps);

  defineOwnership(define, deps);

  defineGovernance(define, deps);

  defineSyncHealth(define, deps);

  return resolver;
}
