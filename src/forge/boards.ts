/**
 * The boards a viewer may choose from, for the gadget's searchable picker. Jira lists boards page
 * by page, so the viewer's list is cached briefly and each keystroke filters it here.
 */
import { z } from 'zod';
import type { JiraClient } from '../jira/types';
import type { BoardOption, BoardsListData } from '../shared/protocol';
import { storeKey, type Store } from './store';

const LIST_TTL_SECONDS = 10 * 60;
const MAX_CACHED_CHARS = 200_000;
export const BOARDS_SHOWN = 50;

const CachedBoards = z.array(
  z.object({ id: z.number(), name: z.string(), projectKey: z.string().nullable(), type: z.string().nullable() }),
);

/** The boards the viewer may see, as Jira lists them to them (kept for ten minutes per viewer). */
export async function viewerBoards(client: JiraClient, store: Store, accountId: string): Promise<BoardOption[]> {
  const key = storeKey('boards', 'v1', accountId);
  const cached = CachedBoards.safeParse((await store.get(key))?.value);
  if (cached.success) return cached.data;
  const boards = (await client.boards()).map((b) => ({
    id: b.id,
    name: b.name,
    projectKey: b.location?.projectKey ?? null,
    type: b.type ?? null,
  }));
  if (JSON.stringify(boards).length <= MAX_CACHED_CHARS) await store.set(key, boards, { ttlSeconds: LIST_TTL_SECONDS }).catch(() => undefined);
  return boards;
}

function matches(board: BoardOption, query: string): boolean {
  if (query === '') return true;
  const q = query.toLowerCase();
  return board.name.toLowerCase().includes(q) || (board.projectKey ?? '').toLowerCase().includes(q) || String(board.id) === q;
}

/** Boards whose name, project key or id match, by name; the boards in `include` always come along. */
export async function listBoards(client: JiraClient, store: Store, accountId: string, query: string, include: readonly number[]): Promise<BoardsListData> {
  const all = await viewerBoards(client, store, accountId);
  const found = all.filter((b) => matches(b, query.trim())).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  const shown = found.slice(0, BOARDS_SHOWN);
  for (const id of include) {
    const b = all.find((x) => x.id === id);
    if (b && !shown.includes(b)) shown.push(b);
  }
  return { boards: shown, total: found.length };
}
