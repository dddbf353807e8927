/**
 * Products, channels and segments: each with its key, names, owners (Business and Digital PO for
 * a product, a leader for a channel) and its mapping rule, with pickers fed by the site's values
 * and the number of stored issues the rule matches (every issue of the synced boards the
 * administrator may browse); a rule on a field the stored issues were not read with says so.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { LazySelect as Select, preloadSelect } from '../../lazy';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { ErrorText } from '../states';
import { RowActions } from './row-actions';
import type { Channel, GovernanceConfig, MatchRule, Product, Segment } from '../../../../src/shared/protocol';
import { localized } from '../../i18n';
import { FreshnessBar } from '../Freshness';
import { useSettings } from './context';
import { freshKey, problemsUnder, slug, type Path } from './draft';
import { ExampleLoader } from './ExampleLoader';
import { FieldRow, PersonField, ProblemList, TextField, ValuesField, type Choice } from './fields';

// The first tab's pickers: loaded while the settings are read, not after them.
preloadSelect();

export type Dimension = 'products' | 'channels' | 'segments';
type Entry = Product | Channel | Segment;

const EMPTY_RULE: MatchRule = { components: [], labels: [], projects: [], field: null };

function newEntry(dim: Dimension, used: string[]): Entry {
  const base = { key: freshKey(dim === 'products' ? 'new-product' : dim === 'channels' ? 'new-channel' : 'new-segment', used), name: { en: '', ru: '' }, match: EMPTY_RULE };
  if (dim === 'products') return { ...base, businessOwner: null, digitalOwner: null };
  if (dim === 'channels') return { ...base, leader: null };
  return base;
}

const grid = (min: number): React.CSSProperties => ({ display: 'grid', gridTemplateColumns: `repeat(auto-fit, minmax(${min}px, 1fr))`, columnGap: token('space.200', '16px') });

function CustomFieldRule({ base, rule }: { base: Path; rule: MatchRule }) {
  const { site, m, set, fieldValues, problems } = useSettings();
  const fieldPath = [...base, 'field'];
  const options: Choice[] = (site?.customFields ?? []).map((f) => ({ value: f.id, label: `${f.name} (${f.id}${f.type ? `, ${f.type}` : ''})` }));
  const current = rule.field ? (options.find((o) => o.value === rule.field?.id) ?? { value: rule.field.id, label: rule.field.id }) : { value: '', label: m.fieldNone };
  const loaded = rule.field ? fieldValues(rule.field.id) : null;
  const valueOptions: Choice[] = (loaded?.values ?? []).map((v) => ({ value: v.value, label: v.value, hint: String(v.count) }));
  return (
    <div style={grid(240)}>
      <FieldRow label={m.field} path={[...fieldPath, 'id']} exact>
        <Select<Choice>
          inputId={`${fieldPath.join('-')}-id`}
          options={[{ value: '', label: m.fieldNone }, ...options]}
          value={current}
          isLoading={site === null}
          isInvalid={problemsUnder(problems, [...fieldPath, 'id']).length > 0}
          menuPlacement="auto"
          onChange={(c: Choice | null) => set(fieldPath, !c || c.value === '' ? null : { id: c.value, values: rule.field?.values ?? [] })}
        />
      </FieldRow>
      {rule.field && <ValuesField path={[...fieldPath, 'values']} label={m.fieldValues} options={valueOptions} />}
    </div>
  );
}

function RuleEditor({ base, rule }: { base: Path; rule: MatchRule }) {
  const { site, m } = useSettings();
  const components: Choice[] = (site?.components ?? []).map((c) => ({ value: c.name, label: c.name, hint: c.projects.join(', ') }));
  const labels: Choice[] = (site?.labels ?? []).map((l) => ({ value: l, label: l }));
  const projects: Choice[] = (site?.projects ?? []).map((p) => ({ value: p.key, label: p.key, hint: p.name }));
  const empty = rule.components.length === 0 && rule.labels.length === 0 && rule.projects.length === 0 && rule.field === null;
  return (
    <fieldset style={{ border: `1px dashed ${token('color.border', '#091E4224')}`, borderRadius: token('radius.medium', '6px'), padding: token('space.150', '12px'), margin: `${token('space.100', '8px')} 0 0` }}>
      <legend style={{ font: token('font.body.small', '12px'), fontWeight: 600, color: token('color.text.subtle', '#44546F'), padding: `0 ${token('space.050', '4px')}` }}>{m.ruleTitle}</legend>
      <div style={grid(220)}>
        <ValuesField path={[...base, 'components']} label={m.components} options={components} />
        <ValuesField path={[...base, 'labels']} label={m.labels} options={labels} />
        <ValuesField path={[...base, 'projects']} label={m.projects} options={projects} />
      </div>
      <CustomFieldRule base={base} rule={rule} />
      {empty && (
        <div data-testid="rule-empty" style={{ color: token('color.text.warning', '#A54800'), font: token('font.body.small', '12px') }}>
          {m.ruleEmpty}
        </div>
      )}
    </fieldset>
  );
}

/** The name of a custom field, as the site lists it. */
function useFieldName(): (id: string) => string {
  const { site } = useSettings();
  return (id) => site?.customFields.find((f) => f.id === id)?.name ?? id;
}

