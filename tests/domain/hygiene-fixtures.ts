/** Shared test fixtures for the hygiene tests: a site with one board, its sprints and fields. */
import { bankExampleConfig } from '../../src/domain/bank-example';
import { type GovernanceConfig } from '../../src/domain/config';
import { hygieneContext, type HygieneContext } from '../../src/domain/hygiene';
import { discoverFields, type PreparedIssue, prepareIssue, statusCatalog } from '../../src/domain/issue';
import type { JiraSprint } from '../../src/domain/jira';
import {
  ALL_STATUSES,
  at,
  FIELDS,
  generateBoardConfiguration,
  generateIssue,
  generateSprint,
  type IssueOverrides,
  SPRINT_FIELD_ID,
  STORY_POINTS_FIELD_ID,
} from '../../src/domain/testing/generate';

export const NOW = at('2026-04-01T12:00:00Z');
export const SITE_FIELDS = discoverFields(FIELDS);

export const SPRINTS: JiraSprint[] = [
  generateSprint({ id: 1, state: 'closed', startDate: '2026-02-16T09:00:00.000Z', completeDate: '2026-03-02T10:00:00.000Z' }),
  generateSprint({ id: 2, state: 'closed', startDate: '2026-03-02T11:00:00.000Z', completeDate: '2026-03-16T10:00:00.000Z' }),
  generateSprint({ id: 3, state: 'closed', startDate: '2026-03-16T11:00:00.000Z', completeDate: '2026-03-30T10:00:00.000Z' }),
  generateSprint({ id: 4, state: 'active', startDate: '2026-03-30T11:00:00.000Z', completeDate: null }),
  generateSprint({ id: 5, state: 'future', startDate: null, endDate: null, completeDate: null }),
];

const board = generateBoardConfiguration();
const lastColumn = board.columnConfig.columns[board.columnConfig.columns.length - 1];
export const BOARD_DONE = new Set((lastColumn?.statuses ?? []).map((s) => s.id));

export function ctx(o: Partial<HygieneContext> = {}, config: GovernanceConfig = bankExampleConfig()): HygieneContext {
  return hygieneContext({
    now: NOW,
    config,
    catalog: statusCatalog(ALL_STATUSES),
    sprintsById: new Map(SPRINTS.map((s) => [s.id, s])),
    sprintFieldId: SPRINT_FIELD_ID,
    estimationFieldId: STORY_POINTS_FIELD_ID,
    doneStatusIds: BOARD_DONE,
    ...o,
  });
}

/** A prepared issue with sensible hygiene defaults: a described, mapped story with acceptance criteria. */
export function issue(o: IssueOverrides = {}): PreparedIssue {
  return prepareIssue(
    generateIssue({
      created: '2026-02-10T09:00:00Z',
      updated: '2026-03-31T09:00:00Z',
      labels: ['payments'],
      description: 'Pay by phone.\nAcceptance criteria: the payment goes through.',
      ...o,
    }),
    SITE_FIELDS,
  );
}

export function withConfig(patch: (c: GovernanceConfig) => void): GovernanceConfig {
  const c = bankExampleConfig();
  patch(c);
  return c;
}
