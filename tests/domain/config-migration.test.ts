/**
 * Migrating a version 1 configuration (names) to version 2 (ids): which documents are version 1,
 * how each kind of name is resolved with and without the site, and what is listed as unresolved.
 */
import { isV1Config, migrateV1Config, type SiteNames } from '../../src/domain/config-migration';

const SITE: SiteNames = {
  issueTypes: [
    { id: '10004', name: 'Ошибка', untranslatedName: 'Bug' },
    { id: '10001', name: 'История', untranslatedName: null },
    { id: '10009', name: 'Incident' },
  ],
  priorities: [
    { id: '2', name: 'Высокий' },
    { id: '10000', name: 'Blocker' },
  ],
  statuses: [
    { id: '10002', name: 'Ожидает клиента', untranslatedName: 'Waiting for customer' },
    { id: '10005', name: 'Blocked', untranslatedName: undefined },
  ],
};

describe('a version 1 document', () => {
  it('says schemaVersion 1, or says no version and keys SLA targets by priority name', () => {
    expect(isV1Config({ schemaVersion: 1 })).toBe(true);
    expect(isV1Config({ defects: { targetHours: { High: 72 } } })).toBe(true);
    expect(isV1Config({ schemaVersion: 2, defects: { targetHours: { High: 72 } } })).toBe(false);
    expect(isV1Config({ defects: { targets: [] } })).toBe(false);
    expect(isV1Config({ defects: { targetHours: [] } })).toBe(false);
    expect(isV1Config({ defects: null })).toBe(false);
    expect(isV1Config({ defects: [{ targetHours: {} }] })).toBe(false);
    expect(isV1Config({})).toBe(false);
    expect(isV1Config(null)).toBe(false);
    expect(isV1Config([{ schemaVersion: 1 }])).toBe(false);
    expect(isV1Config('schemaVersion: 1')).toBe(false);
  });
});

describe('migrating without the site', () => {
  it('makes the document version 2 and leaves the input as it was', () => {
    const input = { schemaVersion: 1, defects: { issueTypes: ['Bug'], targetHours: { High: 72 } } };
    const { document } = migrateV1Config(input, null);
    expect(document.schemaVersion).toBe(2);
    expect(input).toEqual({ schemaVersion: 1, defects: { issueTypes: ['Bug'], targetHours: { High: 72 } } });
  });

  it('gives Jira\'s default priority names their ids, whatever the case or spaces, once per priority', () => {
    const { document, unresolved } = migrateV1Config({ schemaVersion: 1, defects: { targetHours: { ' highest ': 24, HIGH: 72, high: 48, Lowest: 2000, Medium: 240, Low: 720, Blocker: 4 } } }, null);
    expect(document.defects).toEqual({
      targets: [
        { priority: { id: '1', name: ' highest ' }, hours: 24 },
        { priority: { id: '2', name: 'HIGH' }, hours: 72 },
        { priority: { id: '5', name: 'Lowest' }, hours: 2000 },
        { priority: { id: '3', name: 'Medium' }, hours: 240 },
        { priority: { id: '4', name: 'Low' }, hours: 720 },
      ],
    });
    expect(unresolved).toEqual([{ path: 'defects.targetHours.Blocker', kind: 'priority', name: 'Blocker', outcome: 'left out' }]);
  });

  it('keeps issue types as untranslated names, pause statuses given by id, and leaves the rest for validation', () => {
    const { document, unresolved } = migrateV1Config(
      {
        schemaVersion: 1,
        defects: { issueTypes: ['Bug', 7], pauseStatuses: [' 10007 ', 'Waiting', null] },
        hygiene: { acceptanceCriteriaTypes: ['Story'] },
        checklists: { templates: [{ id: 'a', issueTypes: ['Task'] }, 'not a template', { id: 'b' }] },
      },
      null,
    );
    expect(document.defects).toEqual({ issueTypes: [{ untranslatedName: 'Bug' }, 7], pauseStatuses: [{ id: '10007' }, null] });
    expect(document.hygiene).toEqual({ acceptanceCriteriaTypes: [{ untranslatedName: 'Story' }] });
    expect(document.checklists).toEqual({ templates: [{ id: 'a', issueTypes: [{ untranslatedName: 'Task' }] }, 'not a template', { id: 'b' }] });
    expect(unresolved).toEqual([{ path: 'defects.pauseStatuses[1]', kind: 'status', name: 'Waiting', outcome: 'left out' }]);
  });

  it('leaves parts that are not what version 1 wrote as they are', () => {
    const { document, unresolved } = migrateV1Config({ schemaVersion: 1, defects: { issueTypes: 'Bug', targetHours: 'High', pauseStatuses: 'Waiting' }, hygiene: 'none', checklists: { templates: {} } }, null);
    expect(document).toEqual({ schemaVersion: 2, defects: { issueTypes: 'Bug', targetHours: 'High', pauseStatuses: 'Waiting' }, hygiene: 'none', checklists: { templates: {} } });
    expect(unresolved).toEqual([]);
    expect(migrateV1Config({ schemaVersion: 1, defects: ['x'] }, null).document).toEqual({ schemaVersion: 2, defects: ['x'] });
    expect(migrateV1Config({ schemaVersion: 1, defects: { targetHours: ['High'] } }, null)).toEqual({ document: { schemaVersion: 2, defects: { targetHours: ['High'] } }, unresolved: [] });
  });
});

