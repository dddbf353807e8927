/**
 * Asking for syncs, as viewers, events and the schedule do: no viewer can make the app read Jira
 * more than the sync itself needs. One queued run per board a minute (more within the minute are
 * kept for the schedule), Refreshes within a viewer's budget and the site's, boards brought into
 * the store within a viewer's budget; events and re-syncs are never refused.
 */
import { memoryStore } from '../../src/forge/store';
import {
  requestSync,
  SITE_REFRESHES_PER_WINDOW,
  USER_NEW_BOARDS_PER_WINDOW,
  USER_REFRESHES_PER_WINDOW,
  type SyncMessage,
} from '../../src/services/sync-requests';
import { memoryGovernanceStore } from '../../src/store/memory';
import { newBoardState } from '../../src/store/types';

const T0 = Date.UTC(2026, 10, 27, 12);
const MINUTE = 60_000;

function setup() {
  const store = memoryGovernanceStore();
  const pushed: SyncMessage[] = [];
  const throttle = memoryStore(() => T0);
  const deps = (now: number, accountId?: string) => ({ store, queue: { push: async (m: SyncMessage) => void pushed.push(m) }, throttle, now, ...(accountId !== undefined ? { accountId } : {}) });
  return { store, pushed, deps };
}

describe('requestSync', () => {
  it('registers a new board and queues its first sync once, however many viewers open it within the minute', async () => {
    const { store, pushed, deps } = setup();
    expect(await requestSync(deps(T0, 'a'), [7], 'new')).toEqual({ queued: [7], throttled: [] });
    expect(await requestSync(deps(T0 + 10_000, 'b'), [7], 'new')).toEqual({ queued: [], throttled: [7] });
    expect(pushed).toEqual([{ boardId: 7, reason: 'new' }]);
    expect(await store.boardIds()).toEqual([7]);
  });

  it('keeps a request refused within the minute for the schedule, and queues again after the minute', async () => {
    const { store, pushed, deps } = setup();
    await store.saveBoard(newBoardState(3), null);
    await requestSync(deps(T0), [3], 'catchup');
    // The run happens and clears the mark; an event within the same minute marks it again.
    const s = await store.board(3);
    await store.saveBoard({ ...s!.value, sync: { ...s!.value.sync, priorityAt: null } }, s!.version);
    expect((await requestSync(deps(T0 + 30_000), [3], 'catchup')).throttled).toEqual([3]);
    expect((await store.board(3))?.value.sync.priorityAt).toBe(T0 + 30_000);
    expect((await requestSync(deps(T0 + 61_000), [3], 'catchup')).queued).toEqual([3]);
    expect(pushed.map((m) => m.boardId)).toEqual([3, 3]);
  });

  it('lets one viewer Refresh only so often, and the whole site only so often', async () => {
    const { store, deps } = setup();
    const boards = Array.from({ length: 100 }, (_, i) => i + 1);
    for (const id of boards) await store.saveBoard(newBoardState(id), null);
    // One viewer: their budget, then nothing more in the window.
    const one = await requestSync(deps(T0, 'eager'), boards.slice(0, 20), 'refresh');
    expect(one.queued.length).toBe(USER_REFRESHES_PER_WINDOW);
    // Many viewers: the site's budget caps them all.
    let queued = one.queued.length;
    for (let v = 0; v < 10; v++) queued += (await requestSync(deps(T0 + 1, `viewer-${v}`), boards.slice(20 + v * 8, 28 + v * 8), 'refresh')).queued.length;
    expect(queued).toBe(SITE_REFRESHES_PER_WINDOW);
    // The next window opens the budgets again.
    expect((await requestSync(deps(T0 + 11 * MINUTE, 'eager'), [99], 'refresh')).queued).toEqual([99]);
  });

  it('lets one viewer bring only so many boards into the store in a quarter of an hour (each first sync runs as the app)', async () => {
    const { deps } = setup();
    const many = Array.from({ length: USER_NEW_BOARDS_PER_WINDOW + 15 }, (_, i) => 1000 + i);
    const r = await requestSync(deps(T0, 'curious'), many, 'new');
    expect(r.queued.length).toBe(USER_NEW_BOARDS_PER_WINDOW);
    expect(r.throttled.length).toBe(15);
    // Another viewer opening those boards brings them in.
    expect((await requestSync(deps(T0, 'colleague'), r.throttled, 'new')).queued).toEqual(r.throttled);
  });

  it('never refuses sprint events and re-syncs', async () => {
    const { store, deps } = setup();
    await store.saveBoard(newBoardState(5), null);
    await requestSync(deps(T0, 'a'), [5], 'refresh');
    expect((await requestSync(deps(T0 + 1), [5], 'sprint')).queued).toEqual([5]);
    expect((await requestSync(deps(T0 + 2), [5], 'resync')).queued).toEqual([5]);
  });
});
