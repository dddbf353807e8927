/**
 * The settings page's fields. Each edits the draft at one path and shows, under it, the problems
 * the server found at that path (or inside it), as you type.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import Avatar from '@atlaskit/avatar';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { LazyAsyncSelect as AsyncSelect, LazyCreatableSelect as CreatableSelect, LazySelect as Select } from '../../lazy';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import type { PersonView } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { useSettings } from './context';
import { getAt, problemsUnder, type Path } from './draft';
import { problemMessage } from './problem-text';
import { isRef, refChoice, refsOf, siteChoice, type RefChoice, type SiteObject } from './refs';

export interface Choice {
  value: string;
  label: string;
  /** Shown beside the label in the menu only (the projects that have a component, say). */
  hint?: string;
  /** Shown beside the label wherever it appears, as a warning ("not on this site"). */
  flag?: string;
}

/** An option as the menu lists it (with its hint) and as a chosen value shows it (without); a flag shows in both. */
export function optionLabel(o: Choice, meta: { context: 'menu' | 'value' }): ReactNode {
  const hint = meta.context === 'menu' && o.hint ? o.hint : null;
  if (!hint && !o.flag) return o.label;
  return (
    <span>
      {o.label}
      {hint && <span style={{ color: token('color.text.subtlest', '#626F86') }}> {hint}</span>}
      {o.flag && (
        <span data-testid="not-on-site" style={{ color: token('color.text.warning', '#A54800'), fontWeight: 600 }}>
          {' '}
          · {o.flag}
        </span>
      )}
    </span>
  );
}

/**
 * The same for a multi-select, whose chips are narrow (the design system cuts them at 180 px): a
 * flagged chip starts with a warning mark, so it shows however long the label is; the whole text
 * is its tooltip, and the field's help names the flagged values in full.
 */
export function chipLabel(o: Choice, meta: { context: 'menu' | 'value' }): ReactNode {
  if (meta.context === 'menu' || !o.flag) return optionLabel(o, meta);
  return (
    <span title={`${o.label} · ${o.flag}`}>
      <span data-testid="not-on-site" aria-label={o.flag} style={{ color: token('color.text.warning', '#A54800'), fontWeight: 600 }}>
        ⚠{' '}
      </span>
      {o.label}
    </span>
  );
}

/** A field's testid from its path: `products[0].match.labels` → `field-products-0-match-labels`. */
export const fieldTestId = (path: Path): string => `field-${path.join('-')}`;

export function FieldRow({ label, help, path, htmlFor, exact, children }: { label: string; help?: ReactNode; path: Path; htmlFor?: string; exact?: boolean; children: ReactNode }) {
  const { problems, lang } = useSettings();
  const mine = problemsUnder(problems, path, exact);
  return (
    <div data-testid={fieldTestId(path)} style={{ marginBottom: token('space.150', '12px'), minWidth: 0 }}>
      {htmlFor ? <Label htmlFor={htmlFor}>{label}</Label> : <div style={{ font: token('font.body.small', '12px'), fontWeight: 600, color: token('color.text.subtle', '#44546F'), marginBottom: token('space.050', '4px') }}>{label}</div>}
      {children}
      {mine.length > 0
        ? mine.map((p) => (
            <ErrorMessage key={p.path + p.message}>
              <span data-testid="field-problem">
                {problemMessage(p, lang)}
              </span>
            </ErrorMessage>
          ))
        : help
          ? <HelperMessage>{help}</HelperMessage>
          : null}
    </div>
  );
}

/** The problems at a path that no single field shows (a list's own, or a rule across two fields). */
export function ProblemList({ path, exact = true }: { path: Path; exact?: boolean }) {
  const { problems, lang } = useSettings();
  const mine = problemsUnder(problems, path, exact);
  if (mine.length === 0) return null;
  return (
    <div style={{ marginBottom: token('space.100', '8px') }}>
      {mine.map((p) => (
        <ErrorMessage key={p.path + p.message}>
          <span data-testid="field-problem">
            {problemMessage(p, lang)}
          </span>
        </ErrorMessage>
      ))}
    </div>
  );
}

export function TextField({ path, label, help, placeholder, width, onValue }: { path: Path; label: string; help?: ReactNode; placeholder?: string; width?: number; onValue?: (v: string) => void }) {
  const { draft, set, problems } = useSettings();
  const id = useId();
  const raw = getAt(draft, path);
  const value = typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : String(raw);
  return (
    <FieldRow label={label} help={help} path={path} htmlFor={id}>
      <Textfield
        id={id}
        value={value}
        placeholder={placeholder}
        isInvalid={problemsUnder(problems, path).length > 0}
        {...(width ? { width } : {})}
        onChange={(e) => {
          const v = (e.target as HTMLInputElement).value;
          if (onValue) onValue(v);
          else set(path, v);
        }}
      />
    </FieldRow>
  );
}

