/** Edit mode of the "Defect SLA" and "Jira hygiene" gadgets: boards, an optional product / channel / segment, and the period. */
import { useEffect, useState } from 'react';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { GovernanceContextData, GovernanceGadgetSettings, ResolverError } from '../../../../src/shared/protocol';
import { PERIOD_CHOICES } from '../../../../src/shared/governance-protocol';
import { api } from '../../api';
import { submitSettings } from '../../bridge';
import { BoardsField, Field, RollupFields, SaveRow, toBoardChoices, type BoardChoice as Choice, type Restrict } from '../edit-fields';
import { Loading, ErrorNotice, Notice } from '../states';
import { useGov } from './common';

type Loaded = { ctx: GovernanceContextData; first: Choice[]; chosen: Choice[] };

function Form({ loaded }: { loaded: Loaded }) {
  const { t, g, context } = useGov();
  const s = loaded.ctx.settings;
  const [boards, setBoards] = useState<Choice[]>(loaded.chosen);
  const [restrict, setRestrict] = useState<Restrict>(s?.rollup?.dimension ?? 'none');
  const [rollupKey, setRollupKey] = useState<string | null>(s?.rollup?.key ?? null);
  const [period, setPeriod] = useState<number>(s?.periodDays ?? loaded.ctx.defaultPeriodDays);
  const [errors, setErrors] = useState<{ boards?: string; rollupKey?: string }>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
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
      <BoardsField first={loaded.first} value={boards} onChange={setBoards} help={t.boardsHelp} error={errors.boards} />
      <RollupFields
        restrict={restrict}
        rollupKey={rollupKey}
        options={loaded.ctx.rollupOptions}
        onChange={(r, key) => {
          setRestrict(r);
          setRollupKey(key);
        }}
        error={errors.rollupKey}
      />
      <Field id="period" label={g.periodLabel} help={g.periodHelp}>
        <Select inputId="period" options={periodOptions} value={periodOptions.find((o) => o.value === period) ?? null} onChange={(o) => o && setPeriod(o.value)} testId="period-select" />
      </Field>
      {saveError && <Notice appearance="error" title={g.errorTitle} body={saveError} />}
      <SaveRow saving={saving} />
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
      const all = toBoardChoices(boards.data.boards);
      const chosen = chosenIds.map((id) => all.find((c) => c.value === id) ?? { value: id, label: `#${id}` });
      if (live) setState({ kind: 'ready', loaded: { ctx: ctx.data, first: all, chosen } });
    })();
    return () => {
      live = false;
    };
  }, [attempt]);
  if (state.kind === 'loading') return <Loading label={g.computing} />;
  if (state.kind === 'error') return <ErrorNotice title={g.errorTitle} error={state.error} action={{ label: g.tryAgain, onClick: () => setAttempt((n) => n + 1) }} />;
  return <Form loaded={state.loaded} />;
}
