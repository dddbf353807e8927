/** DoR and DoD templates per project and issue type, each with its items. */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { AutoCheck, ChecklistItemTemplate, ChecklistTemplate, GovernanceConfig } from '../../../../src/shared/protocol';
import { localized } from '../../i18n';
import { useSettings } from './context';
import { freshKey, type Path } from './draft';
import { RowActions } from './row-actions';
import { ChoiceField, ProblemList, RefsField, TextField, ToggleField, ValuesField, type Choice } from './fields';

const AUTOS: readonly AutoCheck[] = ['estimate', 'acceptanceCriteria', 'designLink', 'subtasksDone', 'description', 'assignee'];

/** The list with the entry at `from` moved by one place up (-1) or down (1); unchanged at either end. */
export function moved<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [entry] = out.splice(from, 1);
  if (entry !== undefined) out.splice(to, 0, entry);
  return out;
}

function newItem(used: string[]): ChecklistItemTemplate {
  return { id: freshKey('item', used), text: { en: '', ru: '' }, required: true, allowNotApplicable: true, auto: null };
}

/** A small square button with words for a screen reader: the arrows that move an item. */
function MoveButton({ label, glyph, disabled, onClick, testId }: { label: string; glyph: string; disabled: boolean; onClick: () => void; testId: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      data-testid={testId}
      style={{
        width: 28,
        height: 28,
        padding: 0,
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderRadius: 3,
        background: token('color.background.neutral.subtle', 'transparent'),
        color: disabled ? token('color.text.disabled', '#091E424F') : token('color.text.subtle', '#44546F'),
        cursor: disabled ? 'not-allowed' : 'pointer',
        font: 'inherit',
      }}
    >
      {glyph}
    </button>
  );
}

/**
 * One item of a template: its text in both languages, whether it is required, may be not
 * applicable, or is checked from the issue. Its id stays internal (stored readiness refers to it):
 * it follows the item when the item moves, and is never shown.
 */
function ItemRow({ base, index, item, count, onMove, onRemove }: { base: Path; index: number; item: ChecklistItemTemplate; count: number; onMove: (by: -1 | 1) => void; onRemove: () => void }) {
  const { m, lang } = useSettings();
  const path: Path = [...base, 'items', index];
  const autoOptions: Choice[] = AUTOS.map((a) => ({ value: a, label: m.autos[a] }));
  const n = index + 1;
  const text = localized(item.text, lang) || item.text.en;
  return (
    <div
      data-testid={`item-${index}`}
      role="group"
      aria-label={m.itemLabel(n)}
      style={{
        display: 'grid',
        gridTemplateColumns: '64px minmax(150px, 1fr) minmax(150px, 1fr) 90px 120px 190px auto',
        gap: token('space.100', '8px'),
        alignItems: 'start',
        borderTop: `1px solid ${token('color.border', '#091E4224')}`,
        paddingTop: token('space.100', '8px'),
      }}
    >
      <div style={{ display: 'flex', gap: token('space.050', '4px'), paddingTop: token('space.250', '20px') }}>
        <MoveButton label={m.itemUp(n, text)} glyph="↑" disabled={index === 0} onClick={() => onMove(-1)} testId={`item-up-${index}`} />
        <MoveButton label={m.itemDown(n, text)} glyph="↓" disabled={index === count - 1} onClick={() => onMove(1)} testId={`item-down-${index}`} />
      </div>
      <TextField path={[...path, 'text', 'en']} label={`${m.itemText} ${n} · EN`} />
      <TextField path={[...path, 'text', 'ru']} label={`${m.itemText} ${n} · RU`} />
      <ToggleField path={[...path, 'required']} label={m.required} />
      <ToggleField path={[...path, 'allowNotApplicable']} label={m.allowNa} />
      <ChoiceField path={[...path, 'auto']} label={m.auto} options={autoOptions} noneLabel={m.autoNone} />
      <div style={{ paddingTop: token('space.250', '20px') }}>
        <RowActions label={m.rowActions(text || m.itemLabel(n))} testId={`item-actions-${index}`} actions={[{ label: m.remove, onClick: onRemove, isDisabled: count === 1, testId: `item-remove-${index}` }]} />
      </div>
    </div>
  );
}

