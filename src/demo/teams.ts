/**
 * The demo bank's twelve scrum teams, one project and one board each: product teams across the
 * web, mobile and API channels, a platform team and a design-system team (docs/ownership.md).
 * `reliability` is the share of a sprint's commitment a team delivers (each sprint varies around
 * it), so a board's convergence lands near it: most teams between 80% and 95%, Loans Mobile
 * struggling below 80%, the host-to-host API and design-system teams above the 95% target.
 */
import type { SegmentKey } from './catalog';

export type ProductKey = 'payments' | 'loans' | 'savings' | 'fx-trade';
export type ChannelKey = 'web' | 'mobile' | 'api';

export const PRODUCT_COMPONENT: Record<ProductKey, string> = {
  payments: 'Payments',
  loans: 'Loans',
  savings: 'Savings',
  'fx-trade': 'Foreign trade',
};
/** Labels the default configuration maps to each product. */
export const PRODUCT_LABEL: Record<ProductKey, string> = {
  payments: 'payments',
  loans: 'loans',
  savings: 'savings',
  'fx-trade': 'ved',
};
export const CHANNEL_COMPONENT: Record<ChannelKey, string> = { web: 'Web', mobile: 'Mobile', api: 'API' };

export interface TeamDef {
  boardId: number;
  projectId: string;
  key: string;
  name: string;
  /** The product the team builds; null for the platform and design-system teams, who serve all. */
  product: ProductKey | null;
  /** Extra product label the team puts on issues (e.g. `deposits`). */
  extraLabel?: string;
  channels: readonly ChannelKey[];
  segments: readonly SegmentKey[];
  /** Components of the project besides the product and channel ones. */
  extraComponents: readonly string[];
  reliability: number;
  /** Issues a sprint starts with, on average. */
  capacity: number;
  /** 0: the active sprint started on 16 Nov 2026; 1: on 23 Nov 2026. */
  cadence: 0 | 1;
  /** Number of the first of the board's sprints in the demo. */
  firstSprintNumber: number;
  sprintName: (n: number) => string;
  scrumMaster: string;
  /** Who writes and ranks the backlog (the DPO, or the team lead). */
  owner: string;
  /** Where the team writes acceptance criteria. */
  acceptanceCriteria: 'description' | 'field';
  /** Whether the team fills the "Segment" select field as well as labels. */
  segmentField: boolean;
  /** Issues that will be carried over three sprints or more and are still open. */
  chronicCarryovers: number;
  /** Mean days between two bugs. */
  bugEveryDays: number;
}

const named = (prefix: string) => (n: number) => `${prefix} Sprint ${n}`;

