/**
 * The sync queue in this process: the local preview's and the tests' stand-in for the Forge queue
 * and its consumer. A pushed message runs after the caller has its answer, one board at a time, in
 * the order pushed; a run that stopped at its budget queues itself again. `idle()` resolves when
 * everything pushed so far has run.
 */
import type { SyncMessage, SyncQueue } from '../services/sync-requests';
import type { SyncDeps, SyncOutcome } from './engine';
import { runSyncMessage } from './triggers';

export interface InProcessSync extends SyncQueue {
  idle(): Promise<void>;
  /** Every outcome so far, in order (for tests and the preview's log). */
  readonly outcomes: SyncOutcome[];
}

export function inProcessSync(deps: Omit<SyncDeps, 'owner'>): InProcessSync {
  let chain: Promise<void> = Promise.resolve();
  let runs = 0;
  const outcomes: SyncOutcome[] = [];
  const queue: InProcessSync = {
    outcomes,
    async push(message: SyncMessage) {
      chain = chain.then(
        () =>
          new Promise<void>((resolve) => {
            setTimeout(() => {
              runSyncMessage({ ...deps, owner: `in-process-${++runs}` }, queue, message)
                .then((o) => void outcomes.push(o))
                .catch((e: unknown) => void outcomes.push({ status: 'failed', boardId: message.boardId, message: e instanceof Error ? e.message : String(e) }))
                .finally(resolve);
            }, 0);
          }),
      );
    },
    async idle() {
      // Runs may queue more runs: wait until the chain stops growing.
      for (;;) {
        const current = chain;
        await current;
        if (current === chain) return;
      }
    },
  };
  return queue;
}
