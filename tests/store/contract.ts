/**
 * The behaviour every `GovernanceStore` shares, as one suite each implementation runs (memory,
 * directory, SQL on MariaDB): compare-and-set on boards, a board deleted with all it holds, issues
 * written idempotently with the newest document winning, exact round trips of issues and figures
 * (figures of several MB too), figures read by section (only the rows and tags asked for), documents
 * refused on write when they do not parse and left out on read when what is stored does not,
 * figures of the first layout read as none, and a size that follows the content.
 */
import type { BoardFigures } from '../../src/services/board-figures';
import { encodeFigureSections, FIGURES_SECTIONS, type FiguresSection } from '../../src/store/figures-schema';
import type { StoredIssueDoc } from '../../src/store/issue-codec';
import type { BoardState, GovernanceStore } from '../../src/store/types';
import { boardState, demoBoard, largeFigures, NOW, variant } from './fixtures';

/** Stored text put behind the store's back, as a bug, a cut write or another codec version leaves it. */
export type Tamper =
  | { readonly kind: 'board'; readonly boardId: number; readonly text: string }
  | { readonly kind: 'issue'; readonly boardId: number; readonly issueId: string; readonly updated: number; readonly text: string }
  | { readonly kind: 'figures'; readonly boardId: number; readonly section: FiguresSection; readonly text: string }
  /** The board's figures as the first layout stored them (one document per board), in place of what it holds. */
  | { readonly kind: 'figures-layout-1'; readonly boardId: number; readonly text: string };

export interface ContractSubject {
  readonly store: GovernanceStore;
  /** Replaces a stored document with `text`; returns the store to read it back with (the same, or one reopened). */
  tamper(t: Tamper): Promise<GovernanceStore>;
  close(): Promise<void>;
}

