/** Backlog convergence: the target, the "near" band, the basis and the sprints shown. */
import { RadioGroup } from '@atlaskit/radio';
import { token } from '@atlaskit/tokens';
import { useSettings } from './context';
import { FieldRow, NumberField } from './fields';

export function ConvergenceTab() {
  const { draft, m, set } = useSettings();
  return (
    <div style={{ maxWidth: 560 }}>
      <NumberField path={['convergence', 'target']} label={m.convTarget} help={m.convTargetHelp} scale={100} />
      <NumberField path={['convergence', 'nearBand']} label={m.nearBand} scale={100} />
      <FieldRow label={m.basis} path={['convergence', 'basis']}>
        <RadioGroup
          name="convergence-basis"
          value={draft.convergence.basis}
          options={[
            { name: 'convergence-basis', value: 'issues', label: m.basisIssues },
            { name: 'convergence-basis', value: 'points', label: m.basisPoints },
          ]}
          onChange={(e) => set(['convergence', 'basis'], e.currentTarget.value)}
        />
      </FieldRow>
      <div style={{ marginTop: token('space.100', '8px') }}>
        <NumberField path={['convergence', 'sprints']} label={m.sprintsShown} />
      </div>
    </div>
  );
}
