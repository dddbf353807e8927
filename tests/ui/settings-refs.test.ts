/**
 * How the settings page shows and picks issue types, priorities and statuses: by id, with the
 * site's current name; the stored name (then `#id`) flagged when the site no longer has the
 * object; untranslated names as "(any language)"; SLA targets ordered, each priority once.
 */
import type { DefectTarget } from '../../src/shared/protocol';
import { ownershipMessages } from '../../static/src/i18n-ownership';
import { movedTarget, priorityChoices, refChoice, refsOf, siteChoice, unresolvedWhere, withNewTarget, withPriority, type SiteObject } from '../../static/src/components/settings/refs';

const en = ownershipMessages('en');
const ru = ownershipMessages('ru');

/** The issue types as a Russian-speaking administrator reads them; a team-managed project has a «Ошибка» of its own. */
const TYPES: SiteObject[] = [
  { id: '10001', name: 'История', untranslatedName: 'Story' },
  { id: '10004', name: 'Ошибка', untranslatedName: 'Bug' },
  { id: '10020', name: 'Ошибка', untranslatedName: 'Bug' },
  { id: '10030', name: 'Spike', untranslatedName: 'Spike' },
];
const PRIORITIES: SiteObject[] = [
  { id: '1', name: 'Наивысший' },
  { id: '2', name: 'Высокий' },
  { id: '3', name: 'Средний' },
];

describe('a stored reference as a picker shows it', () => {
  it('shows the site’s current name for an id, not the name stored with it', () => {
    expect(refChoice({ id: '10001', name: 'Story' }, TYPES, en)).toMatchObject({ value: 'id:10001', label: 'История', hint: 'Story' });
    expect(refChoice({ id: '10001', name: 'Story' }, TYPES, en).flag).toBeUndefined();
  });

  it('tells apart two types of the same name by their ids', () => {
    expect(refChoice({ id: '10020' }, TYPES, en).label).toBe('Ошибка (#10020)');
    expect(siteChoice(TYPES[3]!, TYPES)).toEqual({ value: 'id:10030', label: 'Spike', ref: { id: '10030', name: 'Spike' } });
  });

  it('flags an id the site no longer has, showing the stored name, else the id', () => {
    expect(refChoice({ id: '10099', name: 'Defect' }, TYPES, en)).toMatchObject({ label: 'Defect', flag: 'not on this site' });
    expect(refChoice({ id: '10099' }, TYPES, ru)).toMatchObject({ label: '#10099', flag: 'нет на этом сайте' });
  });

  it('flags nothing while the site’s values are loading', () => {
    expect(refChoice({ id: '10099', name: 'Defect' }, null, en)).toEqual({ value: 'id:10099', label: 'Defect', ref: { id: '10099', name: 'Defect' } });
  });

  it('reads an untranslated name as “(any language)”, naming the site’s types it matches', () => {
    expect(refChoice({ untranslatedName: 'Bug' }, TYPES, en)).toMatchObject({ value: 'any:bug', label: 'Bug (any language)', hint: 'Ошибка, Ошибка' });
    expect(refChoice({ untranslatedName: 'Bug' }, TYPES, ru).label).toBe('Bug (на любом языке)');
    expect(refChoice({ untranslatedName: 'Feature' }, TYPES, en)).toMatchObject({ label: 'Feature (any language)', flag: 'not on this site' });
  });

  it('keeps what was chosen as stored, once each; a newly chosen one by id with the site’s name', () => {
    const kept = refChoice({ untranslatedName: 'Bug' }, TYPES, en);
    const gone = refChoice({ id: '10099', name: 'Defect' }, TYPES, en);
    const chosen = siteChoice(TYPES[0]!, TYPES);
    expect(refsOf([kept, gone, chosen, chosen])).toEqual([{ untranslatedName: 'Bug' }, { id: '10099', name: 'Defect' }, { id: '10001', name: 'История' }]);
  });
});

describe('SLA targets', () => {
  const targets: DefectTarget[] = [
    { priority: { id: '1', name: 'Highest' }, hours: 24 },
    { priority: { id: '3', name: 'Medium' }, hours: 240 },
  ];

  it('offers each row its own priority and those no other row has', () => {
    expect(priorityChoices(targets, 0, PRIORITIES, en).map((c) => c.label)).toEqual(['Наивысший', 'Высокий']);
    expect(priorityChoices(targets, 1, PRIORITIES, en).map((c) => c.label)).toEqual(['Высокий', 'Средний']);
  });

  it('keeps a row’s priority the site no longer has among its choices, flagged', () => {
    const old: DefectTarget[] = [{ priority: { id: '9', name: 'Blocker' }, hours: 4 }];
    expect(priorityChoices(old, 0, PRIORITIES, en)[0]).toMatchObject({ label: 'Blocker', flag: 'not on this site' });
  });

  it('adds the first priority without a target, in Jira’s order, and nothing once every one has one', () => {
    expect(withNewTarget(targets, PRIORITIES)?.[2]).toEqual({ priority: { id: '2', name: 'Высокий' }, hours: 240 });
    expect(withNewTarget([...targets, { priority: { id: '2' }, hours: 1 }], PRIORITIES)).toBeNull();
  });

  it('never gives two rows the same priority', () => {
    expect(withPriority(targets, 1, { id: '1', name: 'Наивысший' })).toEqual(targets);
    expect(withPriority(targets, 1, { id: '2', name: 'Высокий' })[1]).toEqual({ priority: { id: '2', name: 'Высокий' }, hours: 240 });
  });

  it('moves a row up or down, and leaves the ends alone', () => {
    expect(movedTarget(targets, 1, -1).map((t) => t.priority.id)).toEqual(['3', '1']);
    expect(movedTarget(targets, 0, 1).map((t) => t.priority.id)).toEqual(['3', '1']);
    expect(movedTarget(targets, 0, -1)).toEqual(targets);
    expect(movedTarget(targets, 1, 1)).toEqual(targets);
  });
});

describe('names of the older format that were not found', () => {
  it('says where each stood in words, in English and Russian', () => {
    const name = () => 'Definition of Ready';
    expect(unresolvedWhere('defects.targetHours.Blocker', en, 'en', name)).toBe('“SLA target per priority, in hours”');
    expect(unresolvedWhere('defects.pauseStatuses[1]', ru, 'ru', name)).toBe('«Статусы паузы»');
    expect(unresolvedWhere('checklists.templates[0].issueTypes[2]', en, 'en', name)).toBe('the issue types of checklist template 1 (Definition of Ready)');
    expect(en.unresolvedItem(en.unresolvedKinds.priority, 'Blocker', '“SLA target per priority, in hours”')).toBe('Priority “Blocker” in “SLA target per priority, in hours”');
    expect(ru.unresolvedOutcomes['left out']('Blocker')).toMatch(/^не перенесён/);
  });
});
