/**
 * The resolvers of the "Data sync" tab of the governance settings, for Jira administrators only:
 * each asks Jira, as the caller, whether they hold ADMINISTER before it reads or changes anything.
 * Boards are named only when the administrator may see them in Jira (their board list, read as
 * them); an action on one board checks it with Jira as them first. A refused call changes nothing.
 */
import { visibleBoards } from '../services/surfaces';
import { addBoards, forgetBoard, resyncBoard, syncBehind, syncHealth, type ActionDeps } from '../services/sync-health';
import { SYNC_HEALTH_RESOLVER as R, type AddBoardsResult, type ForgetResult, type ResyncResult, type SyncBehindResult, type SyncHealthData } from '../shared/sync-health-protocol';
import { AddBoardsPayloadSchema, BoardIdPayloadSchema } from '../shared/sync-health-schemas';
import { StrictEmptyPayload } from '../shared/governance-schemas';
import { viewerBoards } from './boards';
import { configWithKey } from './config-store';
import type { ForgeContext } from './context';
import type { ResolverDeps } from './deps';
import { AppError, parsePayload } from './envelope';
import { requireJiraAdmin, type Define } from './ownership';

function caller(context: ForgeContext): string {
  if (!context.accountId) throw new AppError('FORBIDDEN', 'Log in to Jira to see this.');
  return context.accountId;
}

export function defineSyncHealth(define: Define, deps: ResolverDeps): void {
  /** The administrator's client, once Jira says they administer it. */
  const admin = async (context: ForgeContext) => {
    const accountId = caller(context);
    const client = deps.jiraForUser(accountId);
    await requireJiraAdmin(client);
    return { accountId, client };
  };
  const actions = (): ActionDeps => ({ store: deps.governance, queue: deps.syncQueue, throttle: deps.store, now: deps.now(), wall: deps.clock?.() ?? deps.now() });

  define(R.syncHealth, async ({ payload, context }): Promise<SyncHealthData> => {
    parsePayload(StrictEmptyPayload, payload);
    const { accountId, client } = await admin(context);
    const [boards, saved] = await Promise.all([viewerBoards(client, deps.store, accountId), configWithKey(deps.store).catch(() => null)]);
    const visible = new Map(boards.map((b) => [b.id, { name: b.name, projectKey: b.projectKey }] as const));
    return syncHealth({ store: deps.governance, now: deps.now(), saved, visible });
  });

  define(R.syncResync, async ({ payload, context }): Promise<ResyncResult> => {
    const { boardId } = parsePayload(BoardIdPayloadSchema, payload);
    const { client } = await admin(context);
    await visibleBoards(client, [boardId]);
    const r = await resyncBoard(actions(), boardId);
    if (r.status === 'notStored') throw new AppError('NOT_FOUND', `Board ${boardId} is not synced: add it first.`);
    return r;
  });

  define(R.syncBehind, async ({ payload, context }): Promise<SyncBehindResult> => {
    parsePayload(StrictEmptyPayload, payload);
    await admin(context);
    const { key } = await configWithKey(deps.store);
    return syncBehind(actions(), key);
  });

  define(R.syncAdd, async ({ payload, context }): Promise<AddBoardsResult> => {
    const { boardIds } = parsePayload(AddBoardsPayloadSchema, payload);
    const { client } = await admin(context);
    // Every board is checked before any is registered: one the administrator may not see refuses all.
    await visibleBoards(client, boardIds);
    return addBoards(actions(), boardIds);
  });

  // No visibility check: a board Jira deleted (or hid from everyone) must still be removable.
  define(R.syncForget, async ({ payload, context }): Promise<ForgetResult> => {
    const { boardId } = parsePayload(BoardIdPayloadSchema, payload);
    await admin(context);
    const r = await forgetBoard(actions(), boardId);
    if (r.status === 'notStored') throw new AppError('NOT_FOUND', `Board ${boardId} is not synced: there is nothing to stop.`);
    if (r.status === 'running') {
      const minutes = Math.max(1, Math.ceil((r.until - deps.now()) / 60_000));
      throw new AppError('CONFLICT', `A sync of board ${boardId} is running (for ${minutes} more minute${minutes === 1 ? '' : 's'} at most). Stop syncing it once that run has finished; nothing was changed.`);
    }
    return { forgotten: boardId };
  });
}