describe('migrating against the site', () => {
  it('finds issue types by name or untranslated name, case-insensitively, and keeps the others by untranslated name, listed', () => {
    const { document, unresolved } = migrateV1Config(
      { schemaVersion: 1, defects: { issueTypes: ['bug ', 'история', 'Incident', 'Epic'] }, checklists: { templates: [{ issueTypes: ['Epic'] }] } },
      SITE,
    );
    expect((document.defects as { issueTypes: unknown }).issueTypes).toEqual([
      { id: '10004', name: 'Ошибка' },
      { id: '10001', name: 'История' },
      { id: '10009', name: 'Incident' },
      { untranslatedName: 'Epic' },
    ]);
    expect(unresolved).toEqual([
      { path: 'defects.issueTypes[3]', kind: 'issueType', name: 'Epic', outcome: 'kept as an untranslated name' },
      { path: 'checklists.templates[0].issueTypes[0]', kind: 'issueType', name: 'Epic', outcome: 'kept as an untranslated name' },
    ]);
  });

  it('finds priorities by the site\'s names only, with the site\'s name, and leaves out the default names it does not have', () => {
    const { document, unresolved } = migrateV1Config({ schemaVersion: 1, defects: { targetHours: { высокий: 72, BLOCKER: 4, Highest: 24 } } }, SITE);
    expect((document.defects as { targets: unknown }).targets).toEqual([
      { priority: { id: '2', name: 'Высокий' }, hours: 72 },
      { priority: { id: '10000', name: 'Blocker' }, hours: 4 },
    ]);
    expect(unresolved).toEqual([{ path: 'defects.targetHours.Highest', kind: 'priority', name: 'Highest', outcome: 'left out' }]);
  });

  it('finds pause statuses by name or untranslated name, and lists the others as left out', () => {
    const { document, unresolved } = migrateV1Config({ schemaVersion: 1, defects: { pauseStatuses: ['waiting for customer', 'BLOCKED', 'Ожидает клиента', 'On hold', '3', 'Tier 2', '2nd line'] } }, SITE);
    expect((document.defects as { pauseStatuses: unknown }).pauseStatuses).toEqual([
      { id: '10002', name: 'Ожидает клиента' },
      { id: '10005', name: 'Blocked' },
      { id: '10002', name: 'Ожидает клиента' },
      { id: '3' },
    ]);
    expect(unresolved).toEqual([
      { path: 'defects.pauseStatuses[3]', kind: 'status', name: 'On hold', outcome: 'left out' },
      { path: 'defects.pauseStatuses[5]', kind: 'status', name: 'Tier 2', outcome: 'left out' },
      { path: 'defects.pauseStatuses[6]', kind: 'status', name: '2nd line', outcome: 'left out' },
    ]);
  });

  it('lists an acceptance-criteria type it could not find by where it stood', () => {
    const { document, unresolved } = migrateV1Config({ schemaVersion: 1, hygiene: { acceptanceCriteriaTypes: ['Bug', 'Epic'] } }, SITE);
    expect(document.hygiene).toEqual({ acceptanceCriteriaTypes: [{ id: '10004', name: 'Ошибка' }, { untranslatedName: 'Epic' }] });
    expect(unresolved).toEqual([{ path: 'hygiene.acceptanceCriteriaTypes[1]', kind: 'issueType', name: 'Epic', outcome: 'kept as an untranslated name' }]);
  });
});