const byId = (docs: readonly StoredIssueDoc[]) => [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function governanceStoreContract(open: () => Promise<ContractSubject>): void {
  let subject: ContractSubject;
  let store: GovernanceStore;
  beforeEach(async () => {
    subject = await open();
    store = subject.store;
  });
  afterEach(async () => {
    await subject.close();
  });

  const demo = () => demoBoard();
  const some = (n: number, from = 0) => demo().issues.slice(from, from + n);

  describe('boards', () => {
    it('creates a board once, then writes it only over the version read', async () => {
      expect(await store.board(7)).toBeNull();
      expect(await store.saveBoard(boardState(7, 'new'), 3)).toEqual({ ok: false });
      expect(await store.saveBoard(boardState(7, 'new'), null)).toEqual({ ok: true, version: 1 });
      expect(await store.saveBoard(boardState(7, 'backfill'), null)).toEqual({ ok: false });
      expect(await store.board(7)).toEqual({ value: boardState(7, 'new'), version: 1 });

      expect(await store.saveBoard(boardState(7, 'backfill'), 1)).toEqual({ ok: true, version: 2 });
      // A writer that read version 1 is refused now, and so is one that thinks it is absent.
      expect(await store.saveBoard(boardState(7, 'failed'), 1)).toEqual({ ok: false });
      expect(await store.saveBoard(boardState(7, 'failed'), null)).toEqual({ ok: false });
      expect(await store.board(7)).toEqual({ value: boardState(7, 'backfill'), version: 2 });
      expect(await store.saveBoard(boardState(7, 'idle'), 2)).toEqual({ ok: true, version: 3 });
      expect(await store.board(7)).toEqual({ value: boardState(7, 'idle'), version: 3 });
    });

    it('lets one of two writers of the same version win', async () => {
      await store.saveBoard(boardState(8, 'new'), null);
      const results = await Promise.all([store.saveBoard(boardState(8, 'backfill'), 1), store.saveBoard(boardState(8, 'failed'), 1)]);
      expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: 2 }]);
      const created = await Promise.all([store.saveBoard(boardState(9), null), store.saveBoard(boardState(9), null)]);
      expect(created.filter((r) => r.ok)).toHaveLength(1);
    });

    it('lists the boards it holds, in order', async () => {
      expect(await store.boardIds()).toEqual([]);
      for (const id of [12, 3, 100, 1]) await store.saveBoard(boardState(id), null);
      expect(await store.boardIds()).toEqual([1, 3, 12, 100]);
    });

    it('refuses a state that does not parse, and keeps what it had', async () => {
      await store.saveBoard(boardState(4), null);
      const bad = { ...boardState(4), sync: { ...boardState(4).sync, phase: 'sleeping' } } as unknown as BoardState;
      await expect(store.saveBoard(bad, 1)).rejects.toThrow();
      await expect(store.saveBoard({ ...boardState(5), boardId: 'five' } as unknown as BoardState, null)).rejects.toThrow();
      expect(await store.board(4)).toEqual({ value: boardState(4), version: 1 });
      expect(await store.boardIds()).toEqual([4]);
    });

    it('forgets a deleted board: its state, issues and figures, and nothing of another board', async () => {
      const { figures } = demo();
      for (const id of [1, 2]) {
        await store.saveBoard(boardState(id), null);
        await store.putIssues(id, some(20));
        await store.putFigures(id, { ...figures, boardId: id });
      }
      await store.deleteBoard(1);
      expect(await store.boardIds()).toEqual([2]);
      expect(await store.board(1)).toBeNull();
      expect(await store.issues(1)).toEqual([]);
      expect((await store.issueStamps(1)).size).toBe(0);
      expect([...(await store.figures([1, 2])).keys()]).toEqual([2]);
      expect(byId(await store.issues(2))).toEqual(byId(some(20)));
      // Created again from nothing.
      expect(await store.saveBoard(boardState(1), null)).toEqual({ ok: true, version: 1 });
      await store.deleteBoard(404); // an unknown board: nothing to do
    });
  });

  describe('issues', () => {
    it('gives back exactly the documents written, with their stamps', async () => {
      const docs = demo().issues;
      await store.putIssues(5, docs.slice(0, 100));
      await store.putIssues(5, docs.slice(100));
      const read = await store.issues(5);
      expect(read).toHaveLength(docs.length);
      expect(byId(read)).toEqual(byId(docs));
      expect(await store.issueStamps(5)).toEqual(new Map(docs.map((d) => [d.id, d.updated])));
      expect(await store.issues(6)).toEqual([]);
      expect(await store.issueStamps(6)).toEqual(new Map());
    });

    it('is idempotent: the same issues written again change nothing', async () => {
      await store.putIssues(5, some(50));
      const size = await store.sizeBytes();
      await store.putIssues(5, some(50));
      await store.putIssues(5, some(10, 20));
      await store.putIssues(5, []);
      expect(await store.sizeBytes()).toBe(size);
      expect(byId(await store.issues(5))).toEqual(byId(some(50)));
    });

    it('keeps the newest document: an older one (from a run that lost its lease) does not replace it', async () => {
      const [a, b] = some(2) as [StoredIssueDoc, StoredIssueDoc];
      const newer = variant(a, { updated: a.updated + 60_000, summary: 'Новее 🆕' });
      await store.putIssues(5, [newer, b]);
      await store.putIssues(5, [variant(a, { summary: 'Older' }), variant(b, { updated: b.updated - 1, summary: 'Older too' })]);
      expect(byId(await store.issues(5))).toEqual(byId([newer, b]));
      expect((await store.issueStamps(5)).get(a.id)).toBe(newer.updated);
      // The same stamp replaces (the issue read again with other fields), a newer one too.
      const same = variant(newer, { summary: 'Same stamp, read again' });
      await store.putIssues(5, [same]);
      expect((await store.issues(5)).find((d) => d.id === a.id)).toEqual(same);
      const newest = variant(a, { updated: a.updated + 120_000, summary: 'Newest' });
      await store.putIssues(5, [newest]);
      expect((await store.issues(5)).find((d) => d.id === a.id)).toEqual(newest);
      // Within one call too, whatever the order.
      const c = some(1, 2)[0] as StoredIssueDoc;
      const cNew = variant(c, { updated: c.updated + 5, summary: 'c new' });
      await store.putIssues(5, [cNew, variant(c, { summary: 'c old' })]);
      expect((await store.issues(5)).find((d) => d.id === c.id)).toEqual(cNew);
      expect((await store.issueStamps(5)).get(c.id)).toBe(cNew.updated);
    });

    it('deletes the issues named, and only those', async () => {
      const docs = some(30);
      await store.putIssues(5, docs);
      await store.putIssues(6, docs.slice(0, 5));
      const gone = docs.slice(0, 10).map((d) => d.id);
      await store.deleteIssues(5, [...gone, 'no-such-issue', gone[0] as string]);
      await store.deleteIssues(5, []);
      await store.deleteIssues(77, gone);
      expect(byId(await store.issues(5))).toEqual(byId(docs.slice(10)));
      expect([...(await store.issueStamps(5)).keys()].sort()).toEqual(docs.slice(10).map((d) => d.id).sort());
      expect(byId(await store.issues(6))).toEqual(byId(docs.slice(0, 5)));
    });

    it('refuses a document that does not parse, and writes nothing of that call', async () => {
      const [a, b] = some(2) as [StoredIssueDoc, StoredIssueDoc];
      const bad = { ...b, v: 2 } as unknown as StoredIssueDoc;
      await expect(store.putIssues(5, [a, bad])).rejects.toThrow();
      await expect(store.putIssues(5, [{ ...a, updated: 'yesterday' } as unknown as StoredIssueDoc])).rejects.toThrow();
      expect(await store.issues(5)).toEqual([]);
      expect((await store.issueStamps(5)).size).toBe(0);
    });
  });

  describe('figures', () => {
    it('gives back the figures written, by board, the latest write of each', async () => {
      const { figures } = demo();
      const other: BoardFigures = { ...figures, boardId: 6, asOf: NOW - 1, tags: figures.tags.slice(0, 3) };
      await store.putFigures(5, figures);
      await store.putFigures(6, other);
      const read = await store.figures([5, 6, 404]);
      expect([...read.keys()].sort()).toEqual([5, 6]);
      expect(read.get(5)).toEqual(figures);
      expect(read.get(6)).toEqual(other);
      expect(await store.figures([])).toEqual(new Map());
      const later: BoardFigures = { ...figures, asOf: NOW + 60_000, hygieneBefore: null };
      await store.putFigures(5, later);
      expect((await store.figures([5])).get(5)).toEqual(later);
    });

    it('gives back figures of several MB (a 20,000-issue board), and a smaller write after them', async () => {
      const { figures } = demo();
      const large = largeFigures(figures, 5 * 1024 * 1024);
      expect(Buffer.byteLength(JSON.stringify(large))).toBeGreaterThan(5 * 1024 * 1024);
      await store.putFigures(5, large);
      await store.putFigures(6, figures);
      const read = await store.figures([5, 6]);
      expect(read.get(5)).toEqual(large);
      expect(read.get(6)).toEqual(figures);
      await store.putFigures(5, figures);
      expect((await store.figures([5])).get(5)).toEqual(figures);
    });

    it('reads only the sections asked for: their rows, and the tags of the issues they name', async () => {
      const { figures } = demo();
      await store.putFigures(5, figures);
      const tagsNaming = (keys: Set<string>) => figures.tags.filter((t) => keys.has(t.key));
      const convergence = (await store.figures([5], ['convergence'])).get(5);
      const sprintKeys = new Set(figures.sprints.flatMap((s) => s.rows.map((r) => r.key)));
      expect(sprintKeys.size).toBeGreaterThan(0);
      expect(convergence).toEqual({ ...figures, tags: tagsNaming(sprintKeys), defects: [], hygiene: [], hygieneBefore: null });
      const governance = (await store.figures([5], ['hygiene', 'defects'])).get(5);
      const otherKeys = new Set([...figures.defects.map((d) => d.key), ...figures.hygiene.map((h) => h.key), ...(figures.hygieneBefore ?? []).map((h) => h.key)]);
      expect(figures.defects.length).toBeGreaterThan(0);
      expect(governance).toEqual({ ...figures, tags: tagsNaming(otherKeys), sprints: [] });
      // Every section: the figures as written; and the sections of the latest write only.
      expect((await store.figures([5], [...FIGURES_SECTIONS])).get(5)).toEqual(figures);
      const later: BoardFigures = { ...figures, asOf: NOW + 60_000, defects: figures.defects.slice(1) };
      await store.putFigures(5, later);
      expect((await store.figures([5], ['defects'])).get(5)?.defects).toEqual(later.defects);
      expect((await store.figures([5], ['convergence', 'defects'])).get(5)?.asOf).toBe(NOW + 60_000);
    });

    it('keeps each row and tag as written, optional fields included', async () => {
      const { figures } = demo();
      const [s0] = figures.sprints;
      const [r0, r1] = s0?.rows ?? [];
      const [h0] = figures.hygiene;
      const [t0] = figures.tags;
      if (!s0 || !r0 || !r1 || !h0 || !t0) throw new Error('the demo board has sprints, hygiene rows and tags');
      const marked: BoardFigures = {
        ...figures,
        tags: [{ ...t0, security: '10001', summary: null, assignee: null, assigneeName: null, products: ['a', 'b'], deletedStatuses: ['9'] }, ...figures.tags.slice(1)],
        sprints: [{ head: s0.head, rows: [{ ...r0, invalidEstimate: true }, { ...r1, unmappedStatus: '777' }, ...s0.rows.slice(2)] }, ...figures.sprints.slice(1)],
        hygiene: [{ ...h0, invalidEstimate: true }, ...figures.hygiene.slice(1)],
      };
      await store.putFigures(5, marked);
      expect((await store.figures([5])).get(5)).toEqual(marked);
      const rows = (await store.figures([5], ['convergence'])).get(5)?.sprints[0]?.rows ?? [];
      expect(rows[0]).toEqual({ ...r0, invalidEstimate: true });
      expect(Object.keys(rows[2] ?? {})).toEqual(['key', 'flags', 'ps', 'pe', 'pr']);
    });

    it('refuses figures that do not parse, and keeps what it had', async () => {
      const { figures } = demo();
      await store.putFigures(5, figures);
      await expect(store.putFigures(5, { ...figures, asOf: 'now' } as unknown as BoardFigures)).rejects.toThrow();
      await expect(store.putFigures(5, { ...figures, tags: [{ id: 1 }] } as unknown as BoardFigures)).rejects.toThrow();
      expect((await store.figures([5])).get(5)).toEqual(figures);
    });
  });

  describe('documents that do not parse when read', () => {
    it('are left out: a board state, an issue, figures', async () => {
      const { figures } = demo();
      const docs = some(5);
      const [victim] = docs as [StoredIssueDoc];
      for (const id of [5, 6]) {
        await store.saveBoard(boardState(id), null);
        await store.putFigures(id, { ...figures, boardId: id });
      }
      await store.putIssues(5, docs);
      // Another codec version, a state of another shape, figures cut to what an older app wrote.
      let s = await subject.tamper({ kind: 'issue', boardId: 5, issueId: victim.id, updated: victim.updated, text: JSON.stringify({ ...victim, v: 2 }) });
      s = await subject.tamper({ kind: 'board', boardId: 6, text: JSON.stringify({ boardId: 6, sync: { phase: 'idle' } }) });
      s = await subject.tamper({ kind: 'figures', boardId: 6, section: 'hygiene', text: JSON.stringify({ boardId: 6, asOf: NOW }) });
      expect(byId(await s.issues(5))).toEqual(byId(docs.slice(1)));
      expect(await s.board(6)).toBeNull();
      expect(await s.board(5)).toEqual({ value: boardState(5), version: 1 });
      const read = await s.figures([5, 6]);
      expect([...read.keys()]).toEqual([5]);
      expect(read.get(5)).toEqual({ ...figures, boardId: 5 });
      // A reader of another section is not concerned.
      expect([...(await s.figures([5, 6], ['convergence'])).keys()].sort()).toEqual([5, 6]);
      expect([...(await s.figures([5, 6], ['defects', 'hygiene'])).keys()]).toEqual([5]);
    });

    it('are left out when a section is of another write (another board or instant)', async () => {
      const { figures } = demo();
      await store.saveBoard(boardState(5), null);
      await store.putFigures(5, figures);
      const other = encodeFigureSections({ ...figures, asOf: NOW - 1 });
      const s = await subject.tamper({ kind: 'figures', boardId: 5, section: 'defects', text: other.defects });
      expect((await s.figures([5], ['defects'])).get(5)?.asOf).toBe(NOW - 1);
      expect(await s.figures([5])).toEqual(new Map());
      expect(await s.figures([5], ['convergence', 'defects'])).toEqual(new Map());
    });

    it('reads figures of the first layout (one document per board) as none', async () => {
      const { figures } = demo();
      await store.saveBoard(boardState(5), null);
      await store.putFigures(5, figures);
      const s = await subject.tamper({ kind: 'figures-layout-1', boardId: 5, text: JSON.stringify(figures) });
      expect(await s.figures([5])).toEqual(new Map());
      expect(await s.figures([5], ['convergence'])).toEqual(new Map());
      // Written again (the board's next sync derives them), they are read.
      await s.putFigures(5, figures);
      expect((await s.figures([5])).get(5)).toEqual(figures);
    });
  });

  describe('size', () => {
    it('grows with what it holds, in UTF-8 bytes, and falls back when a board is deleted', async () => {
      const empty = await store.sizeBytes();
      expect(empty).toBe(0);
      await store.saveBoard(boardState(5), null);
      const withState = await store.sizeBytes();
      expect(withState).toBe(Buffer.byteLength(JSON.stringify(boardState(5))));
      const docs = some(40);
      await store.putIssues(5, docs);
      const withIssues = await store.sizeBytes();
      expect(withIssues - withState).toBe(docs.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d)), 0));
      await store.putFigures(5, demo().figures);
      const withFigures = await store.sizeBytes();
      const sections = encodeFigureSections(demo().figures);
      expect(withFigures - withIssues).toBe(FIGURES_SECTIONS.reduce((n, s) => n + Buffer.byteLength(sections[s]), 0));
      // Rows as columns: smaller than the figures as objects.
      expect(withFigures - withIssues).toBeLessThan(Buffer.byteLength(JSON.stringify(demo().figures)));
      await store.deleteIssues(5, docs.slice(0, 10).map((d) => d.id));
      expect(await store.sizeBytes()).toBeLessThan(withFigures);
      await store.deleteBoard(5);
      expect(await store.sizeBytes()).toBe(0);
    });
  });
}