function MatchCount({ dim, entryKey, rule }: { dim: Dimension; entryKey: string; rule: MatchRule }) {
  const { counts, m } = useSettings();
  const fieldName = useFieldName();
  if (counts.kind === 'loading') return <Spinner size="small" label={m.counting} />;
  if (counts.kind !== 'ready') return null;
  const found = counts.data.counts[dim].find((c) => c.key === entryKey);
  if (!found) return null;
  // A rule on a field the stored issues were not read with: what it matches is not known yet, not 0.
  const unread = rule.field ? counts.data.unreadFields.find((f) => f.id === rule.field?.id) : undefined;
  if (unread)
    return (
      <span data-testid="match-count-unread" style={{ color: token('color.text.warning', '#A54800'), font: token('font.body.small', '12px') }}>
        {m.fieldUnread(fieldName(unread.id), unread.saved)}
      </span>
    );
  return (
    <span data-testid="match-count">
      <Lozenge appearance={found.count === 0 ? 'moved' : 'success'}>{m.matches(found.count)}</Lozenge>
    </span>
  );
}

/** One line on what a rule matches: `components Payments · labels payments, pay`. */
function RuleSummary({ rule }: { rule: MatchRule }) {
  const { m, site } = useSettings();
  const parts: string[] = [];
  if (rule.components.length) parts.push(`${m.components}: ${rule.components.join(', ')}`);
  if (rule.labels.length) parts.push(`${m.labels}: ${rule.labels.join(', ')}`);
  if (rule.projects.length) parts.push(`${m.projects}: ${rule.projects.join(', ')}`);
  if (rule.field) {
    const name = site?.customFields.find((f) => f.id === rule.field?.id)?.name ?? rule.field.id;
    parts.push(`${name}: ${rule.field.values.join(', ')}`);
  }
  const empty = parts.length === 0;
  return (
    <div data-testid="rule-summary" style={{ color: empty ? token('color.text.warning', '#A54800') : token('color.text.subtle', '#44546F'), font: token('font.body.small', '12px') }}>
      {empty ? m.ruleEmpty : parts.join(' · ')}
    </div>
  );
}

/** Who owns an entry, as the collapsed card shows it. */
function OwnersSummary({ entry }: { entry: Entry }) {
  const { m, people } = useSettings();
  const name = (id: string | null) => (id === null ? m.nobody : (people.get(id)?.displayName ?? '…'));
  const style = { font: token('font.body.small', '12px') };
  if ('businessOwner' in entry)
    return (
      <div style={style}>
        {m.role.business}: <strong>{name(entry.businessOwner)}</strong> · {m.role.digital}: <strong>{name(entry.digitalOwner)}</strong>
      </div>
    );
  if ('leader' in entry)
    return (
      <div style={style}>
        {m.leaderLabel}: <strong>{name(entry.leader)}</strong>
      </div>
    );
  return null;
}

