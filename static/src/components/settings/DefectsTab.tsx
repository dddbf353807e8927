/**
 * Defects and their SLA: defect types, targets per priority, pause statuses, the business calendar.
 * Types, priorities and statuses are picked from the site's and kept by id.
 */
import { useId } from 'react';
import Button from '@atlaskit/button/default/button';
import { ErrorMessage } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import type { DefectTarget } from '../../../../src/shared/protocol';
import { useSettings } from './context';
import { problemsUnder } from './draft';
import { ChoiceField, FieldRow, NumberField, optionLabel, ProblemList, RefsField, TextField, ValuesField } from './fields';
import { movedTarget, priorityChoices, refChoice, withNewTarget, withPriority, type RefChoice } from './refs';
import { timeZoneChoices } from './GeneralTab';

/** One SLA target: its priority (each at most once), its hours, and its place in the list. */
function TargetRow({ index, targets, setTargets }: { index: number; targets: DefectTarget[]; setTargets: (next: DefectTarget[]) => void }) {
  const { m, site, problems } = useSettings();
  const target = targets[index];
  const inputId = `target-priority-${index}`;
  if (!target) return null;
  const priorities = site?.priorities ?? null;
  const path = ['defects', 'targets', index, 'priority'] as const;
  const duplicate = targets.slice(0, index).some((t) => t.priority.id === target.priority.id);
  return (
    <div
      data-testid={`target-${index}`}
      role="group"
      aria-label={m.targetLabel(index + 1)}
      style={{ display: 'grid', gridTemplateColumns: 'minmax(200px, 280px) 140px auto', gap: token('space.150', '12px'), alignItems: 'start' }}
    >
      <FieldRow label={m.priority} path={path} htmlFor={inputId}>
        <Select<RefChoice>
          inputId={inputId}
          options={priorityChoices(targets, index, priorities, m)}
          value={refChoice(target.priority, priorities, m)}
          isLoading={priorities === null}
          placeholder={m.choose}
          noOptionsMessage={() => m.nothingFound}
          isInvalid={duplicate || problemsUnder(problems, path).length > 0}
          menuPlacement="auto"
          formatOptionLabel={optionLabel}
          onChange={(c: RefChoice | null) => c && c.ref.id !== undefined && setTargets(withPriority(targets, index, { id: c.ref.id, ...(c.ref.name ? { name: c.ref.name } : {}) }))}
        />
        {duplicate && (
          <ErrorMessage>
            <span data-testid="field-problem">{m.duplicatePriority}</span>
          </ErrorMessage>
        )}
      </FieldRow>
      <NumberField path={['defects', 'targets', index, 'hours']} label={m.hours} />
      <div style={{ paddingTop: token('space.300', '24px'), display: 'flex', gap: token('space.050', '4px'), flexWrap: 'wrap' }}>
        <Button appearance="subtle" spacing="compact" isDisabled={index === 0} onClick={() => setTargets(movedTarget(targets, index, -1))} testId={`target-${index}-up`}>
          {m.moveUp}
        </Button>
        <Button appearance="subtle" spacing="compact" isDisabled={index === targets.length - 1} onClick={() => setTargets(movedTarget(targets, index, 1))} testId={`target-${index}-down`}>
          {m.moveDown}
        </Button>
        <Button appearance="subtle" spacing="compact" onClick={() => setTargets(targets.filter((_, i) => i !== index))} testId={`target-${index}-remove`}>
          {m.remove}
        </Button>
      </div>
    </div>
  );
}

function PriorityTargets() {
  const { draft, m, site, update } = useSettings();
  const targets: DefectTarget[] = Array.isArray(draft.defects.targets) ? draft.defects.targets : [];
  const setTargets = (next: DefectTarget[]) => update((d) => ({ ...d, defects: { ...d.defects, targets: next } }));
  const added = site ? withNewTarget(targets, site.priorities) : null;
  return (
    <section data-testid="priority-targets" style={{ marginBottom: token('space.300', '24px') }}>
      <Heading size="xsmall" as="h4">
        {m.targetsTitle}
      </Heading>
      <p style={{ color: token('color.text.subtle', '#44546F'), margin: `${token('space.050', '4px')} 0 ${token('space.100', '8px')}` }}>{m.targetsHelp}</p>
      <ProblemList path={['defects', 'targets']} />
      {targets.length === 0 && <p style={{ color: token('color.text.subtle', '#44546F') }}>{m.noTargets}</p>}
      {targets.map((_, i) => (
        <TargetRow key={i} index={i} targets={targets} setTargets={setTargets} />
      ))}
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150', '12px') }}>
        <Button onClick={() => added && setTargets(added)} isDisabled={added === null} testId="add-target">
          {m.addPriority}
        </Button>
        {site && added === null && <span style={{ color: token('color.text.subtle', '#44546F') }}>{m.allPrioritiesSet}</span>}
      </div>
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
  return (
    <div>
      <RefsField path={['defects', 'issueTypes']} label={m.defectTypes} help={m.defectTypesHelp} objects={site?.issueTypes ?? null} offer={(t) => !t.subtask} />
      <PriorityTargets />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: token('space.150', '12px') }}>
        <NumberField path={['defects', 'defaultTargetHours']} label={m.defaultTarget} help={m.defaultTargetHelp} nullable />
        <NumberField path={['defects', 'atRiskShare']} label={m.atRisk} scale={100} />
        <NumberField path={['defects', 'openPerTeamTarget']} label={m.openPerTeam} />
      </div>
      <RefsField path={['defects', 'pauseStatuses']} label={m.pauseStatuses} help={m.pauseHelp} objects={site?.statuses ?? null} />
      <Calendar />
    </div>
  );
}
