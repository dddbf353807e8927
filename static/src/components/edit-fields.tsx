/**
 * The pieces every gadget's edit mode shares: a labelled field, the searchable board picker, the
 * product / channel / segment restriction, and the Cancel / Save row.
 */
import { useRef } from 'react';
import Button from '@atlaskit/button/default/button';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { RadioGroup } from '@atlaskit/radio';
import Select, { AsyncSelect } from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { ROLLUP_DIMENSIONS, type LocalizedText, type RollupDimension } from '../../../src/shared/protocol';
import { api } from '../api';
import { closeEditor } from '../bridge';
import { localized } from '../i18n';
import { useShell } from '../shell';

export interface BoardChoice {
  value: number;
  label: string;
}

export const toBoardChoices = (boards: { id: number; name: string; projectKey: string | null }[]): BoardChoice[] =>
  boards.map((b) => ({ value: b.id, label: b.projectKey ? `${b.name} (${b.projectKey})` : b.name }));

export function Field({ id, label, help, error, children }: { id: string; label: string; help?: string | undefined; error?: string | undefined; children: React.ReactNode }) {
  return (
    <div style={{ marginBottom: token('space.200', '16px') }}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error ? <ErrorMessage>{error}</ErrorMessage> : help ? <HelperMessage>{help}</HelperMessage> : null}
    </div>
  );
}

/** Boards by name or project, searched as the viewer types (a late answer to an old search is dropped). */
export function BoardsField(props: { first: BoardChoice[]; value: BoardChoice[]; onChange: (boards: BoardChoice[]) => void; help: string; error?: string | undefined }) {
  const { t } = useShell();
  const search = useRef(0);
  const loadOptions = async (input: string): Promise<BoardChoice[]> => {
    const mine = ++search.current;
    const r = await api.boards(input);
    return !r.ok || mine !== search.current ? [] : toBoardChoices(r.data.boards);
  };
  return (
    <Field id="boards" label={t.boardsLabel} help={props.help} error={props.error}>
      <AsyncSelect<BoardChoice, true>
        inputId="boards"
        isMulti
        cacheOptions
        defaultOptions={props.first}
        loadOptions={loadOptions}
        value={props.value}
        onChange={(v) => props.onChange([...v])}
        placeholder={t.boardsPlaceholder}
        noOptionsMessage={() => t.boardsNone}
        loadingMessage={() => t.boardsLoading}
        isInvalid={Boolean(props.error)}
        testId="boards-select"
      />
    </Field>
  );
}

export type Restrict = 'none' | RollupDimension;

/** The whole boards, or one product / channel / segment across them. */
export function RollupFields(props: {
  restrict: Restrict;
  rollupKey: string | null;
  options: Record<RollupDimension, { key: string; name: LocalizedText }[]>;
  onChange: (restrict: Restrict, rollupKey: string | null) => void;
  error?: string | undefined;
}) {
  const { t, lang } = useShell();
  const { restrict } = props;
  const keyOptions = restrict === 'none' ? [] : props.options[restrict].map((o) => ({ value: o.key, label: localized(o.name, lang) }));
  return (
    <>
      <Field id="restrict" label={t.restrictLabel}>
        <RadioGroup
          name="restrict"
          value={restrict}
          onChange={(e) => props.onChange(e.currentTarget.value as Restrict, null)}
          options={[
            { name: 'restrict', value: 'none', label: t.restrictWhole },
            ...ROLLUP_DIMENSIONS.map((d) => ({ name: 'restrict', value: d, label: t.restrictBy[d] })),
          ]}
        />
      </Field>
      {restrict !== 'none' && (
        <Field id="rollup-key" label={t.restrictKeyLabel[restrict]} error={props.error} {...(keyOptions.length === 0 ? { help: t.restrictNone } : {})}>
          <Select
            inputId="rollup-key"
            options={keyOptions}
            value={keyOptions.find((o) => o.value === props.rollupKey) ?? null}
            onChange={(o) => props.onChange(restrict, o?.value ?? null)}
            isInvalid={Boolean(props.error)}
            testId="rollup-key-select"
          />
        </Field>
      )}
    </>
  );
}

export function SaveRow({ saving }: { saving: boolean }) {
  const { t } = useShell();
  return (
    <div style={{ display: 'flex', gap: token('space.100', '8px'), justifyContent: 'flex-end' }}>
      <Button onClick={() => void closeEditor().catch(() => undefined)}>{t.cancel}</Button>
      <Button appearance="primary" type="submit" isDisabled={saving} testId="save">
        {saving ? t.saving : t.save}
      </Button>
    </div>
  );
}
