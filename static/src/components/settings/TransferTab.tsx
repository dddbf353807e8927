/**
 * Import and export of the whole configuration as JSON, and the bank example. The export is the
 * saved document (in the current format); an import is checked like any save (malformed JSON or
 * an invalid configuration changes nothing). A file of the older format (names instead of ids)
 * still imports: its names are looked up on this site, and those not found are listed.
 */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import type { ConfigMigration, ConfigProblem, ExportData, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { ErrorText, Loading } from '../states';
import { problemLine } from './problem-text';
import { useSettings } from './context';
import { downloadFile } from '../../download';
import { ExampleLoader } from './ExampleLoader';
import { UnresolvedList } from './migration';

export type ImportOutcome =
  /** `migration`: the file was of the older format, and what of it was not found on this site. */
  | { kind: 'saved'; version: number; migration: ConfigMigration | null }
  | { kind: 'malformed'; message: string }
  | { kind: 'invalid'; problems: ConfigProblem[] }
  /** The page shows the conflict itself, with the choice to reload. */
  | { kind: 'conflict' }
  | { kind: 'failed'; error: ResolverError };

async function copy(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The Custom UI iframe may not be granted the clipboard: select the text for the keyboard instead.
    area?.focus();
    area?.select();
    return false;
  }
}

function Export({ version, dirty }: { version: number | null; dirty: boolean }) {
  const { m } = useSettings();
  const [data, setData] = useState<ExportData | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const [copied, setCopied] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    setData(null);
    void api.exportSettings().then((r) => (r.ok ? setData(r.data) : setError(r.error)));
  }, [version]);
  return (
    <section data-testid="export" style={{ marginBottom: token('space.400', '32px') }}>
      <Heading size="small" as="h2">
        {m.exportTitle}
      </Heading>
      <p style={{ color: token('color.text.subtle', '#44546F') }}>{m.exportHelp(version)}</p>
      {dirty && <p style={{ color: token('color.text.warning', '#A54800') }}>{m.exportUnsaved}</p>}
      {error && (
        <SectionMessage appearance="error">
          <ErrorText error={error} />
        </SectionMessage>
      )}
      {!data && !error && <Loading label={m.settingsLoading} />}
      {data && (
        <>
          <TextArea ref={area} value={data.json} isReadOnly isMonospaced resize="vertical" minimumRows={8} maxHeight="280px" aria-label={m.exportTitle} testId="export-json" />
          <div style={{ display: 'flex', gap: token('space.100', '8px'), marginTop: token('space.100', '8px') }}>
            <Button onClick={() => downloadFile(data.fileName, data.json, 'application/json')}>
              {m.download}
            </Button>
            <Button onClick={() => void copy(data.json, area.current).then(setCopied)}>{copied ? m.copied : m.copy}</Button>
          </div>
        </>
      )}
    </section>
  );
}

/** The pasted configuration as an object, to name its entries in the problems (null if it does not parse). */
function importedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function Import({ dirty, onImport }: { dirty: boolean; onImport: (json: string) => Promise<ImportOutcome> }) {
  const { m, lang } = useSettings();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const run = async () => {
    setBusy(true);
    setOutcome(null);
    const r = await onImport(text);
    setBusy(false);
    setOutcome(r);
    if (r.kind === 'saved') setText('');
  };
  return (
    <section data-testid="import">
      <Heading size="small" as="h2">
        {m.importTitle}
      </Heading>
      <p style={{ color: token('color.text.subtle', '#44546F') }}>{m.importHelp}</p>
      {dirty && <p style={{ color: token('color.text.warning', '#A54800') }}>{m.importReplacesUnsaved}</p>}
      <Label htmlFor="import-json">{m.importLabel}</Label>
      <TextArea
        id="import-json"
        value={text}
        isMonospaced
        resize="vertical"
        minimumRows={8}
        maxHeight="280px"
        testId="import-json"
        onChange={(e) => {
          setText(e.target.value);
          setOutcome(null);
        }}
      />
      <input
        ref={file}
        type="file"
        accept="application/json,.json"
        style={{ display: 'none' }}
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void f.text().then((t) => setText(t));
          e.target.value = '';
        }}
      />
      <div style={{ display: 'flex', gap: token('space.100', '8px'), margin: `${token('space.100', '8px')} 0` }}>
        <Button onClick={() => file.current?.click()}>{m.chooseFile}</Button>
        <Button appearance="primary" isDisabled={busy || text.trim() === ''} onClick={() => void run()} testId="import-button">
          {busy ? m.importing : m.importButton}
        </Button>
      </div>
      <div data-testid="import-outcome">
        {outcome?.kind === 'saved' && (
          <SectionMessage appearance={outcome.migration && outcome.migration.unresolved.length > 0 ? 'warning' : 'success'} title={m.importedFlag(outcome.version)}>
            {outcome.migration && (
              <>
                <p>{m.importedMigrated}</p>
                {outcome.migration.unresolved.length === 0 ? <p>{m.migrationResolved}</p> : <UnresolvedList unresolved={outcome.migration.unresolved} />}
              </>
            )}
          </SectionMessage>
        )}
        {outcome?.kind === 'malformed' && (
          <SectionMessage appearance="error" title={m.malformedTitle}>
            <p>{outcome.message}</p>
          </SectionMessage>
        )}
        {outcome?.kind === 'invalid' && (
          <SectionMessage appearance="error" title={m.importInvalidTitle}>
            <ul>
              {outcome.problems.slice(0, 20).map((p) => (
                <li key={p.path + p.message}>{problemLine(p, importedJson(text), m, lang)}</li>
              ))}
              {outcome.problems.length > 20 && <li>…</li>}
            </ul>
          </SectionMessage>
        )}
        {outcome?.kind === 'failed' && (
          <SectionMessage appearance="error" title={m.saveFailedTitle}>
            <p>
              <ErrorText error={outcome.error} />
            </p>
          </SectionMessage>
        )}
      </div>
    </section>
  );
}

function Example() {
  const { m } = useSettings();
  return (
    <section data-testid="example" style={{ marginBottom: token('space.400', '32px') }}>
      <Heading size="small" as="h2">
        {m.exampleTitle}
      </Heading>
      <p style={{ color: token('color.text.subtle', '#44546F') }}>{m.exampleHelp}</p>
      <ExampleLoader />
    </section>
  );
}

export function TransferTab({ version, dirty, onImport }: { version: number | null; dirty: boolean; onImport: (json: string) => Promise<ImportOutcome> }) {
  return (
    <div>
      <Export version={version} dirty={dirty} />
      <Import dirty={dirty} onImport={onImport} />
      <Example />
    </div>
  );
}
