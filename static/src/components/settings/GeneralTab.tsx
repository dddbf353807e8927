/** The owners' areas of responsibility (whom to ask about what) and the configuration's time zone. */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { GovernanceConfig, OwnerRole } from '../../../../src/shared/protocol';
import { useSettings } from './context';
import { ChoiceField, TextField, type Choice } from './fields';

/** IANA time zones the browser knows, with the configured one kept even if it does not. */
export function timeZoneChoices(current: string): Choice[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = zones.includes('UTC') ? zones : ['UTC', ...zones];
  return (all.includes(current) || current === '' ? all : [current, ...all]).map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
}

const KEY: Record<OwnerRole, 'businessOwner' | 'digitalOwner'> = { business: 'businessOwner', digital: 'digitalOwner' };

function Areas({ role }: { role: OwnerRole }) {
  const { draft, m, update } = useSettings();
  const key = KEY[role];
  const areas = draft.responsibilities[key];
  const change = (next: GovernanceConfig['responsibilities'][typeof key]) => update((d) => ({ ...d, responsibilities: { ...d.responsibilities, [key]: next } }));
  return (
    <section data-testid={`areas-${role}`} style={{ marginBottom: token('space.300', '24px') }}>
      <Heading size="xsmall" as="h4">
        {m.roleLong[role]}
      </Heading>
      {areas.map((_, i) => (
        <div key={i} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr auto', gap: token('space.150', '12px'), alignItems: 'end' }}>
          <TextField path={['responsibilities', key, i, 'en']} label={m.responsibilityEn} />
          <TextField path={['responsibilities', key, i, 'ru']} label={m.responsibilityRu} />
          <div style={{ marginBottom: token('space.150', '12px') }}>
            <Button appearance="subtle" onClick={() => change(areas.filter((__, j) => j !== i))}>
              {m.remove}
            </Button>
          </div>
        </div>
      ))}
      <Button onClick={() => change([...areas, { en: '', ru: '' }])}>{m.addResponsibility}</Button>
    </section>
  );
}

export function GeneralTab() {
  const { draft, m } = useSettings();
  return (
    <div>
      <section style={{ marginBottom: token('space.400', '32px') }}>
        <Heading size="small" as="h3">
          {m.responsibilitiesTitle}
        </Heading>
        <p style={{ color: token('color.text.subtle', '#44546F') }}>{m.responsibilitiesHelp}</p>
        <Areas role="business" />
        <Areas role="digital" />
      </section>
      <ChoiceField path={['timeZone']} label={m.timeZone} help={m.timeZoneHelp} options={timeZoneChoices(draft.timeZone)} width={360} />
    </div>
  );
}
