/**
 * The resolvers of the Ownership issue panel, the ownership matrix and the Governance settings
 * admin page. The settings are for Jira administrators only: each settings resolver asks Jira, as
 * the caller, whether they hold ADMINISTER before it reads or changes anything.
 */
import { bankExampleConfig } from '../domain/bank-example';
import { HYGIENE_RULES } from '../domain/hygiene';
import { defaultConfig, type GovernanceConfig } from '../domain/config';
import type { JiraClient } from '../jira/types';
import { exportConfig, importConfig, loadConfig, saveConfig, validateConfig } from '../services/config';
import { ownershipOfIssue, people, personOf, type Person } from '../services/ownership';
import { customFieldValues, siteNames, siteValues } from '../services/site-values';
import { storeMatchCounts, storeOwnershipMatrix } from '../services/store-ownership';
import { OWNERSHIP_RESOLVER as R, type ExportData, type ImportResult, type LedChannel, type MatchCountsData, type MatrixData, type OwnedProduct, type OwnershipPanelData, type SettingsData } from '../shared/ownership-protocol';
import { requestRederive } from '../services/sync-requests';
import {
  FieldValuesPayloadSchema,
  ImportPayloadSchema,
  IssuePanelExtension,
  MatchCountsPayloadSchema,
  MatrixPayloadSchema,
  PeoplePayloadSchema,
  SavePayloadSchema,
  UsersPayloadSchema,
  ValidatePayloadSchema,
} from '../shared/ownership-schemas';
import { EmptyPayload } from '../shared/schemas';
import { configWithKey, readConfig } from './config-store';
import type { ForgeContext } from './context';
import { surfaceDeps } from './deps';
import { AppError, parsePayload } from './envelope';
import type { ResolverDeps } from './resolver';

/** `buildResolver`'s `define`: a body that reads the parsed context and returns the envelope's data. */
export type Define = <T>(key: string, body: (call: { payload: unknown; context: ForgeContext }) => Promise<T>) => unknown;

function viewer(context: ForgeContext): string {
  if (!context.accountId) throw new AppError('FORBIDDEN', 'Log in to Jira to see this.');
  return context.accountId;
}

/** ADMINISTER ("Administer Jira"), asked of Jira as the caller: the UI hiding a page is not a check. */
export async function requireJiraAdmin(client: JiraClient): Promise<void> {
  const { ADMINISTER } = await client.myPermissions(['ADMINISTER']);
  if (!ADMINISTER) throw new AppError('FORBIDDEN', 'Only Jira administrators may see or change the governance settings.');
}

function issueKeyOf(context: ForgeContext): string {
  const parsed = IssuePanelExtension.safeParse(context.extension);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'This panel needs an issue: open it from an issue view.');
  return parsed.data.issue.key;
}

const personIn = (found: Map<string, Person>, id: string | null): Person | null => (id === null ? null : (found.get(id) ?? { accountId: id, displayName: null, avatarUrl: null, active: null }));

function ownedProducts(config: GovernanceConfig, found: Map<string, Person>, keys?: readonly string[]): OwnedProduct[] {
  return config.products
    .filter((p) => !keys || keys.includes(p.key))
    .map((p) => ({ key: p.key, name: p.name, businessOwner: personIn(found, p.businessOwner), digitalOwner: personIn(found, p.digitalOwner) }));
}

function ledChannels(config: GovernanceConfig, found: Map<string, Person>, keys?: readonly string[]): LedChannel[] {
  return config.channels.filter((c) => !keys || keys.includes(c.key)).map((c) => ({ key: c.key, name: c.name, leader: personIn(found, c.leader) }));
}

function everyOwner(config: GovernanceConfig): string[] {
  return [...config.products.flatMap((p) => [p.businessOwner, p.digitalOwner]), ...config.channels.map((c) => c.leader)].filter((id): id is string => id !== null);
}

