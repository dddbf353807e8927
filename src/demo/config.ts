/**
 * The governance configuration of the demo bank: the governance model's bank example
 * (`bankExampleConfig`: products, channels, segments by components and labels) with the bank's
 * people as product owners and channel leaders, its "Segment" select field and "Acceptance
 * criteria" field, Moscow time, and the SLA clock paused while waiting for a customer (by status id).
 */
import { bankExampleConfig } from '../domain/bank-example';
import type { GovernanceConfigInput } from '../domain/config';
import { ACCEPTANCE_CRITERIA_FIELD_ID, DEMO_STATUSES, SEGMENT_FIELD_ID, SEGMENT_OPTIONS, type SegmentKey } from './catalog';
import { accountIdOf } from './people';

const OWNERS: Record<string, { business: string; digital: string }> = {
  payments: { business: 'e.kuznetsova', digital: 'd.volkov' },
  loans: { business: 'o.sokolova', digital: 's.morozov' },
  savings: { business: 'n.popova', digital: 'a.lebedev' },
  'fx-trade': { business: 'i.kozlova', digital: 'p.novikov' },
};
const LEADERS: Record<string, string> = { web: 'm.orlov', mobile: 'a.fedorova', api: 'n.egorov' };

export function demoConfig(): GovernanceConfigInput {
  const base = bankExampleConfig();
  return {
    ...base,
    timeZone: 'Europe/Moscow',
    products: base.products.map((p) => {
      const o = OWNERS[p.key];
      return o ? { ...p, businessOwner: accountIdOf(o.business), digitalOwner: accountIdOf(o.digital) } : p;
    }),
    channels: base.channels.map((c) => {
      const leader = LEADERS[c.key];
      return leader ? { ...c, leader: accountIdOf(leader) } : c;
    }),
    segments: base.segments.map((s) => {
      const option = SEGMENT_OPTIONS[s.key as SegmentKey] as { value: string } | undefined;
      return option ? { ...s, match: { ...s.match, field: { id: SEGMENT_FIELD_ID, values: [option.value] } } } : s;
    }),
    defects: { ...base.defects, pauseStatuses: [{ id: DEMO_STATUSES.waiting.id, name: DEMO_STATUSES.waiting.name }] },
    hygiene: { ...base.hygiene, acceptanceCriteriaField: ACCEPTANCE_CRITERIA_FIELD_ID },
  };
}
