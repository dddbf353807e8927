/**
 * The governance store in memory: for tests, and under the directory store. Documents are kept as
 * JSON text, as every real store keeps them, so a caller never shares an object with the store
 * and every read is parsed as it would be from Forge SQL.
 */
import { BoardFiguresDoc, encodeFigureSections, type FiguresSection, type FiguresSectionDoc, figuresFromSections, parseFigureSection, sectionsOf } from './figures-schema';
import { StoredIssueDoc } from './issue-codec';
import { BoardState, type GovernanceStore, type SaveResult, type Versioned } from './types';
import type { BoardFigures } from '../domain/figures';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export interface BoardRecord {
  state: { json: string; version: number } | null;
  issues: Map<string, { json: string; updated: number }>;
  /** The figures' sections as JSON text (layout `FIGURES_FORMAT`), all of one write. */
  figures: Partial<Record<FiguresSection, string>> | null;
}

/** The memory store, and its records for a store that persists them (`directory.ts`). */
export class MemoryStore implements GovernanceStore {
  protected readonly records = new Map<number, BoardRecord>();

  protected record(boardId: number): BoardRecord {
    let r = this.records.get(boardId);
    if (!r) this.records.set(boardId, (r = { state: null, issues: new Map(), figures: null }));
    return r;
  }

  /** Called after every change of a board, with the issues changed (the directory store writes it down). */
  protected changed(_boardId: number, _what: 'state' | 'issues' | 'figures' | 'deleted', _issueIds?: readonly string[]): Promise<void> {
    return Promise.resolve();
  }

  async boardIds(): Promise<number[]> {
    return [...this.records.entries()].filter(([, r]) => r.state !== null).map(([id]) => id).sort((a, b) => a - b);
  }

  async board(boardId: number): Promise<Versioned<BoardState> | null> {
    const s = this.records.get(boardId)?.state;
    if (!s) return null;
    const parsed = BoardState.safeParse(JSON.parse(s.json));
    return parsed.success ? { value: parsed.data, version: s.version } : null;
  }

  async saveBoard(state: BoardState, expectedVersion: number | null): Promise<SaveResult> {
    const valid = BoardState.parse(state);
    const r = this.record(valid.boardId);
    if ((r.state?.version ?? null) !== expectedVersion) return { ok: false };
    const version = (r.state?.version ?? 0) + 1;
    r.state = { json: JSON.stringify(valid), version };
    await this.changed(valid.boardId, 'state');
    return { ok: true, version };
  }

  async deleteBoard(boardId: number): Promise<void> {
    this.records.delete(boardId);
    await this.changed(boardId, 'deleted');
  }

  async putIssues(boardId: number, issues: readonly StoredIssueDoc[]): Promise<void> {
    if (issues.length === 0) return;
    const r = this.record(boardId);
    const written: string[] = [];
    // Every document parsed before any is written: a refused call writes nothing.
    for (const valid of issues.map((doc) => StoredIssueDoc.parse(doc))) {
      // Newest wins: a document older than the stored one comes from a run that lost its lease.
      const stored = r.issues.get(valid.id);
      if (stored && stored.updated > valid.updated) continue;
      r.issues.set(valid.id, { json: JSON.stringify(valid), updated: valid.updated });
      written.push(valid.id);
    }
    if (written.length > 0) await this.changed(boardId, 'issues', written);
  }

  async deleteIssues(boardId: number, issueIds: readonly string[]): Promise<void> {
    const r = this.records.get(boardId);
    if (!r || issueIds.length === 0) return;
    for (const id of issueIds) r.issues.delete(id);
    await this.changed(boardId, 'issues', issueIds);
  }

  async issues(boardId: number): Promise<StoredIssueDoc[]> {
    const out: StoredIssueDoc[] = [];
    for (const { json } of this.records.get(boardId)?.issues.values() ?? []) {
      const parsed = StoredIssueDoc.safeParse(JSON.parse(json));
      if (parsed.success) out.push(parsed.data);
    }
    return out;
  }

  async issueStamps(boardId: number): Promise<Map<string, number>> {
    return new Map([...(this.records.get(boardId)?.issues ?? new Map<string, { updated: number }>())].map(([id, e]) => [id, e.updated]));
  }

  async putFigures(boardId: number, figures: BoardFigures): Promise<void> {
    this.record(boardId).figures = encodeFigureSections(BoardFiguresDoc.parse(figures));
    await this.changed(boardId, 'figures');
  }

  async figures(boardIds: readonly number[], sections?: readonly FiguresSection[]): Promise<Map<number, BoardFigures>> {
    const asked = sectionsOf(sections);
    const out = new Map<number, BoardFigures>();
    for (const id of boardIds) {
      const stored = this.records.get(id)?.figures;
      if (!stored || out.has(id)) continue;
      const docs: FiguresSectionDoc[] = [];
      for (const section of asked) {
        const text = stored[section];
        const doc = text === undefined ? null : parseFigureSection(section, text);
        if (doc) docs.push(doc);
      }
      const figures = docs.length === asked.length ? figuresFromSections(docs) : null;
      if (figures) out.set(id, figures);
    }
    return out;
  }

  async sizeBytes(): Promise<number> {
    let n = 0;
    for (const r of this.records.values()) {
      if (r.state) n += bytes(r.state.json);
      for (const text of Object.values(r.figures ?? {})) n += bytes(text);
      for (const e of r.issues.values()) n += bytes(e.json);
    }
    return n;
  }
}

export function memoryGovernanceStore(): GovernanceStore {
  return new MemoryStore();
}