export const TEAMS: readonly TeamDef[] = [
  {
    boardId: 1, projectId: '10001', key: 'PAY', name: 'Payments Web', product: 'payments', channels: ['web'], segments: ['mmb', 'sb'],
    extraComponents: ['Templates'], reliability: 0.93, capacity: 14, cadence: 0, firstSprintNumber: 41, sprintName: named('PAY'),
    scrumMaster: 'y.vasilieva', owner: 'd.volkov', acceptanceCriteria: 'description', segmentField: false, chronicCarryovers: 0, bugEveryDays: 5,
  },
  {
    boardId: 2, projectId: '10002', key: 'PAYM', name: 'Payments Mobile', product: 'payments', channels: ['mobile'], segments: ['mmb', 'sb'],
    extraComponents: ['iOS', 'Android'], reliability: 0.9, capacity: 13, cadence: 1, firstSprintNumber: 37, sprintName: named('PAYM'),
    scrumMaster: 'y.vasilieva', owner: 'd.volkov', acceptanceCriteria: 'description', segmentField: false, chronicCarryovers: 1, bugEveryDays: 4,
  },
  {
    boardId: 3, projectId: '10003', key: 'PAYA', name: 'Payments API (host-to-host)', product: 'payments', channels: ['api'], segments: ['kib', 'sb'],
    extraComponents: ['1C integration'], reliability: 0.975, capacity: 11, cadence: 0, firstSprintNumber: 22, sprintName: named('PAYA'),
    scrumMaster: 'y.vasilieva', owner: 'd.volkov', acceptanceCriteria: 'description', segmentField: false, chronicCarryovers: 0, bugEveryDays: 8,
  },
  {
    boardId: 4, projectId: '10004', key: 'LOAN', name: 'Loans Web', product: 'loans', channels: ['web'], segments: ['mmb', 'sb'],
    extraComponents: ['Scoring'], reliability: 0.86, capacity: 14, cadence: 1, firstSprintNumber: 53, sprintName: named('LOAN'),
    scrumMaster: 'r.pavlov', owner: 's.morozov', acceptanceCriteria: 'description', segmentField: false, chronicCarryovers: 1, bugEveryDays: 5,
  },
  {
    boardId: 5, projectId: '10005', key: 'LOANM', name: 'Loans Mobile', product: 'loans', channels: ['mobile'], segments: ['mmb'],
    extraComponents: ['iOS', 'Android'], reliability: 0.77, capacity: 15, cadence: 0, firstSprintNumber: 18, sprintName: named('LOANM'),
    scrumMaster: 'r.pavlov', owner: 's.morozov', acceptanceCriteria: 'description', segmentField: false, chronicCarryovers: 2, bugEveryDays: 4,
  },
  {
    boardId: 6, projectId: '10006', key: 'CRED', name: 'Credit Conveyor API', product: 'loans', channels: ['api'], segments: ['sb', 'kib'],
    extraComponents: ['Credit bureau'], reliability: 0.89, capacity: 12, cadence: 1, firstSprintNumber: 29, sprintName: named('CRED'),
    scrumMaster: 'r.pavlov', owner: 's.morozov', acceptanceCriteria: 'field', segmentField: false, chronicCarryovers: 0, bugEveryDays: 7,
  },
  {
    boardId: 7, projectId: '10007', key: 'SAV', name: 'Savings Web', product: 'savings', channels: ['web'], segments: ['mmb', 'sb'],
    extraComponents: ['Accounts'], reliability: 0.93, capacity: 13, cadence: 0, firstSprintNumber: 44, sprintName: named('SAV'),
    scrumMaster: 'e.semenova', owner: 'a.lebedev', acceptanceCriteria: 'description', segmentField: false, chronicCarryovers: 0, bugEveryDays: 6,
  },
  {
    boardId: 8, projectId: '10008', key: 'DEP', name: 'Deposits Mobile', product: 'savings', extraLabel: 'deposits', channels: ['mobile'],
    segments: ['mmb', 'sb', 'kib'], extraComponents: ['iOS', 'Android'], reliability: 0.88, capacity: 12, cadence: 1, firstSprintNumber: 31,
    sprintName: named('DEP'), scrumMaster: 'e.semenova', owner: 'a.lebedev', acceptanceCriteria: 'description', segmentField: false,
    chronicCarryovers: 0, bugEveryDays: 5,
  },
  {
    boardId: 9, projectId: '10009', key: 'FXT', name: 'Foreign Trade Web (ВЭД)', product: 'fx-trade', channels: ['web'], segments: ['sb', 'kib'],
    extraComponents: ['Currency control'], reliability: 0.85, capacity: 14, cadence: 0, firstSprintNumber: 1,
    // Sprint names with a comma, as some teams write them: the changelog's fromString cannot be split on commas.
    sprintName: (n) => `FXT 2026, sprint ${n}`,
    scrumMaster: 'a.golubev', owner: 'p.novikov', acceptanceCriteria: 'description', segmentField: true, chronicCarryovers: 1, bugEveryDays: 5,
  },
  {
    boardId: 10, projectId: '10010', key: 'FXC', name: 'Currency Control API', product: 'fx-trade', channels: ['api'], segments: ['kib'],
    extraComponents: ['Currency control'], reliability: 0.82, capacity: 12, cadence: 1, firstSprintNumber: 12, sprintName: named('FXC'),
    scrumMaster: 'a.golubev', owner: 'p.novikov', acceptanceCriteria: 'description', segmentField: true, chronicCarryovers: 1, bugEveryDays: 7,
  },
  {
    boardId: 11, projectId: '10011', key: 'PLAT', name: 'Digital Platform', product: null, channels: ['api'], segments: ['mmb', 'sb', 'kib'],
    extraComponents: ['Platform', 'Observability'], reliability: 0.91, capacity: 15, cadence: 0, firstSprintNumber: 60, sprintName: named('PLAT'),
    scrumMaster: 'a.golubev', owner: 'i.tarasov', acceptanceCriteria: 'description', segmentField: false, chronicCarryovers: 0, bugEveryDays: 6,
  },
  {
    boardId: 12, projectId: '10012', key: 'DS', name: 'Design System', product: null, channels: ['web', 'mobile'], segments: ['mmb', 'sb', 'kib'],
    extraComponents: ['Design system', 'Tokens'], reliability: 0.965, capacity: 10, cadence: 1, firstSprintNumber: 25, sprintName: named('DS'),
    scrumMaster: 'e.semenova', owner: 'k.belova', acceptanceCriteria: 'description', segmentField: false, chronicCarryovers: 0, bugEveryDays: 9,
  },
];

export function teamOf(key: string): TeamDef {
  const t = TEAMS.find((x) => x.key === key);
  if (!t) throw new Error(`no demo team ${key}`);
  return t;
}
