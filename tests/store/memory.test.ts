/** The memory store meets the store contract. */
import { MemoryStore } from '../../src/store/memory';
import { governanceStoreContract, type Tamper } from './contract';

/** The memory store, with its records open to the tests. */
class OpenMemoryStore extends MemoryStore {
  tamper(t: Tamper): void {
    const r = this.record(t.boardId);
    if (t.kind === 'board') r.state = { json: t.text, version: r.state?.version ?? 1 };
    else if (t.kind === 'issue') r.issues.set(t.issueId, { json: t.text, updated: t.updated });
    else if (t.kind === 'figures') r.figures = { ...r.figures, [t.section]: t.text };
    // The memory store never held the first layout (it is not kept across runs): it holds no figures then.
    else r.figures = null;
  }
}

describe('memory store', () => {
  governanceStoreContract(async () => {
    const store = new OpenMemoryStore();
    return {
      store,
      async tamper(t) {
        store.tamper(t);
        return store;
      },
      async close() {},
    };
  });
});
