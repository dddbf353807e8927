/**
 * The directory store meets the store contract, and keeps what it holds across a restart: a store
 * opened again on the directory holds the same, and a log line cut short by a killed run is skipped.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { directoryGovernanceStore } from '../../src/store/directory';
import type { StoredIssueDoc } from '../../src/store/issue-codec';
import type { GovernanceStore } from '../../src/store/types';
import { governanceStoreContract, type Tamper } from './contract';
import { boardState, demoBoard, variant } from './fixtures';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gov-store-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const file = (dir: string, boardId: number, what: 'state' | 'issues' | 'figures') => join(dir, `board-${boardId}.${what}.${what === 'issues' ? 'jsonl' : 'json'}`);

/** Rewrites the board's files as `t` says, as a bug or another version would have left them. */
function tamperFiles(dir: string, t: Tamper): void {
  if (t.kind === 'board') {
    const state = JSON.parse(readFileSync(file(dir, t.boardId, 'state'), 'utf8')) as { version: number };
    writeFileSync(file(dir, t.boardId, 'state'), JSON.stringify({ json: t.text, version: state.version }));
  } else if (t.kind === 'figures') {
    const lines = readFileSync(file(dir, t.boardId, 'figures'), 'utf8').split('\n');
    writeFileSync(file(dir, t.boardId, 'figures'), lines.map((line) => (line.startsWith(`${t.section} `) ? `${t.section} ${t.text}` : line)).join('\n'));
  } else if (t.kind === 'figures-layout-1') {
    writeFileSync(file(dir, t.boardId, 'figures'), t.text);
  } else {
    const lines = readFileSync(file(dir, t.boardId, 'issues'), 'utf8').split('\n');
    const out = lines.map((line) => {
      if (line.trim() === '') return line;
      const parsed = JSON.parse(line) as { put?: { id?: string } };
      return parsed.put?.id === t.issueId ? `{"put":${t.text}}` : line;
    });
    writeFileSync(file(dir, t.boardId, 'issues'), out.join('\n'));
  }
}

async function contents(store: GovernanceStore, boardIds: readonly number[]) {
  const byId = (docs: StoredIssueDoc[]) => docs.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    boardIds: await store.boardIds(),
    boards: await Promise.all(boardIds.map((id) => store.board(id))),
    issues: await Promise.all(boardIds.map(async (id) => byId(await store.issues(id)))),
    stamps: await Promise.all(boardIds.map((id) => store.issueStamps(id))),
    figures: await store.figures(boardIds),
    size: await store.sizeBytes(),
  };
}

describe('directory store', () => {
  governanceStoreContract(async () => {
    const dir = tempDir();
    return {
      store: directoryGovernanceStore(dir),
      async tamper(t) {
        tamperFiles(dir, t);
        return directoryGovernanceStore(dir);
      },
      async close() {},
    };
  });

  it('holds the same when opened again on its directory, across compactions of the issue log', async () => {
    const dir = tempDir();
    const store = directoryGovernanceStore(dir);
    const { issues, figures } = demoBoard();
    await store.saveBoard(boardState(1), null);
    await store.saveBoard(boardState(1, 'backfill'), 1);
    await store.saveBoard(boardState(2), null);
    await store.putIssues(1, issues);
    await store.putIssues(2, issues.slice(0, 30));
    // Enough rewrites to compact board 2's log, deletions, and older documents refused.
    for (let round = 1; round <= 6; round++) await store.putIssues(2, issues.slice(0, 30).map((d) => variant(d, { updated: d.updated + round, summary: `round ${round}` })));
    await store.putIssues(2, issues.slice(0, 30).map((d) => variant(d, { summary: 'stale' })));
    await store.deleteIssues(1, issues.slice(0, 7).map((d) => d.id));
    await store.putFigures(1, figures);
    await store.putFigures(2, { ...figures, boardId: 2 });
    await store.saveBoard(boardState(3), null);
    await store.deleteBoard(3);
    const before = await contents(store, [1, 2, 3]);
    expect(before.issues[1]?.every((d) => d.fields.summary === 'round 6')).toBe(true);
    const reopened = directoryGovernanceStore(dir);
    expect(await contents(reopened, [1, 2, 3])).toEqual(before);
    // And it goes on from there.
    expect(await reopened.saveBoard(boardState(1, 'idle'), 2)).toEqual({ ok: true, version: 3 });
  });

  it('skips the issue log line a killed run cut short, and keeps what is written after it', async () => {
    const dir = tempDir();
    const store = directoryGovernanceStore(dir);
    const { issues } = demoBoard();
    const [a, b, c, d] = issues as [StoredIssueDoc, StoredIssueDoc, StoredIssueDoc, StoredIssueDoc];
    await store.saveBoard(boardState(1), null);
    await store.putIssues(1, [a, b]);
    await store.putIssues(1, [c]);
    const log = file(dir, 1, 'issues');
    const size = readFileSync(log).length;
    truncateSync(log, size - 40); // c's line cut in the middle, no newline after it
    const reopened = directoryGovernanceStore(dir);
    expect((await reopened.issues(1)).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect([...(await reopened.issueStamps(1)).keys()].sort()).toEqual([a.id, b.id].sort());
    // The next write lands on a line of its own.
    await reopened.putIssues(1, [c, d]);
    expect((await directoryGovernanceStore(dir).issues(1)).map((x) => x.id).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
  });
});
