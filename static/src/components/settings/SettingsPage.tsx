/**
 * The Governance settings admin page: one draft of the whole configuration, validated by the
 * server as you type (every problem said in words where it is: problem-text.ts), saved atomically over the version it was
 * read at (a save over someone else's newer one is refused, with the choice to reload), imported
 * and exported as JSON, and the ownership matrix of what is saved.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import type { ConfigProblem, FieldValuesData, GovernanceConfig, PersonView, ResolverError, SettingsData, SiteValues } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { ownershipMessages } from '../../i18n-ownership';
import { useShell } from '../../shell';
import { useSyncPolling } from '../Freshness';
import { ErrorNotice, ErrorText, Loading } from '../states';
import { errorText } from '../../i18n-errors';
import { lazyPart } from '../../lazy';
import { SettingsContext, type CountsState, type SettingsCtx } from './context';
import { sameJson, setAt, TABS, tabOf, type Path, type TabId } from './draft';
import { UnresolvedList } from './migration';
import { problemLine } from './problem-text';
import { StructureTab } from './StructureTab';
import type { ImportOutcome } from './TransferTab';

// The first tab is drawn at once; each other one is loaded when it is first opened (the bundle budget).
const GeneralTab = lazyPart(() => import('./GeneralTab').then((m) => m.GeneralTab));
const DefectsTab = lazyPart(() => import('./DefectsTab').then((m) => m.DefectsTab));
const HygieneTab = lazyPart(() => import('./HygieneTab').then((m) => m.HygieneTab));
const ConvergenceTab = lazyPart(() => import('./ConvergenceTab').then((m) => m.ConvergenceTab));
const ChecklistsTab = lazyPart(() => import('./ChecklistsTab').then((m) => m.ChecklistsTab));
const TransferTab = lazyPart(() => import('./TransferTab').then((m) => m.TransferTab));
const MatrixTab = lazyPart(() => import('./MatrixTab').then((m) => m.MatrixTab));
const SyncTab = lazyPart(() => import('./SyncTab').then((m) => m.SyncTab));

type Load = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; data: SettingsData };

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'invalid' }
  | { kind: 'conflict'; version: number | null }
  | { kind: 'failed'; error: ResolverError };

const VALIDATE_AFTER_MS = 300;
const COUNT_AFTER_MS = 700;

const ownerIds = (c: GovernanceConfig): string[] =>
  [...c.products.flatMap((p) => [p.businessOwner, p.digitalOwner]), ...c.channels.map((ch) => ch.leader)].filter((id): id is string => typeof id === 'string');

const mappingOf = (c: GovernanceConfig) => [c.products.map((p) => [p.key, p.match]), c.channels.map((x) => [x.key, x.match]), c.segments.map((x) => [x.key, x.match])];

function Editor({ data, onReload }: { data: SettingsData; onReload: () => void }) {
  const { lang } = useShell();
  const m = ownershipMessages(lang);
  const [baseline, setBaseline] = useState<GovernanceConfig>(data.config);
  const [draft, setDraft] = useState<GovernanceConfig>(data.config);
  const [version, setVersion] = useState<number | null>(data.version);
  const [problems, setProblems] = useState<ConfigProblem[]>([]);
  const [validating, setValidating] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [tab, setTab] = useState<TabId>('structure');
  const [site, setSite] = useState<SiteValues | null>(null);
  const [people, setPeople] = useState<ReadonlyMap<string, PersonView>>(new Map());
  const [fieldCache, setFieldCache] = useState<ReadonlyMap<string, FieldValuesData | 'loading'>>(new Map());
  const [counts, setCounts] = useState<CountsState>({ kind: 'idle' });
  // The stored document is of the older format: the draft is it migrated, and only a save stores that.
  const [storedOld, setStoredOld] = useState(data.migration !== null);
  const edited = !sameJson(draft, baseline);
  const dirty = edited || storedOld;

  const rememberPeople = useCallback((found: readonly PersonView[]) => {
    setPeople((known) => {
      const next = new Map(known);
      for (const p of found) next.set(p.accountId, p);
      return next;
    });
  }, []);

  // What the pickers offer, and the owners already chosen, once.
  useEffect(() => {
    void api.siteValues().then((r) => r.ok && setSite(r.data));
    const ids = ownerIds(data.config);
    if (ids.length > 0) void api.people(ids).then((r) => r.ok && rememberPeople(r.data.people));
  }, [data, rememberPeople]);

  // Validation as you type: the server's own parse of the draft, debounced; late answers are dropped.
  const validation = useRef(0);
  // A configuration the server itself returned (loaded, saved, imported) is valid as it stands.
  const trusted = useRef(new WeakSet<GovernanceConfig>([data.config, data.example]));
  useEffect(() => {
    const mine = ++validation.current;
    if (trusted.current.has(draft)) {
      setProblems([]);
      setValidating(false);
      return;
    }
    setValidating(true);
    const timer = setTimeout(() => {
      void api.validateSettings(draft).then((r) => {
        if (mine !== validation.current) return;
        setProblems(r.ok ? r.data.problems : [{ path: '(root)', message: errorText(r.error, lang) }]);
        setValidating(false);
      });
    }, VALIDATE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  // How many stored issues each rule matches, for a draft without problems (again after a save:
  // a field the saved settings map on is then being read by the sync).
  const counted = useRef<string | null>(null);
  const countSeq = useRef(0);
  const mappingJson = JSON.stringify(mappingOf(draft));
  const countKey = `${version ?? 'defaults'}:${mappingJson}`;
  const requestCounts = useCallback((config: GovernanceConfig, options: { refresh?: boolean; quiet?: boolean } = {}) => {
    const mine = ++countSeq.current;
    if (!options.quiet) setCounts({ kind: 'loading' });
    void api.matchCounts(config, options.refresh ?? false).then((r) => {
      if (mine !== countSeq.current) return;
      if (!r.ok) setCounts({ kind: 'error', error: r.error });
      else if (r.data.status === 'ok') setCounts({ kind: 'ready', data: r.data });
      else if (r.data.status === 'pending') setCounts({ kind: 'pending', freshness: r.data.freshness });
      else setCounts({ kind: 'waiting' });
    });
  }, []);
  useEffect(() => {
    if (validating) return;
    if (problems.length > 0) {
      ++countSeq.current;
      setCounts({ kind: 'waiting' });
      counted.current = null;
      return;
    }
    if (counted.current === countKey) return;
    const timer = setTimeout(() => {
      counted.current = countKey;
      requestCounts(draft);
    }, COUNT_AFTER_MS);
    return () => clearTimeout(timer);
    // The draft is read through countKey: only the mapping (and the saved version) decides the counts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [countKey, problems, validating, requestCounts]);
  // Counted again as the boards' sync goes on (first sync, a field being read), and on Refresh.
  const recount = useCallback((refresh: boolean) => requestCounts(draft, { refresh, quiet: true }), [requestCounts, draft]);
  const countsFreshness = counts.kind === 'pending' ? counts.freshness : counts.kind === 'ready' ? counts.data.freshness : null;
  const fieldsBeingRead = counts.kind === 'ready' && counts.data.unreadFields.some((f) => f.saved);
  const pollAgain = useCallback(() => recount(false), [recount]);
  useSyncPolling(countsFreshness && fieldsBeingRead ? { ...countsFreshness, syncing: true } : countsFreshness, pollAgain);

  const fieldValues = useCallback(
    (fieldId: string): FieldValuesData | null => {
      const cached = fieldCache.get(fieldId);
      if (cached === undefined) {
        setFieldCache((c) => new Map(c).set(fieldId, 'loading'));
        void api.fieldValues(fieldId).then((r) => r.ok && setFieldCache((c) => new Map(c).set(fieldId, r.data)));
        return null;
      }
      return cached === 'loading' ? null : cached;
    },
    [fieldCache],
  );

  const ctx: SettingsCtx = useMemo(
    () => ({
      lang,
      m,
      draft,
      set: (path: Path, value: unknown) => {
        setDraft((d) => setAt(d, path, value));
        setSave((s) => (s.kind === 'saved' || s.kind === 'invalid' ? { kind: 'idle' } : s));
      },
      update: (change) => {
        setDraft(change);
        setSave((s) => (s.kind === 'saved' || s.kind === 'invalid' ? { kind: 'idle' } : s));
      },
      problems,
      site,
      people,
      rememberPeople,
      fieldValues,
      counts,
      recount,
      baseline,
      defaults: data.defaults,
      example: data.example,
      hygieneRules: data.hygieneRules,
    }),
    [lang, m, draft, problems, site, people, rememberPeople, fieldValues, counts, recount, baseline, data],
  );

  const accept = (config: GovernanceConfig, v: number) => {
    trusted.current.add(config);
    setBaseline(config);
    setDraft(config);
    setVersion(v);
    setStoredOld(false);
  };

  const doSave = async () => {
    setSave({ kind: 'saving' });
    const r = await api.saveSettings(draft, version);
    if (!r.ok) return setSave({ kind: 'failed', error: r.error });
    const out = r.data;
    if (out.status === 'saved') {
      accept(out.config, out.version);
      setSave({ kind: 'saved', version: out.version });
    } else if (out.status === 'invalid') {
      setProblems(out.problems);
      setSave({ kind: 'invalid' });
    } else if (out.status === 'conflict') setSave({ kind: 'conflict', version: out.version });
    else setSave({ kind: 'failed', error: { code: 'INTERNAL', message: out.message } });
  };

  const doImport = async (json: string): Promise<ImportOutcome> => {
    const r = await api.importSettings(json, version);
    if (!r.ok) return { kind: 'failed', error: r.error };
    const out = r.data;
    switch (out.status) {
      case 'saved':
        accept(out.config, out.version);
        setSave({ kind: 'saved', version: out.version });
        return { kind: 'saved', version: out.version, migration: out.migration };
      case 'conflict':
        setSave({ kind: 'conflict', version: out.version });
        return { kind: 'conflict' };
      case 'invalid':
        return { kind: 'invalid', problems: out.problems };
      case 'malformed':
        return { kind: 'malformed', message: out.message };
    }
  };

  const canSave = dirty && !validating && problems.length === 0 && save.kind !== 'saving';
  const status = (where: 'top' | 'bottom') => (
    <span data-testid={where === 'top' ? 'save-status' : 'save-status-bottom'} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.100', '8px'), flexWrap: 'wrap' }}>
      <Lozenge appearance={version === null ? 'default' : 'inprogress'}>{version === null ? m.neverSaved : m.version(version)}</Lozenge>
      {validating ? (
        <span style={{ display: 'inline-flex', gap: token('space.050', '4px'), alignItems: 'center' }}>
          <Spinner size="small" label={m.checking} />
          {m.checking}
        </span>
      ) : problems.length > 0 ? (
        <span data-testid={where === 'top' ? 'problem-count' : undefined} style={{ color: token('color.text.danger', '#AE2E24'), fontWeight: 600 }}>
          {m.problems(problems.length)}
        </span>
      ) : save.kind === 'saved' && !dirty ? (
        <span data-testid={where === 'top' ? 'saved' : undefined} style={{ color: token('color.text.success', '#216E4E') }}>
          {m.savedFlag(save.version)}
        </span>
      ) : dirty ? (
        <span style={{ color: token('color.text.warning', '#A54800') }}>{m.unsaved}</span>
      ) : (
        <span style={{ color: token('color.text.subtle', '#44546F') }}>{m.allSaved}</span>
      )}
    </span>
  );
  const bar = (where: 'top' | 'bottom') => (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: token('space.150', '12px'),
        flexWrap: 'wrap',
        padding: token('space.150', '12px'),
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderRadius: token('radius.large', '8px'),
        background: token('elevation.surface.sunken', '#F7F8F9'),
        margin: `${token('space.150', '12px')} 0`,
      }}
    >
      {status(where)}
      <span style={{ marginLeft: 'auto', display: 'flex', gap: token('space.100', '8px') }}>
        <Button isDisabled={!edited || save.kind === 'saving'} onClick={() => setDraft(baseline)}>
          {m.discard}
        </Button>
        <Button appearance="primary" isDisabled={!canSave} onClick={() => void doSave()} testId={where === 'top' ? 'save-button' : 'save-button-bottom'}>
          {save.kind === 'saving' ? m.saving : m.save}
        </Button>
      </span>
    </div>
  );

  const selected = TABS.indexOf(tab);
  // The save bar stands only where the draft is edited: import saves by itself, the matrix and the sync save nothing.
  const savable = tab !== 'transfer' && tab !== 'matrix' && tab !== 'sync';
  return (
    <SettingsContext.Provider value={ctx}>
      {data.storedProblems.length > 0 && (
        <SectionMessage appearance="warning" title={m.storedProblemsTitle}>
          <p>{m.storedProblemsBody}</p>
          <ul>
            {data.storedProblems.slice(0, 10).map((p) => (
              <li key={p.path + p.message}>{problemLine(p, data.config, m, lang)}</li>
            ))}
          </ul>
        </SectionMessage>
      )}
      {storedOld && data.migration && (
        <div data-testid="migration-note" style={{ marginBottom: token('space.150', '12px') }}>
          <SectionMessage appearance="warning" title={m.migrationTitle}>
            <p>{m.migrationBody}</p>
            {data.migration.unresolved.length === 0 ? <p>{m.migrationResolved}</p> : <UnresolvedList unresolved={data.migration.unresolved} onGo={setTab} />}
          </SectionMessage>
        </div>
      )}
      {savable && bar('top')}
      {save.kind === 'conflict' && (
        <div data-testid="conflict" style={{ marginBottom: token('space.150', '12px') }}>
          <SectionMessage
            appearance="warning"
            title={m.conflictTitle}
            actions={[
              <SectionMessageAction key="reload" onClick={onReload} testId="conflict-reload">
                {m.reload}
              </SectionMessageAction>,
              <SectionMessageAction key="keep" onClick={() => setSave({ kind: 'idle' })}>
                {m.keepEditing}
              </SectionMessageAction>,
            ]}
          >
            <p>{m.conflictBody(save.version)}</p>
          </SectionMessage>
        </div>
      )}
      {save.kind === 'failed' && (
        <div style={{ marginBottom: token('space.150', '12px') }}>
          <SectionMessage appearance="error" title={m.saveFailedTitle}>
            <p>
              <ErrorText error={save.error} />
            </p>
          </SectionMessage>
        </div>
      )}
      {problems.length > 0 && !validating && (
        <div data-testid="problems" style={{ marginBottom: token('space.150', '12px') }}>
          <SectionMessage appearance="error" title={m.problemsTitle}>
            <ul style={{ margin: 0 }}>
              {problems.slice(0, 12).map((p) => (
                <li key={p.path + p.message}>
                  <Button appearance="subtle" spacing="compact" onClick={() => setTab(tabOf(p.path))}>
                    {m.tabs[tabOf(p.path)]}
                  </Button>{' '}
                  <span data-testid="problem-line">{problemLine(p, draft, m, lang)}</span>
                </li>
              ))}
              {problems.length > 12 && <li>…</li>}
            </ul>
          </SectionMessage>
        </div>
      )}
      {/* Nine tabs do not fit a narrow page: they wrap onto a second line rather than cut their names. */}
      <style>{'.gov-settings-tabs [role="tablist"] { flex-wrap: wrap; } .gov-settings-tabs [role="tablist"] > [role="tab"] { flex-shrink: 0; }'}</style>
      <div className="gov-settings-tabs">
        <Tabs id="governance-settings-tabs" selected={selected} onChange={(i) => setTab(TABS[i] ?? 'structure')}>
          <TabList>
            {TABS.map((id) => (
              <Tab key={id} testId={`tab-${id}`}>
                {m.tabs[id]}
              </Tab>
            ))}
          </TabList>
          {TABS.map((id) => (
            <TabPanel key={id}>
              <div style={{ paddingTop: token('space.200', '16px'), width: '100%' }} data-testid={`panel-${id}`}>
                {tab === id && id === 'structure' && <StructureTab />}
                {tab === id && id === 'general' && <GeneralTab />}
                {tab === id && id === 'defects' && <DefectsTab />}
                {tab === id && id === 'hygiene' && <HygieneTab />}
                {tab === id && id === 'convergence' && <ConvergenceTab />}
                {tab === id && id === 'checklists' && <ChecklistsTab />}
                {tab === id && id === 'transfer' && <TransferTab version={version} dirty={edited} onImport={doImport} />}
                {tab === id && id === 'matrix' && <MatrixTab dirty={edited} />}
                {tab === id && id === 'sync' && <SyncTab />}
              </div>
            </TabPanel>
          ))}
        </Tabs>
      </div>
      {savable && bar('bottom')}
    </SettingsContext.Provider>
  );
}

