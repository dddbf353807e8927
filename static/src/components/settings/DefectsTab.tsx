/** Defects and their SLA: defect types, targets per priority, pause statuses, the business calendar. */
import { useId } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { CreatableSelect } from '@atlaskit/select';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import type { GovernanceConfig } from '../../../../src/shared/protocol';
import { useSettings } from './context';
import { ChoiceField, FieldRow, NumberField, ProblemList, TextField, ValuesField, type Choice } from './fields';
import { timeZoneChoices } from './GeneralTab';

type Targets = GovernanceConfig['defects']['targetHours'];

/** The targets with one priority renamed in place (reports list priorities in this order). */
function renamed(targets: Targets, from: string, to: string): Targets {
  return Object.fromEntries(Object.entries(targets).map(([k, v]) => [k === from ? to : k, v]));
}

function PriorityTargets() {
  const { draft, m, site, update } = useSettings();
  const targets = draft.defects.targetHours;
  const names = Object.keys(targets);
  const setTargets = (next: Targets) => update((d) => ({ ...d, defects: { ...d.defects, targetHours: next } }));
  const options = (current: string): Choice[] => (site?.priorities ?? []).filter((p) => p === current || !names.includes(p)).map((p) => ({ value: p, label: p }));
  const free = (site?.priorities ?? []).find((p) => !names.includes(p)) ?? `Priority ${names.length + 1}`;
  return (
    <section data-testid="priority-targets" style={{ marginBottom: token('space.300', '24px') }}>
      <Heading size="xsmall" as="h4">
        {m.targetsTitle}
      </Heading>
      <p style={{ color: token('color.text.subtle', '#44546F'), margin: `${token('space.050', '4px')} 0 ${token('space.100', '8px')}` }}>{m.targetsHelp}</p>
      <ProblemList path={['defects', 'targetHours']} />
      {names.map((name, i) => (
        <div key={i} style={{ display: 'grid', gridTemplateColumns: 'minmax(180px, 260px) 140px auto', gap: token('space.150', '12px'), alignItems: 'start' }}>
          <div style={{ marginBottom: token('space.150', '12px') }}>
            <Label htmlFor={`priority-${i}`}>{m.priority}</Label>
            <CreatableSelect<Choice>
              inputId={`priority-${i}`}
              options={options(name)}
              value={{ value: name, label: name }}
              formatCreateLabel={(v: string) => m.create(v)}
              isValidNewOption={(v: string) => v.trim() !== '' && !names.includes(v.trim())}
              menuPlacement="auto"
              onChange={(c: Choice | null) => c && c.value !== name && !names.includes(c.value) && setTargets(renamed(targets, name, c.value.trim()))}
            />
          </div>
          <NumberField path={['defects', 'targetHours', name]} label={m.hours} />
          <div style={{ paddingTop: token('space.300', '24px') }}>
            <Button appearance="subtle" onClick={() => setTargets(Object.fromEntries(Object.entries(targets).filter(([k]) => k !== name)))}>
              {m.remove}
            </Button>
          </div>
        </div>
      ))}
      <Button onClick={() => setTargets({ ...targets, [free]: 240 })}>{m.addPriority}</Button>
    </section>
  );
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function Calendar() {
  const { draft, m, set } = useSettings();
  const id = useId();
  const calendar = draft.defects.calendar;
  const on = calendar !== null;
  return (
    <section data-testid="business-calendar" style={{ marginBottom: token('space.300', '24px') }}>
      <Heading size="xsmall" as="h4">
        {m.calendarTitle}
      </Heading>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), margin: `${token('space.100', '8px')} 0` }}>
        <Toggle
          id={id}
          isChecked={on}
          label={m.calendarToggle}
          onChange={() =>
            set(['defects', 'calendar'], on ? null : { timeZone: draft.timeZone, workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '18:00' }, holidays: [] })
          }
        />
        <label htmlFor={id}>{m.calendarToggle}</label>
      </div>
      {!calendar ? (
        <p style={{ color: token('color.text.subtle', '#44546F') }}>{m.calendarOff}</p>
      ) : (
        <div>
          <ChoiceField path={['defects', 'calendar', 'timeZone']} label={m.timeZone} options={timeZoneChoices(calendar.timeZone)} width={360} />
          <FieldRow label={m.workingDays} path={['defects', 'calendar', 'workingDays']}>
            <div style={{ display: 'flex', gap: token('space.050', '4px'), flexWrap: 'wrap' }}>
              {DAYS.map((d) => {
                const chosen = calendar.workingDays.includes(d);
                return (
                  <Button
                    key={d}
                    isSelected={chosen}
                    onClick={() => set(['defects', 'calendar', 'workingDays'], chosen ? calendar.workingDays.filter((x) => x !== d) : [...calendar.workingDays, d].sort())}
                  >
                    {m.days[d - 1]}
                  </Button>
                );
              })}
            </div>
          </FieldRow>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 220px))', gap: token('space.150', '12px') }}>
            <TextField path={['defects', 'calendar', 'workingHours', 'start']} label={m.dayStart} placeholder="09:00" />
            <TextField path={['defects', 'calendar', 'workingHours', 'end']} label={m.dayEnd} placeholder="18:00" />
          </div>
          <ProblemList path={['defects', 'calendar', 'workingHours']} />
          <ValuesField path={['defects', 'calendar', 'holidays']} label={m.holidays} help={m.holidaysHelp} options={[]} placeholder="2026-01-01" />
        </div>
      )}
    </section>
  );
}

export function DefectsTab() {
  const { m, site } = useSettings();
  const types: Choice[] = (site?.issueTypes ?? []).filter((t) => !t.subtask).map((t) => ({ value: t.name, label: t.name }));
  const statuses: Choice[] = (site?.statuses ?? []).map((s) => ({ value: s.name, label: s.name }));
  return (
    <div>
      <ValuesField path={['defects', 'issueTypes']} label={m.defectTypes} help={m.defectTypesHelp} options={types} />
      <PriorityTargets />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: token('space.150', '12px') }}>
        <NumberField path={['defects', 'defaultTargetHours']} label={m.defaultTarget} help={m.defaultTargetHelp} nullable />
        <NumberField path={['defects', 'atRiskShare']} label={m.atRisk} scale={100} />
        <NumberField path={['defects', 'openPerTeamTarget']} label={m.openPerTeam} />
      </div>
      <ValuesField path={['defects', 'pauseStatuses']} label={m.pauseStatuses} help={m.pauseHelp} options={statuses} />
      <Calendar />
    </div>
  );
}
