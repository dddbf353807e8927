/** Hygiene: thresholds, acceptance criteria, and each rule on or off with its severity. */
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import type { HygieneRuleId, Severity } from '../../../../src/shared/protocol';
import { hygieneRuleName } from '../../../../src/domain/hygiene/catalogue';
import { useSettings } from './context';
import { ChoiceField, NumberField, ProblemList, RefsField, type Choice } from './fields';

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

function RuleRow({ id, defaultSeverity }: { id: HygieneRuleId; defaultSeverity: Severity }) {
  const { draft, m, set, lang } = useSettings();
  const setting = draft.hygiene.rules[id];
  const enabled = setting?.enabled ?? true;
  const severity = setting?.severity ?? null;
  // Named from the catalogue the gadgets and panels use, so a rule is called the same everywhere.
  const name = hygieneRuleName(id, lang);
  // A rule that is on, at its own severity, needs no entry: the configuration stays short.
  const write = (nextEnabled: boolean, nextSeverity: Severity | null) =>
    set(['hygiene', 'rules', id], nextEnabled && nextSeverity === null ? undefined : { enabled: nextEnabled, ...(nextSeverity ? { severity: nextSeverity } : {}) });
  const options: Choice[] = [{ value: '', label: m.severityDefault(m.severities[defaultSeverity]) }, ...SEVERITIES.map((s) => ({ value: s, label: m.severities[s] }))];
  return (
    <tr data-testid={`rule-${id}`} style={{ borderTop: `1px solid ${token('color.border', '#091E4224')}` }}>
      <td style={{ padding: token('space.100', '8px') }}>
        <Toggle id={`rule-${id}`} isChecked={enabled} label={m.ruleEnabled(name)} onChange={() => write(!enabled, severity)} />
      </td>
      <td style={{ padding: token('space.100', '8px'), color: enabled ? undefined : token('color.text.disabled', '#091E424F') }}>
        <label htmlFor={`rule-${id}`}>{name}</label>
        <div style={{ font: token('font.code', 'monospace'), fontSize: '11px', color: token('color.text.subtlest', '#626F86') }}>{id}</div>
      </td>
      <td style={{ padding: token('space.100', '8px'), width: 220 }}>
        <Select<Choice>
          inputId={`severity-${id}`}
          aria-label={`${m.severity}: ${name}`}
          options={options}
          value={options.find((o) => o.value === (severity ?? '')) ?? null}
          isDisabled={!enabled}
          spacing="compact"
          menuPlacement="auto"
          onChange={(c: Choice | null) => write(enabled, c && c.value !== '' ? (c.value as Severity) : null)}
        />
      </td>
    </tr>
  );
}

export function HygieneTab() {
  const { m, site, hygieneRules } = useSettings();
  const fields: Choice[] = (site?.customFields ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.id})` }));
  return (
    <div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: token('space.150', '12px') }}>
        <NumberField path={['hygiene', 'staleDays']} label={m.staleDays} />
        <NumberField path={['hygiene', 'carryoverSprints']} label={m.carryover} />
      </div>
      <RefsField path={['hygiene', 'acceptanceCriteriaTypes']} label={m.acTypes} objects={site?.issueTypes ?? null} offer={(t) => !t.subtask} />
      <ChoiceField path={['hygiene', 'acceptanceCriteriaField']} label={m.acField} options={fields} noneLabel={m.acFieldNone} width={420} />
      <Heading size="xsmall" as="h2">
        {m.rulesTitle}
      </Heading>
      <ProblemList path={['hygiene', 'rules']} exact={false} />
      <table style={{ borderCollapse: 'collapse', width: '100%', maxWidth: 760, marginTop: token('space.100', '8px') }}>
        <thead>
          <tr style={{ textAlign: 'left', color: token('color.text.subtle', '#44546F'), font: token('font.body.small', '12px') }}>
            <th style={{ padding: token('space.100', '8px'), width: 60 }}>{m.ruleOn}</th>
            <th style={{ padding: token('space.100', '8px') }}>{m.rulesTitle}</th>
            <th style={{ padding: token('space.100', '8px') }}>{m.severity}</th>
          </tr>
        </thead>
        <tbody>
          {hygieneRules.map((r) => (
            <RuleRow key={r.id} id={r.id} defaultSeverity={r.severity} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