export function SettingsPage() {
  const { lang } = useShell();
  const m = ownershipMessages(lang);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => {
    setLoad({ kind: 'loading' });
    void api.settings().then((r) => {
      setLoad(r.ok ? { kind: 'ready', data: r.data } : { kind: 'error', error: r.error });
      setGeneration((g) => g + 1);
    });
  }, []);
  useEffect(reload, [reload]);

  return (
    <div data-testid="settings-page" style={{ padding: `${token('space.200', '16px')} ${token('space.300', '24px')}`, maxWidth: 1200 }}>
      <Heading size="large" as="h1">
        {m.settingsTitle}
      </Heading>
      <p style={{ color: token('color.text.subtle', '#44546F'), maxWidth: 820 }}>{m.settingsIntro}</p>
      {load.kind === 'loading' && <Loading label={m.settingsLoading} />}
      {load.kind === 'error' &&
        (load.error.code === 'FORBIDDEN' ? (
          <ErrorNotice appearance="warning" title={m.forbiddenTitle} error={load.error} />
        ) : (
          <ErrorNotice title={m.loadErrorTitle} error={load.error} action={{ label: m.tryAgain, onClick: reload }} />
        ))}
      {load.kind === 'ready' && <Editor key={generation} data={load.data} onReload={reload} />}
    </div>
  );
}
