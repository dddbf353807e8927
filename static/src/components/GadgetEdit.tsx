/** The gadget's edit mode: boards, an optional product / channel / segment, sprints, basis and target. */
import { useEffect, useState } from 'react';
import { RadioGroup } from '@atlaskit/radio';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { GadgetContextData, ResolverError } from '../../../src/shared/protocol';
import { api } from '../api';
import { submitSettings } from '../bridge';
import { useShell } from '../shell';
import { BoardsField, Field, RollupFields, SaveRow, toBoardChoices } from './edit-fields';
import { initialValues, targetPercent, toSettings, type BoardChoice, type FormErrors, type FormValues } from './settings-form';
import { Loading, ErrorNotice, Notice } from './states';

type Loaded = { ctx: GadgetContextData; values: FormValues; firstBoards: BoardChoice[]; total: number };
type State = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; loaded: Loaded };

async function load(): Promise<State> {
  const ctx = await api.gadgetContext();
  if (!ctx.ok) return { kind: 'error', error: ctx.error };
  const boards = await api.boards('', ctx.data.settings?.boardIds ?? []);
  if (!boards.ok) return { kind: 'error', error: boards.error };
  const choices: BoardChoice[] = toBoardChoices(boards.data.boards);
  const names = new Map(choices.map((c) => [c.value, c.label]));
  return { kind: 'ready', loaded: { ctx: ctx.data, values: initialValues(ctx.data, names), firstBoards: choices, total: boards.data.total } };
}

function Form({ loaded }: { loaded: Loaded }) {
  const { t } = useShell();
  const [values, setValues] = useState<FormValues>(loaded.values);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const { ctx } = loaded;

  const save = async () => {
    const r = toSettings(values, t);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    setSaveError(null);
    try {
      await submitSettings(r.settings);
    } catch {
      setSaveError(t.saveFailed);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      data-testid="gadget-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      style={{ padding: token('space.200', '16px'), color: token('color.text', '#172B4D'), maxWidth: 640 }}
    >
      {ctx.settingsProblem && <Notice appearance="warning" title={t.editTitle} body={t.settingsProblem(ctx.settingsProblem)} />}
      <BoardsField
        first={loaded.firstBoards}
        value={values.boards}
        onChange={(boards) => set('boards', boards)}
        help={loaded.total > loaded.firstBoards.length ? `${t.boardsHelp} ${t.boardsMore(loaded.firstBoards.length, loaded.total)}` : t.boardsHelp}
        error={errors.boards}
      />
      <RollupFields
        restrict={values.restrict}
        rollupKey={values.rollupKey}
        options={ctx.rollupOptions}
        onChange={(restrict, rollupKey) => setValues((v) => ({ ...v, restrict, rollupKey }))}
        error={errors.rollupKey}
      />
      <div style={{ display: 'flex', gap: token('space.200', '16px'), flexWrap: 'wrap' }}>
        <Field id="sprints" label={t.sprintsLabel} help={t.sprintsHelp} error={errors.sprints}>
          <Textfield id="sprints" inputMode="numeric" width="small" value={values.sprints} onChange={(e) => set('sprints', e.currentTarget.value)} isInvalid={Boolean(errors.sprints)} testId="sprints" />
        </Field>
        <Field id="target" label={t.targetLabel} help={t.targetHelp(`${targetPercent(ctx.defaults.target)}%`)} error={errors.target}>
          <Textfield id="target" inputMode="decimal" width="small" value={values.target} onChange={(e) => set('target', e.currentTarget.value)} isInvalid={Boolean(errors.target)} testId="target" />
        </Field>
      </div>
      <Field id="basis" label={t.basisLabel}>
        <RadioGroup
          name="basis"
          value={values.basis}
          onChange={(e) => set('basis', e.currentTarget.value === 'points' ? 'points' : 'issues')}
          options={[
            { name: 'basis', value: 'issues', label: t.basisIssues },
            { name: 'basis', value: 'points', label: t.basisPoints },
          ]}
        />
      </Field>
      {saveError && <Notice appearance="error" title={t.errorTitle} body={saveError} />}
      <SaveRow saving={saving} />
    </form>
  );
}

export function GadgetEdit() {
  const { t } = useShell();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void load().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [attempt]);
  if (state.kind === 'loading') return <Loading label={t.loadingSettings} />;
  if (state.kind === 'error') return <ErrorNotice title={t.errorTitle} error={state.error} action={{ label: t.tryAgain, onClick: () => setAttempt((n) => n + 1) }} />;
  return <Form loaded={state.loaded} />;
}
