/** The gadget's edit mode: boards, an optional product / channel / segment, sprints, basis and target. */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { RadioGroup } from '@atlaskit/radio';
import Select, { AsyncSelect } from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { ROLLUP_DIMENSIONS, type GadgetContextData, type ResolverError } from '../../../src/shared/protocol';
import { api } from '../api';
import { closeEditor, submitSettings } from '../bridge';
import { localized } from '../i18n';
import { useShell } from '../shell';
import { initialValues, targetPercent, toSettings, type BoardChoice, type FormErrors, type FormValues } from './settings-form';
import { Loading, Notice } from './states';

type Loaded = { ctx: GadgetContextData; values: FormValues; firstBoards: BoardChoice[]; total: number };
type State = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; loaded: Loaded };

const toChoices = (boards: { id: number; name: string; projectKey: string | null }[]): BoardChoice[] =>
  boards.map((b) => ({ value: b.id, label: b.projectKey ? `${b.name} (${b.projectKey})` : b.name }));

async function load(): Promise<State> {
  const ctx = await api.gadgetContext();
  if (!ctx.ok) return { kind: 'error', error: ctx.error };
  const boards = await api.boards('', ctx.data.settings?.boardIds ?? []);
  if (!boards.ok) return { kind: 'error', error: boards.error };
  const choices = toChoices(boards.data.boards);
  const names = new Map(choices.map((c) => [c.value, c.label]));
  return { kind: 'ready', loaded: { ctx: ctx.data, values: initialValues(ctx.data, names), firstBoards: choices, total: boards.data.total } };
}

function Field({ id, label, help, error, children }: { id: string; label: string; help?: string; error?: string | undefined; children: React.ReactNode }) {
  return (
    <div style={{ marginBottom: token('space.200', '16px') }}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error ? <ErrorMessage>{error}</ErrorMessage> : help ? <HelperMessage>{help}</HelperMessage> : null}
    </div>
  );
}

function Form({ loaded }: { loaded: Loaded }) {
  const { t, lang } = useShell();
  const [values, setValues] = useState<FormValues>(loaded.values);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const { ctx } = loaded;
  const search = useRef(0);

  const loadOptions = async (input: string): Promise<BoardChoice[]> => {
    const mine = ++search.current;
    const r = await api.boards(input);
    if (!r.ok || mine !== search.current) return [];
    return toChoices(r.data.boards);
  };

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

  const keyOptions = values.restrict === 'none' ? [] : ctx.rollupOptions[values.restrict].map((o) => ({ value: o.key, label: localized(o.name, lang) }));
  const selectedKey = keyOptions.find((o) => o.value === values.rollupKey) ?? null;

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
      <Field id="boards" label={t.boardsLabel} help={loaded.total > loaded.firstBoards.length ? `${t.boardsHelp} ${t.boardsMore(loaded.firstBoards.length, loaded.total)}` : t.boardsHelp} error={errors.boards}>
        <AsyncSelect<BoardChoice, true>
          inputId="boards"
          isMulti
          cacheOptions
          defaultOptions={loaded.firstBoards}
          loadOptions={loadOptions}
          value={values.boards}
          onChange={(v) => set('boards', [...v])}
          placeholder={t.boardsPlaceholder}
          noOptionsMessage={() => t.boardsNone}
          loadingMessage={() => t.boardsLoading}
          isInvalid={Boolean(errors.boards)}
          testId="boards-select"
        />
      </Field>
      <Field id="restrict" label={t.restrictLabel}>
        <RadioGroup
          name="restrict"
          value={values.restrict}
          onChange={(e) => setValues((v) => ({ ...v, restrict: e.currentTarget.value as FormValues['restrict'], rollupKey: null }))}
          options={[
            { name: 'restrict', value: 'none', label: t.restrictWhole },
            ...ROLLUP_DIMENSIONS.map((d) => ({ name: 'restrict', value: d, label: t.restrictBy[d] })),
          ]}
        />
      </Field>
      {values.restrict !== 'none' && (
        <Field id="rollup-key" label={t.restrictKeyLabel[values.restrict]} error={errors.rollupKey} {...(keyOptions.length === 0 ? { help: t.restrictNone } : {})}>
          <Select
            inputId="rollup-key"
            options={keyOptions}
            value={selectedKey}
            onChange={(o) => set('rollupKey', o?.value ?? null)}
            isInvalid={Boolean(errors.rollupKey)}
            testId="rollup-key-select"
          />
        </Field>
      )}
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
      <div style={{ display: 'flex', gap: token('space.100', '8px'), justifyContent: 'flex-end' }}>
        <Button onClick={() => void closeEditor().catch(() => undefined)}>{t.cancel}</Button>
        <Button appearance="primary" type="submit" isDisabled={saving} testId="save">
          {saving ? t.saving : t.save}
        </Button>
      </div>
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
  if (state.kind === 'error') return <Notice appearance="error" title={t.errorTitle} body={state.error.message} action={{ label: t.tryAgain, onClick: () => setAttempt((n) => n + 1) }} />;
  return <Form loaded={state.loaded} />;
}
