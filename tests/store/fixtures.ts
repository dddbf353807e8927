/**
 * Real documents for the store tests: a demo board's issues encoded as the sync stores them, and
 * its figure rows as the sync derives them (both made by the app's own code, so they follow its
 * schemas), plus a board's figures grown to several MB for the parts of the SQL store.
 */
import { buildDemoSite, DEMO_NOW, demoConfig } from '../../src/demo/site';
import { parseConfigOrThrow } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import { metricFieldIds } from '../../src/services/board-data';
import { type BoardFigures, deriveBoardFigures } from '../../src/services/board-figures';
import { encodeIssue, type StoredIssueDoc } from '../../src/store/issue-codec';
import { type BoardState, newBoardState } from '../../src/store/types';
import { directLoaded } from '../demo/direct';

const DAY = 86_400_000;
export const NOW = parseInstant(DEMO_NOW);

export interface DemoBoard {
  readonly boardId: number;
  readonly issues: readonly StoredIssueDoc[];
  readonly figures: BoardFigures;
}

let cached: DemoBoard | null = null;

/** The demo's board 5 (255 issues, Russian and English names), as stored. */
export function demoBoard(): DemoBoard {
  if (cached) return cached;
  const boardId = 5;
  const site = buildDemoSite();
  const config = parseConfigOrThrow(demoConfig());
  const loaded = directLoaded(site, [boardId], NOW);
  const board = loaded.boards[0];
  if (!board) throw new Error('no demo board');
  const prepared = [...board.issueIds].map((id) => {
    const p = loaded.issues.get(id);
    if (!p) throw new Error(`no issue ${id}`);
    return p;
  });
  const custom = metricFieldIds(config).filter((f) => f.startsWith('customfield_'));
  const issues = prepared.map((p) => encodeIssue(p, board.fields, custom));
  const figures = deriveBoardFigures(
    { boardId, configuration: board.configuration, sprints: board.sprints, fields: board.fields, issues: prepared },
    { now: NOW, config, catalog: loaded.catalog, siteStatusIds: loaded.siteStatusIds, closedSprints: 20, resolvedSince: NOW - 365 * DAY, before: NOW - 7 * DAY },
  );
  cached = { boardId, issues, figures };
  return cached;
}

/** A board's state as the sync leaves it after a run. */
export function boardState(boardId: number, phase: BoardState['sync']['phase'] = 'idle', name = `Доска ${boardId} 🚀`): BoardState {
  const s = newBoardState(boardId);
  return {
    ...s,
    meta: {
      name,
      type: 'scrum',
      projectKey: 'PAY',
      projectId: '10000',
      filterId: '10001',
      filterJql: 'project = PAY ORDER BY Rank ASC',
      columns: [{ name: 'К выполнению', statusIds: ['1'] }],
      estimationFieldId: null,
      fields: { sprint: { id: 'customfield_10020', names: ['Sprint', 'Спринт'] }, estimation: null },
      sprints: [{ id: 1, name: 'Sprint 1', state: 'closed', startDate: '2026-01-01T00:00:00.000Z', endDate: null, completeDate: null, originBoardId: boardId }],
      statuses: [{ id: '1', category: 'new' }],
      typeNames: { '10001': 'Story' },
      refreshedAt: NOW,
    },
    sync: { ...s.sync, phase, watermark: NOW, issues: 3 },
  };
}

/** An issue document with another id, stamp or summary. */
export function variant(doc: StoredIssueDoc, change: { id?: string; updated?: number; summary?: string }): StoredIssueDoc {
  return {
    ...doc,
    id: change.id ?? doc.id,
    key: change.id ? `K-${change.id}` : doc.key,
    updated: change.updated ?? doc.updated,
    fields: change.summary === undefined ? doc.fields : { ...doc.fields, summary: change.summary },
  };
}

/**
 * Figures grown to at least `minBytes` of JSON: the board's rows repeated under new issue ids,
 * with texts in Cyrillic and 4-byte emoji so parts are cut among multi-byte characters.
 */
export function largeFigures(base: BoardFigures, minBytes: number): BoardFigures {
  const one = Buffer.byteLength(JSON.stringify([base.tags, base.defects, base.hygiene]));
  const copies = Math.ceil(minBytes / Math.max(one, 1)) + 1;
  const tags = [];
  const defects = [];
  const hygiene = [];
  for (let c = 0; c < copies; c++) {
    const id = (s: string) => `${s}${c === 0 ? '' : `-${c}`}`;
    const segment = `Сегмент «${c}» 🏦\u{1F600} "quoted" \\ ${'€'.repeat(c % 7)}`;
    for (const t of base.tags) tags.push({ ...t, id: id(t.id), key: id(t.key), segments: [...t.segments, segment] });
    for (const d of base.defects) defects.push({ ...d, id: id(d.id), key: id(d.key) });
    for (const h of base.hygiene) hygiene.push({ ...h, id: id(h.id), key: id(h.key) });
  }
  return { ...base, tags, defects, hygiene };
}
