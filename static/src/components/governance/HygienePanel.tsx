/**
 * The issue's Hygiene panel: the rules the issue breaks, each with its one-line fix (from the shared
 * catalogue) and what can be done about it — a change the app makes for the viewer (add a product's
 * label or component, set the estimate; offered only when Jira said they may edit the issue, and
 * checked again on the server), a link to the field on the issue's edit screen, the open sub-tasks,
 * or the status button. A short note when clean. Read again when the issue changes.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { ESTIMATE_MAX } from '../../../../src/shared/governance-protocol';
import type { HygieneFixPayload, IssueHygieneData, IssueHygieneViolation, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { announceIssueChanged, editScreenPath, onIssueChanged, openEditScreen, openIssue } from '../../bridge';
import { localized } from '../../i18n';
import { issueMessages, type IssueMessages } from '../../i18n-issue';
import { ErrorNotice, ErrorText, Loading } from '../states';
import { border, SeverityLozenge, subtle, useGov } from './common';

type State = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; data: IssueHygieneData };
type Note = { appearance: 'success' | 'error'; text: string; error?: ResolverError } | null;

const link = { color: token('color.link', '#0C66E4'), fontWeight: 500 } as const;

function EstimateForm({ m, busy, onSet }: { m: IssueMessages; busy: boolean; onSet(value: number): void }) {
  const id = useId();
  const problemId = useId();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const n = Number(value.replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > ESTIMATE_MAX) return setProblem(m.estimateInvalid(ESTIMATE_MAX));
    setProblem(null);
    onSet(n);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      style={{ display: 'flex', alignItems: 'flex-end', gap: token('space.100', '8px'), flexWrap: 'wrap' }}
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '4px'), width: '9rem' }}>
        <label htmlFor={id} style={{ fontSize: '12px', fontWeight: 600, color: subtle }}>
          {m.estimateLabel}
        </label>
        <Textfield id={id} testId="fix-estimate-input" inputMode="decimal" isCompact value={value} isInvalid={problem !== null} aria-describedby={problem ? problemId : undefined} onChange={(e) => setValue(e.currentTarget.value)} />
      </div>
      <Button type="submit" appearance="primary" spacing="compact" isDisabled={busy} testId="fix-estimate-submit">
        {m.setEstimate}
      </Button>
      {problem && (
        <span id={problemId} role="alert" style={{ flexBasis: '100%', fontSize: '12px', color: token('color.text.danger', '#AE2E24') }}>
          {problem}
        </span>
      )}
    </form>
  );
}

function Action({ v, data, m, busy, fix }: { v: IssueHygieneViolation; data: IssueHygieneData; m: IssueMessages; busy: boolean; fix(payload: HygieneFixPayload): void }) {
  const { lang, context } = useGov();
  const a = v.action;
  switch (a.kind) {
    case 'addProductValue':
      return (
        <div style={{ display: 'flex', gap: token('space.100', '8px'), flexWrap: 'wrap' }}>
          {a.options.map((o) => (
            <Button
              key={`${o.type}:${o.value}`}
              spacing="compact"
              appearance="default"
              isDisabled={busy}
              testId={`fix-add-${o.type}-${o.value}`}
              onClick={() => fix({ rule: 'no-product', add: { type: o.type, value: o.value } })}
            >
              {a.options.length > 1 ? m.addValueFor(o.type, o.value, localized(o.productName, lang)) : m.addValue(o.type, o.value)}
            </Button>
          ))}
        </div>
      );
    case 'setEstimate':
      return <EstimateForm m={m} busy={busy} onSet={(estimate) => fix({ rule: 'missing-estimate', estimate })} />;
    case 'edit':
      if (!data.canEdit) return <span style={{ fontSize: '12px', color: subtle }}>{m.readOnlyHint}</span>;
      return (
        <a
          href={`${context.siteUrl ?? ''}${editScreenPath(data.issueId)}`}
          title={m.editFieldHint}
          data-testid={`fix-edit-${a.field}`}
          onClick={(e) => {
            e.preventDefault();
            openEditScreen(data.issueId);
          }}
          style={link}
        >
          {m.editField[a.field]}
        </a>
      );
    case 'subtasks':
      return (
        <span style={{ display: 'flex', gap: token('space.100', '8px'), flexWrap: 'wrap' }}>
          {a.keys.map((key) => (
            <a
              key={key}
              href={`${context.siteUrl ?? ''}/browse/${key}`}
              data-testid="fix-subtask"
              onClick={(e) => {
                e.preventDefault();
                openIssue(key);
              }}
              style={link}
            >
              {m.openSubtask(key)}
            </a>
          ))}
        </span>
      );
    case 'status':
      return <span style={{ fontSize: '12px', color: subtle }}>{m.statusHint}</span>;
  }
}

export function HygienePanel() {
  const { g, lang } = useGov();
  const m = issueMessages(lang);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const shown = useRef(false);
  const load = useCallback(async (quiet: boolean) => {
    if (!quiet || !shown.current) setState({ kind: 'loading' });
    const r = await api.issueHygiene();
    if (r.ok) {
      shown.current = true;
      setState({ kind: 'ready', data: r.data });
    } else if (!quiet || !shown.current) setState({ kind: 'error', error: r.error });
  }, []);
  useEffect(() => {
    void load(false);
  }, [load]);
  useEffect(() => onIssueChanged(() => void load(true)), [load]);

  const fix = async (payload: HygieneFixPayload) => {
    setBusy(true);
    setNote(null);
    const r = await api.hygieneFix(payload);
    setBusy(false);
    if (r.ok) {
      setState({ kind: 'ready', data: r.data });
      setNote({ appearance: 'success', text: m.applied });
      // The summary and the other panels read the issue again (Jira does not tell the viewer's own page).
      announceIssueChanged();
    } else setNote({ appearance: 'error', text: m.fixFailed('').trim(), error: r.error });
  };

  if (state.kind === 'loading') return <Loading label={g.panelLoading} />;
  if (state.kind === 'error') return <ErrorNotice title={g.errorTitle} error={state.error} action={{ label: g.tryAgain, onClick: () => void load(false) }} />;
  const { violations } = state.data;
  const noteView = note && (
    <div role="status" data-testid={`hygiene-note-${note.appearance}`}>
      <SectionMessage appearance={note.appearance}>
        <p>{note.error ? <ErrorText lead={note.text} error={note.error} /> : note.text}</p>
      </SectionMessage>
    </div>
  );
  if (violations.length === 0) {
    return (
      <div style={{ padding: token('space.100', '8px'), display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
        {noteView}
        <p data-testid="hygiene-clean" style={{ margin: 0, color: subtle }}>
          {g.panelClean}
        </p>
      </div>
    );
  }
  return (
    <div data-testid="hygiene-panel" aria-busy={busy} style={{ padding: token('space.100', '8px'), color: token('color.text', '#172B4D'), display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      {noteView}
      <h2 style={{ margin: 0, fontSize: '14px', fontWeight: 600 }}>{g.panelBreaks(violations.length)}</h2>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {violations.map((v) => (
          <li key={v.id} data-testid="hygiene-violation" data-rule={v.id} data-action={v.action.kind} style={{ padding: `${token('space.100', '8px')} 0`, borderTop: `1px solid ${border}`, display: 'flex', flexDirection: 'column', gap: token('space.075', '6px') }}>
            <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' }}>
              <SeverityLozenge severity={v.severity} />
              <h3 style={{ margin: 0, fontSize: '14px', fontWeight: 600 }}>{g.rule[v.id]}</h3>
            </div>
            <div style={{ fontSize: '13px', color: subtle }}>
              <span style={{ fontWeight: 600 }}>{g.howToFix}: </span>
              {v.fix[lang]}
            </div>
            <Action v={v} data={state.data} m={m} busy={busy} fix={(p) => void fix(p)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