/**
 * A number, shown multiplied by `scale` (100 for a share shown in percent). Text that is not a
 * number stays in the draft as text, so the server's message names the field's path.
 */
export function NumberField({ path, label, help, scale = 1, nullable = false, width = 120 }: { path: Path; label: string; help?: ReactNode; scale?: number; nullable?: boolean; width?: number }) {
  const { draft, set, problems } = useSettings();
  const id = useId();
  const raw = getAt(draft, path);
  const shown = (v: unknown) => (typeof v === 'number' ? String(Number((v * scale).toPrecision(12))) : typeof v === 'string' ? v : '');
  const [text, setText] = useState(shown(raw));
  // Follow the draft when it changes from elsewhere (discard, reload, import).
  const last = useRef(raw);
  useEffect(() => {
    if (raw !== last.current) {
      last.current = raw;
      setText(shown(raw));
    }
  });
  return (
    <FieldRow label={label} help={help} path={path} htmlFor={id}>
      <Textfield
        id={id}
        value={text}
        width={width}
        inputMode="decimal"
        isInvalid={problemsUnder(problems, path).length > 0}
        onChange={(e) => {
          const t = (e.target as HTMLInputElement).value;
          setText(t);
          const trimmed = t.trim().replace(',', '.');
          const n = Number(trimmed);
          const value = trimmed === '' ? (nullable ? null : t) : Number.isFinite(n) ? Number((n / scale).toPrecision(12)) : t;
          last.current = value;
          set(path, value);
        }}
      />
    </FieldRow>
  );
}

/** Several values: chosen from the site's, or typed (`creatable`). */
export function ValuesField({ path, label, help, options, creatable = true, placeholder }: { path: Path; label: string; help?: ReactNode; options: readonly Choice[]; creatable?: boolean; placeholder?: string }) {
  const { draft, set, problems, m, site } = useSettings();
  const id = useId();
  const raw = getAt(draft, path);
  const values = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
  const known = new Map(options.map((o) => [o.value.toLowerCase(), o]));
  const value = values.map((v) => known.get(v.toLowerCase()) ?? { value: v, label: v });
  const common = {
    inputId: id,
    isMulti: true as const,
    options: [...options],
    value,
    isLoading: site === null,
    placeholder: placeholder ?? (creatable ? m.chooseOrType : m.choose),
    noOptionsMessage: () => m.nothingFound,
    isInvalid: problemsUnder(problems, path).length > 0,
    onChange: (chosen: readonly Choice[] | null) => set(path, (chosen ?? []).map((c) => c.value)),
    menuPlacement: 'auto' as const,
    formatOptionLabel: optionLabel,
  };
  return (
    <FieldRow label={label} help={help} path={path} htmlFor={id}>
      {creatable ? <CreatableSelect<Choice, true> {...common} formatCreateLabel={(v: string) => m.create(v)} /> : <Select<Choice, true> {...common} />}
    </FieldRow>
  );
}

/**
 * Issue types or statuses, picked from the site's and stored by id (`{ id, name }`). `objects` is
 * every one the site has (null while loading): a stored id shows the site's current name, else the
 * stored name or `#id` flagged as not on this site. `offer` narrows what the menu lists (no
 * sub-tasks, say) without flagging a stored one it leaves out.
 */
export function RefsField<T extends SiteObject>({
  path,
  label,
  help,
  objects,
  offer = () => true,
  placeholder,
}: {
  path: Path;
  label: string;
  help?: ReactNode;
  objects: readonly T[] | null;
  offer?: (o: T) => boolean;
  placeholder?: string;
}) {
  const { draft, set, problems, m } = useSettings();
  const id = useId();
  const raw = getAt(draft, path);
  const value = (Array.isArray(raw) ? raw.filter(isRef) : []).map((r) => refChoice(r, objects, m));
  const options = (objects ?? []).filter(offer).map((o) => siteChoice(o, objects ?? []));
  const missing = value.filter((c) => c.flag !== undefined).map((c) => c.label);
  const notes = [...(value.some((c) => c.ref.id === undefined) ? [m.anyLanguageHelp] : []), ...(missing.length > 0 ? [m.notOnSiteHelp(missing)] : [])];
  return (
    <FieldRow
      label={label}
      path={path}
      htmlFor={id}
      help={
        help || notes.length > 0 ? (
          <span data-testid="refs-help">
            {help}
            {notes.map((n) => ` ${n}`).join('')}
          </span>
        ) : undefined
      }
    >
      <Select<RefChoice, true>
        inputId={id}
        isMulti
        options={options}
        value={value}
        isLoading={objects === null}
        placeholder={placeholder ?? m.choose}
        noOptionsMessage={() => m.nothingFound}
        isInvalid={problemsUnder(problems, path).length > 0}
        menuPlacement="auto"
        formatOptionLabel={chipLabel}
        onChange={(chosen: readonly RefChoice[] | null) => set(path, refsOf(chosen ?? []))}
      />
    </FieldRow>
  );
}

