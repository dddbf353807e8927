/** DoR and DoD templates per project and issue type, each with its items. */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { AutoCheck, ChecklistItemTemplate, ChecklistTemplate, GovernanceConfig } from '../../../../src/shared/protocol';
import { localized } from '../../i18n';
import { useSettings } from './context';
import { freshKey, type Path } from './draft';
import { ChoiceField, ProblemList, RefsField, TextField, ToggleField, ValuesField, type Choice } from './fields';

const AUTOS: readonly AutoCheck[] = ['estimate', 'acceptanceCriteria', 'designLink', 'subtasksDone', 'description', 'assignee'];

function newItem(used: string[]): ChecklistItemTemplate {
  return { id: freshKey('item', used), text: { en: '', ru: '' }, required: true, allowNotApplicable: true, auto: null };
}

function ItemRow({ base, index, item, count, onRemove }: { base: Path; index: number; item: ChecklistItemTemplate; count: number; onRemove: () => void }) {
  const { m } = useSettings();
  const path: Path = [...base, 'items', index];
  const autoOptions: Choice[] = AUTOS.map((a) => ({ value: a, label: m.autos[a] }));
  return (
    <div
      data-testid={`item-${index}`}
      style={{
        display: 'grid',
        gridTemplateColumns: '110px minmax(150px, 1fr) minmax(150px, 1fr) 90px 120px 190px auto',
        gap: token('space.100', '8px'),
        alignItems: 'start',
        borderTop: `1px solid ${token('color.border', '#091E4224')}`,
        paddingTop: token('space.100', '8px'),
      }}
    >
      <TextField path={[...path, 'id']} label={m.itemId} />
      <TextField path={[...path, 'text', 'en']} label={`${m.itemText} · EN`} />
      <TextField path={[...path, 'text', 'ru']} label={`${m.itemText} · RU`} />
      <ToggleField path={[...path, 'required']} label={m.required} />
      <ToggleField path={[...path, 'allowNotApplicable']} label={m.allowNa} />
      <ChoiceField path={[...path, 'auto']} label={m.auto} options={autoOptions} noneLabel={m.autoNone} />
      <div style={{ paddingTop: token('space.250', '20px') }}>
        <Button appearance="subtle" isDisabled={count === 1} onClick={onRemove}>
          {m.remove}
        </Button>
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
        <Heading size="xsmall" as="h4">
          {localized(template.name, lang) || template.id}
        </Heading>
        <span style={{ marginLeft: 'auto' }}>
          <Button appearance="subtle" onClick={() => update((d) => ({ ...d, checklists: { templates: d.checklists.templates.filter((_, i) => i !== index) } }))}>
            {m.removeTemplate}
          </Button>
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
      <Heading size="xxsmall" as="h5">
        {m.items}
      </Heading>
      <ProblemList path={[...base, 'items']} />
      <div style={{ overflowX: 'auto' }}>
        <div style={{ minWidth: 980 }}>
          {template.items.map((item, i) => (
            <ItemRow key={i} base={base} index={i} item={item} count={template.items.length} onRemove={() => change((t) => ({ ...t, items: t.items.filter((_, j) => j !== i) }))} />
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
      <Heading size="small" as="h3">
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
