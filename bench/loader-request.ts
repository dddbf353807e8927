/**
 * What the loader benchmark asks of the loader: every issue of board 1 (its whole kept scope: not
 * done, or updated in the last 400 days), as `governance report` would load it. The capture and
 * the replay make the same requests from it, so every request finds its recorded answer.
 */
import { defaultConfig } from '../src/domain/config';
import type { LoadRequest } from '../src/services/board-data';

export const LOADER_NOW = Date.parse('2026-11-27T12:00:00Z');
const DAY = 86_400_000;

export function loaderRequest(): LoadRequest {
  return { boardIds: [1], config: defaultConfig(), scope: () => ({ sprintIds: [], updatedSince: LOADER_NOW - 400 * DAY }), openNow: true };
}