function EntryForm({ dim, base, entry, setNameEn }: { dim: Dimension; base: Path; entry: Entry; setNameEn: (v: string) => void }) {
  const { m } = useSettings();
  return (
    <>
      <div style={grid(200)}>
        <TextField path={[...base, 'name', 'en']} label={m.nameEn} onValue={setNameEn} />
        <TextField path={[...base, 'name', 'ru']} label={m.nameRu} />
        <TextField path={[...base, 'key']} label={m.key} help={m.keyHelp} />
      </div>
      {dim === 'products' && (
        <div style={grid(240)}>
          <PersonField path={[...base, 'businessOwner']} label={m.role.business} testId={`person-${base.join("-")}-businessOwner`} />
          <PersonField path={[...base, 'digitalOwner']} label={m.role.digital} testId={`person-${base.join("-")}-digitalOwner`} />
        </div>
      )}
      {dim === 'channels' && (
        <div style={grid(240)}>
          <PersonField path={[...base, 'leader']} label={m.leaderLabel} testId={`person-${base.join("-")}-leader`} />
        </div>
      )}
      <RuleEditor base={[...base, 'match']} rule={entry.match} />
    </>
  );
}

function EntryCard({ dim, index, entry, count }: { dim: Dimension; index: number; entry: Entry; count: number }) {
  const { m, lang, set, update, draft, baseline, problems } = useSettings();
  const base: Path = [dim, index];
  // Saved entries start folded to a summary; a new one, or one with a problem, opens to its form.
  const isNew = !(baseline[dim] as Entry[]).some((e) => e.key === entry.key);
  const hasProblem = problemsUnder(problems, base).length > 0;
  const [unfolded, setUnfolded] = useState(isNew);
  const open = unfolded || hasProblem;
  const title = localized(entry.name, lang) || entry.name.en || m.untitled;
  const move = (by: number) =>
    update((d) => {
      const list = [...(d[dim] as Entry[])];
      const [item] = list.splice(index, 1);
      if (item) list.splice(index + by, 0, item);
      return { ...d, [dim]: list } as GovernanceConfig;
    });
  const remove = () => update((d) => ({ ...d, [dim]: (d[dim] as Entry[]).filter((_, i) => i !== index) }) as GovernanceConfig);
  // A new entry's key follows its English name until someone edits the key itself; a saved key
  // never changes with the name (reports and gadgets refer to it).
  const setNameEn = (v: string) => {
    const saved = (baseline[dim] as Entry[]).some((e) => e.key === entry.key);
    const followKey = !saved && (entry.key === '' || entry.key === slug(entry.name.en) || /^new-(product|channel|segment)(-\d+)?$/.test(entry.key));
    const next = structuredClone(entry);
    next.name.en = v;
    if (followKey && slug(v) !== '') next.key = freshKey(slug(v), (draft[dim] as Entry[]).filter((_, i) => i !== index).map((e) => e.key));
    set(base, next);
  };
  return (
    <div
      data-testid={`entry-${dim}-${index}`}
      style={{ border: `1px solid ${token('color.border', '#091E4224')}`, borderRadius: token('radius.large', '8px'), padding: token('space.200', '16px'), marginBottom: token('space.150', '12px'), background: token('elevation.surface.raised', '#FFFFFF'), boxShadow: token('elevation.shadow.raised', 'none') }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), flexWrap: 'wrap', marginBottom: token('space.100', '8px') }}>
        <Heading size="xsmall" as="h3">
          {title}
        </Heading>
        <code style={{ color: token('color.text.subtlest', '#626F86') }}>{entry.key}</code>
        <MatchCount dim={dim} entryKey={entry.key} rule={entry.match} />
        <span style={{ marginLeft: 'auto', display: 'flex', gap: token('space.050', '4px') }}>
          <Button spacing="compact" isDisabled={hasProblem} onClick={() => setUnfolded(!open)} testId={`edit-${dim}-${index}`} aria-expanded={open}>
            {open ? m.fold : m.edit}
          </Button>
          <RowActions
            label={m.rowActions(title)}
            testId={`actions-${dim}-${index}`}
            actions={[
              { label: m.moveUp, onClick: () => move(-1), isDisabled: index === 0, testId: `move-up-${dim}-${index}` },
              { label: m.moveDown, onClick: () => move(1), isDisabled: index === count - 1, testId: `move-down-${dim}-${index}` },
              { label: m.remove, onClick: remove, testId: `remove-${dim}-${index}` },
            ]}
          />
        </span>
      </div>
      {!open && (
        <div style={{ display: 'grid', gap: token('space.050', '4px') }}>
          <OwnersSummary entry={entry} />
          <RuleSummary rule={entry.match} />
        </div>
      )}
      {open && <EntryForm dim={dim} base={base} entry={entry} setNameEn={setNameEn} />}
    </div>
  );
}