export function defineOwnership(define: Define, deps: ResolverDeps): void {
  const admin = async (context: ForgeContext): Promise<JiraClient> => {
    const client = deps.jiraForUser(viewer(context));
    await requireJiraAdmin(client);
    return client;
  };
  // Saved settings apply to every stored board: their figures are derived again from the stored
  // issues. The save stands if the queue refuses: the schedule finds the boards whose figures were
  // derived with other settings within five minutes.
  const rederive = () => requestRederive({ store: deps.governance, queue: deps.syncQueue }).catch(() => []);

  // The issue comes from the panel's Forge context; the payload carries nothing.
  define(R.ownershipIssue, async ({ payload, context }): Promise<OwnershipPanelData> => {
    parsePayload(EmptyPayload, payload);
    const client = deps.jiraForUser(viewer(context));
    const issueKey = issueKeyOf(context);
    const { config, version } = await readConfig(deps.store);
    const found = await ownershipOfIssue(client, config, issueKey);
    const { ownership } = found;
    // Only a problem needs the fix link; asking Jira about the viewer otherwise costs a request per view.
    const canConfigure = ownership.problems.length > 0 ? (await client.myPermissions(['ADMINISTER'])).ADMINISTER === true : false;
    return {
      issueKey: found.issueKey,
      projectKey: found.projectKey,
      products: ownedProducts(config, found.people, ownership.products.map((p) => p.key)),
      channels: ledChannels(config, found.people, ownership.channels.map((c) => c.key)),
      segments: ownership.segments.map((s) => ({ key: s.key, name: s.name })),
      responsibilities: config.responsibilities,
      problems: ownership.problems,
      productNames: Object.fromEntries(config.products.map((p) => [p.key, p.name])),
      channelNames: Object.fromEntries(config.channels.map((c) => [c.key, c.name])),
      canConfigure,
      usingDefaults: version === null,
    };
  });

  // From the app's store (every synced board, every issue), kept to what the viewer may browse:
  // no issue is read from Jira for a viewer. Refresh asks for a sync; the answer is what is stored.
  define(R.ownershipMatrix, async ({ payload, context }): Promise<MatrixData> => {
    const { refresh } = parsePayload(MatrixPayloadSchema, payload);
    const accountId = viewer(context);
    const saved = await configWithKey(deps.store);
    const client = deps.jiraForUser(accountId);
    const [m, found] = await Promise.all([
      storeOwnershipMatrix(surfaceDeps(deps), { accountId, client }, saved, { refresh: refresh ?? false }),
      people(client, everyOwner(saved.config)),
    ]);
    return {
      matrix: m.matrix,
      products: ownedProducts(saved.config, found),
      channels: ledChannels(saved.config, found),
      segments: saved.config.segments.map((s) => ({ key: s.key, name: s.name })),
      freshness: m.freshness,
      outdatedBoards: m.outdated,
    };
  });

  // A stored document of schema version 1 is migrated against the site's names as this
  // administrator reads them (asked of Jira only then); the stored document changes on save only.
  define(R.settingsLoad, async ({ payload, context }): Promise<SettingsData> => {
    parsePayload(EmptyPayload, payload);
    const client = await admin(context);
    const loaded = await loadConfig(deps.store, () => siteNames(client));
    return {
      ...loaded,
      defaults: defaultConfig(),
      example: bankExampleConfig(),
      hygieneRules: HYGIENE_RULES.map((r) => ({ id: r.id, severity: r.severity })),
    };
  });

  define(R.settingsValidate, async ({ payload, context }) => {
    const { config } = parsePayload(ValidatePayloadSchema, payload);
    await admin(context);
    const r = validateConfig(config);
    return { problems: r.ok ? [] : r.problems };
  });

  define(R.settingsSave, async ({ payload, context }) => {
    const { config, expectedVersion } = parsePayload(SavePayloadSchema, payload);
    await admin(context);
    const saved = await saveConfig(deps.store, config, expectedVersion);
    if (saved.status === 'saved') await rederive();
    return saved;
  });

  define(R.settingsImport, async ({ payload, context }): Promise<ImportResult> => {
    const { json, expectedVersion } = parsePayload(ImportPayloadSchema, payload);
    const client = await admin(context);
    const imported = await importConfig(deps.store, json, expectedVersion, () => siteNames(client));
    if (imported.status === 'saved') await rederive();
    return imported;
  });

  // The export is always of schema version 2: a stored version 1 document is exported as the page shows it.
  define(R.settingsExport, async ({ payload, context }): Promise<ExportData> => {
    parsePayload(EmptyPayload, payload);
    const client = await admin(context);
    const { config, version } = await loadConfig(deps.store, () => siteNames(client));
    const day = new Date(deps.now()).toISOString().slice(0, 10);
    return { json: exportConfig(config), version, fileName: `governance-settings-v${version ?? 0}-${day}.json` };
  });

  define(R.settingsSiteValues, async ({ payload, context }) => {
    parsePayload(EmptyPayload, payload);
    return siteValues(await admin(context), deps.now());
  });

  define(R.settingsFieldValues, async ({ payload, context }) => {
    const { fieldId } = parsePayload(FieldValuesPayloadSchema, payload);
    return customFieldValues(await admin(context), fieldId);
  });

  // The draft against the stored issues of every synced board (all of them), as the administrator
  // may browse them: no issue is read from Jira here.
  define(R.settingsMatchCounts, async ({ payload, context }): Promise<MatchCountsData> => {
    const { config, refresh } = parsePayload(MatchCountsPayloadSchema, payload);
    const client = await admin(context);
    const parsed = validateConfig(config);
    if (!parsed.ok) return { status: 'invalid', problems: parsed.problems };
    const saved = await configWithKey(deps.store);
    const r = await storeMatchCounts(surfaceDeps(deps), { accountId: viewer(context), client }, parsed.config, saved, { refresh: refresh ?? false });
    if (r.counts === null) return { status: 'pending', freshness: r.freshness };
    return { status: 'ok', counts: r.counts, boards: r.boards, horizonDays: r.horizonDays, unreadFields: r.unreadFields, freshness: r.freshness };
  });

  define(R.settingsUsers, async ({ payload, context }) => {
    const { query } = parsePayload(UsersPayloadSchema, payload);
    const client = await admin(context);
    const users = await client.searchUsers(query, 20);
    // Apps and deactivated accounts cannot own a product.
    const humans = users.filter((u) => u.active !== false && (u.accountType === undefined || u.accountType === 'atlassian'));
    return { people: humans.map((u) => personOf(u.accountId, u)) };
  });

  define(R.settingsPeople, async ({ payload, context }) => {
    const { accountIds } = parsePayload(PeoplePayloadSchema, payload);
    const found = await people(await admin(context), accountIds);
    return { people: accountIds.map((id) => found.get(id)).filter((p): p is Person => p !== undefined) };
  });
}