function TemplateCard({ index, template }: { index: number; template: ChecklistTemplate }) {
  const { m, lang, site, update } = useSettings();
  const base: Path = ['checklists', 'templates', index];
  const projects: Choice[] = (site?.projects ?? []).map((p) => ({ value: p.key, label: p.key, hint: p.name }));
  const change = (next: (t: ChecklistTemplate) => ChecklistTemplate) =>
    update((d) => ({ ...d, checklists: { templates: d.checklists.templates.map((t, i) => (i === index ? next(t) : t)) } }));
  return (
    <div
      data-testid={`template-${index}`}
      style={{ border: `1px solid ${token('color.border', '#091E4224')}`, borderRadius: token('radius.large', '8px'), padding: token('space.200', '16px'), marginBottom: token('space.150', '12px'), background: token('elevation.surface.raised', '#FFFFFF'), boxShadow: token('elevation.shadow.raised', 'none') }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), marginBottom: token('space.100', '8px') }}>
        <Heading size="xsmall" as="h3">
          {localized(template.name, lang) || template.id}
        </Heading>
        <span style={{ marginLeft: 'auto' }}>
          <RowActions
            label={m.rowActions(localized(template.name, lang) || template.id)}
            testId={`template-actions-${index}`}
            actions={[{ label: m.removeTemplate, onClick: () => update((d) => ({ ...d, checklists: { templates: d.checklists.templates.filter((_, i) => i !== index) } })), testId: `template-remove-${index}` }]}
          />
        </span>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: token('space.150', '12px') }}>
        <ChoiceField path={[...base, 'kind']} label={m.kind} options={[{ value: 'dor', label: m.kinds.dor }, { value: 'dod', label: m.kinds.dod }]} />
        <TextField path={[...base, 'id']} label={m.templateId} />
        <TextField path={[...base, 'name', 'en']} label={m.nameEn} />
        <TextField path={[...base, 'name', 'ru']} label={m.nameRu} />
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: token('space.150', '12px') }}>
        <ValuesField path={[...base, 'projects']} label={m.projects} options={projects} creatable={false} placeholder={m.allProjects} />
        <RefsField path={[...base, 'issueTypes']} label={m.issueTypes} objects={site?.issueTypes ?? null} placeholder={m.allTypes} />
      </div>
      <Heading size="xxsmall" as="h4">
        {m.items}
      </Heading>
      <ProblemList path={[...base, 'items']} />
      <div style={{ overflowX: 'auto' }}>
        <div style={{ minWidth: 980 }}>
          {template.items.map((item, i) => (
            <ItemRow
              // By id, so a moved item keeps its focus; a repeated id (a problem to fix) by position.
              key={template.items.findIndex((x) => x.id === item.id) === i ? item.id : `${item.id}#${i}`}
              base={base}
              index={i}
              item={item}
              count={template.items.length}
              onMove={(by) => change((t) => ({ ...t, items: moved(t.items, i, by) }))}
              onRemove={() => change((t) => ({ ...t, items: t.items.filter((_, j) => j !== i) }))}
            />
          ))}
        </div>
      </div>
      <Button onClick={() => change((t) => ({ ...t, items: [...t.items, newItem(t.items.map((x) => x.id))] }))}>{m.addItem}</Button>
    </div>
  );
}

export function ChecklistsTab() {
  const { draft, m, update } = useSettings();
  const templates = draft.checklists.templates;
  const add = () =>
    update(
      (d): GovernanceConfig => ({
        ...d,
        checklists: {
          templates: [
            ...d.checklists.templates,
            { id: freshKey('dor-template', d.checklists.templates.map((t) => t.id)), kind: 'dor', name: { en: '', ru: '' }, projects: [], issueTypes: [], items: [newItem([])] },
          ],
        },
      }),
    );
  return (
    <div>
      <Heading size="small" as="h2">
        {m.templatesTitle}
      </Heading>
      <p style={{ color: token('color.text.subtle', '#44546F') }}>{m.templatesHelp}</p>
      <ProblemList path={['checklists', 'templates']} />
      {templates.map((t, i) => (
        <TemplateCard key={i} index={i} template={t} />
      ))}
      <Button onClick={add}>{m.addTemplate}</Button>
    </div>
  );
}
