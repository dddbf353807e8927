/**
 * What the "Data sync" tab says of a board, decided from its stored state alone: a last error in
 * words (from the messages the Jira client and the sync write), whether the copy is behind Jira,
 * and how its figures stand against the saved settings.
 */
import { FIGURES_FORMAT } from '../../src/store/figures-schema';
import { defaultConfig } from '../../src/domain/config';
import { behindReason, errorKind, settingsState } from '../../src/services/sync-health';
import { newBoardState, type BoardState } from '../../src/store/types';

const T = Date.parse('2026-11-27T12:00:00Z');
const MINUTE = 60_000;

describe('errorKind', () => {
  it.each([
    ['board 7 no longer exists, or the app may not see it', 'gone'],
    ['GET /rest/agile/1.0/board/{id}/configuration answered 403: You do not have permission', 'denied'],
    ['POST /rest/api/3/search/jql answered 401: Unauthorized', 'denied'],
    ['POST /rest/api/3/search/jql answered 429 and asked to wait 120 s: Rate limited', 'rateLimited'],
    ['POST /rest/api/3/search/jql answered 429 after 6 attempt(s): Rate limited', 'rateLimited'],
    ['POST /rest/api/3/changelog/bulkfetch answered 503 after 6 attempt(s): Service Unavailable', 'unavailable'],
    ['POST /rest/api/3/search/jql failed after 3 attempt(s): socket hang up', 'unavailable'],
    ["POST /rest/api/3/search/jql answered 400: Field 'Team' does not exist or you do not have permission to view it.", 'refused'],
    ['GET /rest/api/3/field: unexpected response at [3].schema: expected object', 'unreadable'],
    ['POST /rest/api/3/search/jql kept announcing a next page: more than 10000 pages, given up', 'unreadable'],
    ['Something else entirely', 'other'],
  ])('%s → %s', (message, kind) => {
    expect(errorKind(message)).toBe(kind);
  });
});

function synced(over: Partial<BoardState['sync']> = {}, figuresAt = T): BoardState {
  const s = newBoardState(1);
  return { ...s, figures: { asOf: figuresAt, configKey: 'config:3', format: FIGURES_FORMAT }, sync: { ...s.sync, phase: 'idle', watermark: figuresAt, lastSuccessAt: figuresAt, ...over } };
}

describe('behindReason', () => {
  it('is null for a board synced within the schedule’s interval with the saved settings', () => {
    expect(behindReason(synced(), T + 14 * MINUTE, 'config:3')).toBeNull();
  });
  it('goes by the last successful sync, not by the figures’ "as of"', () => {
    expect(behindReason(synced({ lastSuccessAt: T + 40 * MINUTE }), T + 45 * MINUTE, 'config:3')).toBeNull();
    expect(behindReason(synced(), T + 16 * MINUTE, 'config:3')).toBe('catchup');
  });
  it('names why a board is due', () => {
    expect(behindReason(newBoardState(1), T, 'config:3')).toBe('new');
    expect(behindReason(synced(), T, 'config:4')).toBe('config');
    expect(behindReason(synced({ phase: 'failed' }), T, 'config:3')).toBe('catchup');
    expect(behindReason(synced({ priorityAt: T }), T, 'config:3')).toBe('catchup');
    // Settings that cannot be read: only the sync's own state counts.
    expect(behindReason(synced(), T, null)).toBeNull();
  });
});

describe('settingsState', () => {
  const config = defaultConfig();
  const meta = {
    name: 'B',
    type: 'scrum',
    projectKey: 'B',
    projectId: '1',
    filterId: '1',
    filterJql: 'project = B',
    columns: [],
    estimationFieldId: null,
    fields: { sprint: null, estimation: null },
    sprints: [],
    statuses: [],
    typeNames: {},
    refreshedAt: T,
  };
  it('says whether the figures follow the saved settings, are to be derived again, or the issues read again', () => {
    const read = synced();
    expect(settingsState(read, null)).toBeNull();
    // Never read (no board read yet): nothing to read again.
    expect(settingsState(read, { config, key: 'config:3' })).toBe('current');
    expect(settingsState(read, { config, key: 'config:4' })).toBe('rederive');
    // Figures stored in the first layout (no layout recorded) are derived again.
    expect(settingsState({ ...read, figures: { asOf: 0, configKey: 'config:3' } }, { config, key: 'config:3' })).toBe('rederive');
    const withMeta = { ...read, meta, sync: { ...read.sync, fields: ['assignee'] } };
    expect(settingsState(withMeta, { config, key: 'config:3' })).toBe('reread');
  });
});
