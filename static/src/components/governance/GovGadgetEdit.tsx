/** Edit mode of the "Defect SLA" and "Jira hygiene" gadgets: boards, an optional product / channel / segment, and the period. */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { RadioGroup } from '@atlaskit/radio';
import Select, { AsyncSelect } from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { GovernanceContextData, GovernanceGadgetSettings, ReportDimension, ResolverError } from '../../../../src/shared/protocol';
import { PERIOD_CHOICES } from '../../../../src/shared/governance-protocol';
import { api } from '../../api';
import { closeEditor, submitSettings } from '../../bridge';
import { Loading, Notice } from '../states';
import { useGov } from './common';

interface Choice {
  value: number;
  label: string;
}
const DIMENSIONS: readonly ReportDimension[] = ['product', 'channel', 'segment'];
const toChoices = (boards: { id: number; name: string; projectKey: string | null }[]): Choice[] => boards.map((b) => ({ value: b.id, label: b.projectKey ? `${b.name} (${b.projectKey})` : b.name }));

type Loaded = { ctx: GovernanceContextData; first: Choice[]; chosen: Choice[] };

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
  const { t, g, lang, context } = useGov();
  const s = loaded.ctx.settings;
  const [boards, setBoards] = useState<Choice[]>(loaded.chosen);
  const [restrict, setRestrict] = useState<'none' | ReportDimension>(s?.rollup?.dimension ?? 'none');
  const [rollupKey, setRollupKey] = useState<string | null>(s?.rollup?.key ?? null);
  const [period, setPeriod] = useState<number>(s?.periodDays ?? loaded.ctx.defaultPeriodDays);
  const [errors, setErrors] = useState<{ boards?: string; rollupKey?: string }>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const search = useRef(0);
  const loadOptions = async (input: string): Promise<Choice[]> => {
    const mine = ++search.current;
    const r = await api.boards(input);
    return !r.ok || mine !== search.current ? [] : toChoices(r.data.boards);
  };
  const save = async () => {
    const e: { boards?: string; rollupKey?: string } = {};
    if (boards.length === 0) e.boards = t.boardsRequired;
    if (restrict !== 'none' && !rollupKey) e.rollupKey = t.restrictKeyRequired;
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    const settings: GovernanceGadgetSettings = { boardIds: boards.map((b) => b.value), rollup: restrict === 'none' || !rollupKey ? null : { dimension: restrict, key: rollupKey }, periodDays: period };
    setSaving(true);
    setSaveError(null);
    try {
      await submitSettings(settings);
    } catch {
      setSaveError(t.saveFailed);
    } finally {
      setSaving(false);
    }
  };
  const keyOptions = restrict === 'none' ? [] : loaded.ctx.rollupOptions[restrict].map((o) => ({ value: o.key, label: o.name[lang] }));
  const periodOptions = PERIOD_CHOICES.map((d) => ({ value: d, label: g.periodDays(d) }));
  return (
    <form
      data-testid="gov-gadget-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      style={{ padding: token('space.200', '16px'), color: token('color.text', '#172B4D'), maxWidth: 640 }}
    >
      <h3 style={{ marginTop: 0 }}>{g.editTitle[context.moduleKey ?? ''] ?? g.editTitle['jira-hygiene']}</h3>
      {loaded.ctx.settingsProblem && <Notice appearance="warning" title={t.editTitle} body={t.settingsProblem(loaded.ctx.settingsProblem)} />}
      <Field id="boards" label={t.boardsLabel} help={t.boardsHelp} error={errors.boards}>
        <AsyncSelect<Choice, true>
          inputId="boards"
          isMulti
          cacheOptions
          defaultOptions={loaded.first}
          loadOptions={loadOptions}
          value={boards}
          onChange={(v) => setBoards([...v])}
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
          value={restrict}
          onChange={(e) => {
            setRestrict(e.currentTarget.value as 'none' | ReportDimension);
            setRollupKey(null);
          }}
          options={[{ name: 'restrict', value: 'none', label: t.restrictWhole }, ...DIMENSIONS.map((d) => ({ name: 'restrict', value: d, label: t.restrictBy[d] }))]}
        />
      </Field>
      {restrict !== 'none' && (
        <Field id="rollup-key" label={t.restrictKeyLabel[restrict]} error={errors.rollupKey} {...(keyOptions.length === 0 ? { help: t.restrictNone } : {})}>
          <Select inputId="rollup-key" options={keyOptions} value={keyOptions.find((o) => o.value === rollupKey) ?? null} onChange={(o) => setRollupKey(o?.value ?? null)} isInvalid={Boolean(errors.rollupKey)} testId="rollup-key-select" />
        </Field>
      )}
      <Field id="period" label={g.periodLabel} help={g.periodHelp}>
        <Select inputId="period" options={periodOptions} value={periodOptions.find((o) => o.value === period) ?? null} onChange={(o) => o && setPeriod(o.value)} testId="period-select" />
      </Field>
      {saveError && <Notice appearance="error" title={g.errorTitle} body={saveError} />}
      <div style={{ display: 'flex', gap: token('space.100', '8px'), justifyContent: 'flex-end' }}>
        <Button onClick={() => void closeEditor().catch(() => undefined)}>{t.cancel}</Button>
        <Button appearance="primary" type="submit" isDisabled={saving} testId="save">
          {saving ? t.saving : t.save}
        </Button>
      </div>
    </form>
  );
}

export function GovGadgetEdit() {
  const { g } = useGov();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; loaded: Loaded }>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      const ctx = await api.governanceContext();
      if (!ctx.ok) return live && setState({ kind: 'error', error: ctx.error });
      const chosenIds = ctx.data.settings?.boardIds ?? [];
      const boards = await api.boards('', chosenIds);
      if (!boards.ok) return live && setState({ kind: 'error', error: boards.error });
      const all = toChoices(boards.data.boards);
      const chosen = chosenIds.map((id) => all.find((c) => c.value === id) ?? { value: id, label: `#${id}` });
      if (live) setState({ kind: 'ready', loaded: { ctx: ctx.data, first: all, chosen } });
    })();
    return () => {
      live = false;
    };
  }, [attempt]);
  if (state.kind === 'loading') return <Loading label={g.computing} />;
  if (state.kind === 'error') return <Notice appearance="error" title={g.errorTitle} body={state.error.message} action={{ label: g.tryAgain, onClick: () => setAttempt((n) => n + 1) }} />;
  return <Form loaded={state.loaded} />;
}