/** One value out of a list (`null` stands for "none" when `noneLabel` is given). */
export function ChoiceField({ path, label, help, options, noneLabel, width }: { path: Path; label: string; help?: ReactNode; options: readonly Choice[]; noneLabel?: string; width?: number }) {
  const { draft, set, problems, m } = useSettings();
  const id = useId();
  const raw = getAt(draft, path);
  const all: Choice[] = [...(noneLabel ? [{ value: '', label: noneLabel }] : []), ...options];
  const current = typeof raw === 'string' ? (all.find((o) => o.value === raw) ?? { value: raw, label: raw }) : (all.find((o) => o.value === '') ?? null);
  return (
    <FieldRow label={label} help={help} path={path} htmlFor={id}>
      <div style={width ? { maxWidth: width } : undefined}>
        <Select<Choice>
          inputId={id}
          options={all}
          value={current}
          placeholder={m.choose}
          noOptionsMessage={() => m.nothingFound}
          isInvalid={problemsUnder(problems, path).length > 0}
          menuPlacement="auto"
          onChange={(c: Choice | null) => set(path, c === null || c.value === '' ? (noneLabel ? null : '') : c.value)}
        />
      </div>
    </FieldRow>
  );
}

export function ToggleField({ path, label, help }: { path: Path; label: string; help?: ReactNode }) {
  const { draft, set } = useSettings();
  const id = useId();
  const on = getAt(draft, path) === true;
  return (
    <FieldRow label={label} help={help} path={path} htmlFor={id}>
      <Toggle id={id} isChecked={on} label={label} onChange={() => set(path, !on)} />
    </FieldRow>
  );
}

type PersonChoice = Choice & { person: PersonView };

function PersonLabel({ person }: { person: PersonView }) {
  const { m } = useSettings();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.100', '8px') }}>
      <Avatar size="xsmall" appearance="circle" name={person.displayName ?? m.unknownUser} {...(person.avatarUrl ? { src: person.avatarUrl } : {})} />
      <span>{person.displayName ?? `${m.unknownUser} (${person.accountId})`}</span>
    </span>
  );
}

/** A Jira user, searched by name as you type (Jira's user search, as the administrator). */
export function PersonField({ path, label, testId }: { path: Path; label: string; testId?: string }) {
  const { draft, set, people, rememberPeople, m, problems } = useSettings();
  const id = useId();
  const raw = getAt(draft, path);
  const accountId = typeof raw === 'string' ? raw : null;
  const search = useRef(0);
  const known = accountId ? (people.get(accountId) ?? { accountId, displayName: null, avatarUrl: null, active: null }) : null;
  const choice = (p: PersonView): PersonChoice => ({ value: p.accountId, label: p.displayName ?? p.accountId, person: p });
  const loadOptions = async (input: string): Promise<PersonChoice[]> => {
    const mine = ++search.current;
    if (input.trim() === '') return [];
    const r = await api.searchPeople(input.trim());
    if (!r.ok || mine !== search.current) return [];
    rememberPeople(r.data.people);
    return r.data.people.map(choice);
  };
  return (
    <FieldRow label={label} path={path} htmlFor={id}>
      <div data-testid={testId}>
        <AsyncSelect<PersonChoice>
          inputId={id}
          isClearable
          cacheOptions
          loadOptions={loadOptions}
          value={known ? choice(known) : null}
          placeholder={m.searchPeople}
          noOptionsMessage={({ inputValue }: { inputValue: string }) => (inputValue.trim() === '' ? m.typeToSearch : m.nothingFound)}
          formatOptionLabel={(o: PersonChoice) => <PersonLabel person={o.person} />}
          isInvalid={problemsUnder(problems, path).length > 0}
          menuPlacement="auto"
          onChange={(c: PersonChoice | null) => set(path, c ? c.value : null)}
        />
      </div>
    </FieldRow>
  );
}
