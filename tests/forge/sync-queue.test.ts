/**
 * The Forge sync queue: many messages (a settings save queues every stored board) go in batches of
 * at most 50 events per `Queue.push`, as Forge takes them, each event a message the consumer reads.
 */
import { SyncMessageSchema } from '../../src/sync/triggers';

const pushes: unknown[][] = [];

jest.mock('@forge/events', () => ({
  Queue: class {
    async push(events: unknown[]) {
      if (events.length > 50) throw new Error(`Forge refuses ${events.length} events in one push`);
      pushes.push(events);
    }
  },
}));

import { forgeSyncQueue } from '../../src/forge/sync';

describe('forgeSyncQueue', () => {
  beforeEach(() => void pushes.splice(0));

  it('pushes 120 messages as 50, 50 and 20 events, in order, each one the consumer can read', async () => {
    const messages = Array.from({ length: 120 }, (_, i) => ({ boardId: i + 1, reason: 'config' as const }));
    await forgeSyncQueue().pushAll?.(messages);
    expect(pushes.map((p) => p.length)).toEqual([50, 50, 20]);
    const bodies = pushes.flat().map((e) => SyncMessageSchema.parse((e as { body: unknown }).body));
    expect(bodies).toEqual(messages);
  });

  it('pushes nothing for no messages, and one event for one', async () => {
    await forgeSyncQueue().pushAll?.([]);
    expect(pushes).toEqual([]);
    await forgeSyncQueue().push({ boardId: 7, reason: 'resync' });
    expect(pushes).toEqual([[{ body: { boardId: 7, reason: 'resync' }, concurrency: { key: 'governance-sync', limit: 2 } }]]);
  });
});