function DimensionSection({ dim, footer }: { dim: Dimension; footer?: ReactNode }) {
  const { draft, m, update } = useSettings();
  const entries = draft[dim] as Entry[];
  return (
    <section data-testid={`section-${dim}`} style={{ marginBottom: token('space.400', '32px') }}>
      <Heading size="small" as="h2">
        {m.sections[dim]}
      </Heading>
      <p style={{ color: token('color.text.subtle', '#44546F'), margin: `${token('space.050', '4px')} 0 ${token('space.150', '12px')}` }}>{m.sectionHelp[dim]}</p>
      <ProblemList path={[dim]} />
      {entries.map((e, i) => (
        <EntryCard key={i} dim={dim} index={i} entry={e} count={entries.length} />
      ))}
      <Button onClick={() => update((d) => ({ ...d, [dim]: [...(d[dim] as Entry[]), newEntry(dim, (d[dim] as Entry[]).map((x) => x.key))] }) as GovernanceConfig)}>{m.add[dim]}</Button>
      {footer}
    </section>
  );
}

function CountsNote() {
  const { counts, m, draft, recount } = useSettings();
  const style = { color: token('color.text.subtle', '#44546F'), font: token('font.body.small', '12px'), marginTop: token('space.100', '8px') };
  if (counts.kind === 'waiting') return <p style={style}>{m.countsWaiting}</p>;
  if (counts.kind === 'error') return <p style={{ ...style, color: token('color.text.danger', '#AE2E24') }}><ErrorText lead={m.countsFailed('').trim()} error={counts.error} /></p>;
  if (counts.kind === 'pending')
    return (
      <div data-testid="counts-pending" style={style}>
        <p>{m.countsPending}</p>
        <FreshnessBar freshness={counts.freshness} scope={[]} onRefresh={() => recount(true)} />
      </div>
    );
  if (counts.kind !== 'ready') return null;
  const { counts: c, boards, horizonDays, unreadFields, freshness } = counts.data;
  // "Without a product" depends on every product rule: unknown while one maps on a field not read yet.
  const productsUnread = draft.products.some((p) => p.match.field !== null && unreadFields.some((f) => f.id === p.match.field?.id));
  return (
    <div data-testid="counts-note" style={style}>
      <p style={{ margin: 0 }}>
        <strong>{productsUnread ? m.withoutProductUnread : m.withoutProduct(c.withoutProduct, c.total)}</strong> {m.countsNote(c.total, boards, horizonDays)}
      </p>
      <FreshnessBar freshness={freshness} scope={[]} onRefresh={() => recount(true)} />
    </div>
  );
}

/** A draft with no products, channels or segments (the built-in defaults): the bank example is one step away. */
function EmptyStructure() {
  const { draft, m } = useSettings();
  if (draft.products.length > 0 || draft.channels.length > 0 || draft.segments.length > 0) return null;
  return (
    <div
      data-testid="structure-empty"
      style={{
        marginBottom: token('space.300', '24px'),
        padding: token('space.200', '16px'),
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderRadius: token('radius.large', '8px'),
        background: token('elevation.surface.sunken', '#F7F8F9'),
      }}
    >
      <Heading size="xsmall" as="h2">
        {m.exampleTitle}
      </Heading>
      <p style={{ margin: `${token('space.100', '8px')} 0` }}>{m.structureEmpty}</p>
      <p style={{ color: token('color.text.subtle', '#44546F'), margin: `0 0 ${token('space.100', '8px')}` }}>{m.exampleHelp}</p>
      <ExampleLoader />
    </div>
  );
}

export function StructureTab({ onVisible }: { onVisible?: () => void }) {
  useEffect(() => onVisible?.(), [onVisible]);
  return (
    <div>
      <EmptyStructure />
      <DimensionSection dim="products" footer={<CountsNote />} />
      <DimensionSection dim="channels" />
      <DimensionSection dim="segments" />
    </div>
  );
}
