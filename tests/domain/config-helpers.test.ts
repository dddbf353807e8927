/**
 * What the configuration's helpers decide for everyone who reads a figure: which issue types a
 * reference names, how a reference reads, the status a ratio earns against its target, and how a
 * problem's place in the document is written.
 */
import { bankExampleConfig } from '../../src/domain/bank-example';
import { ConfigError, formatPath, isTimeZone, matchesIssueType, parseConfig, parseConfigOrThrow, refLabel, targetStatus } from '../../src/domain/config';

describe('which issue types a reference names', () => {
  const bug = { id: '10004', name: 'Ошибка', untranslatedName: 'Bug' };

  it('names a type by its id, whatever its names', () => {
    expect(matchesIssueType([{ id: '10004' }], bug)).toBe(true);
    expect(matchesIssueType([{ id: '10005' }], bug)).toBe(false);
    expect(matchesIssueType([{ id: '10005', untranslatedName: 'Bug' }], bug)).toBe(false);
  });

  it('names a type by its untranslated name in any case, or by its name where Jira gave no untranslated one', () => {
    expect(matchesIssueType([{ untranslatedName: 'BUG' }], bug)).toBe(true);
    expect(matchesIssueType([{ untranslatedName: 'Ошибка' }], bug)).toBe(false);
    expect(matchesIssueType([{ untranslatedName: 'bug' }], { id: '1', name: 'Bug' })).toBe(true);
    expect(matchesIssueType([{ untranslatedName: 'bug' }], { id: '1', name: 'Bug', untranslatedName: null })).toBe(true);
    expect(matchesIssueType([{ untranslatedName: 'Story' }], bug)).toBe(false);
  });

  it('is any of several references, and none of none', () => {
    expect(matchesIssueType([{ id: '1' }, { untranslatedName: 'Story' }, { untranslatedName: 'Bug' }], bug)).toBe(true);
    expect(matchesIssueType([{}, { id: '1' }], bug)).toBe(false);
    expect(matchesIssueType([], bug)).toBe(false);
  });
});

describe('how a reference reads', () => {
  it('is its display name, else its untranslated name, else its id', () => {
    expect(refLabel({ id: '2', name: 'High', untranslatedName: 'x' })).toBe('High');
    expect(refLabel({ untranslatedName: 'Bug' })).toBe('Bug');
    expect(refLabel({ id: '10004' })).toBe('#10004');
    expect(refLabel({})).toBe('#?');
  });
});

describe('the status a ratio earns', () => {
  it('is met at or above the target, near within the band below it, else missed, and none without a ratio', () => {
    expect(targetStatus(0.95, 0.95, 0.1)).toBe('met');
    expect(targetStatus(1, 0.95, 0.1)).toBe('met');
    expect(targetStatus(0.9499, 0.95, 0.1)).toBe('near');
    expect(targetStatus(0.85, 0.9, 0.05)).toBe('near');
    expect(targetStatus(0.8499, 0.9, 0.05)).toBe('missed');
    expect(targetStatus(0, 0.95, 0)).toBe('missed');
    expect(targetStatus(null, 0.95, 0.1)).toBeNull();
  });
});

describe('where a problem is', () => {
  it('is written as a path people read, the document itself by name', () => {
    expect(formatPath(['products', 2, 'match', 'labels', 0])).toBe('products[2].match.labels[0]');
    expect(formatPath([0, 'x'])).toBe('[0].x');
    expect(formatPath([])).toBe('(root)');
    expect(formatPath([], 'the document')).toBe('the document');
  });
});

describe('a configuration refused', () => {
  it('throws with every problem in its message', () => {
    const c = JSON.parse(JSON.stringify(bankExampleConfig())) as { timeZone: string; hygiene: { staleDays: number } };
    c.timeZone = 'Nowhere/Town';
    c.hygiene.staleDays = 0;
    let error: unknown;
    try {
      parseConfigOrThrow(c);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.name).toBe('ConfigError');
    expect(e.errors).toEqual([expect.stringMatching(/^timeZone: /), expect.stringMatching(/^hygiene\.staleDays: /)]);
    expect(e.message).toBe(`invalid governance configuration: ${e.errors.join('; ')}`);
  });

  it('names a checklist template id used twice', () => {
    const c = JSON.parse(JSON.stringify(bankExampleConfig())) as { checklists: { templates: { id: string }[] } };
    (c.checklists.templates[1] as { id: string }).id = (c.checklists.templates[0] as { id: string }).id;
    expect(parseConfig(c)).toEqual({ ok: false, errors: ['checklists.templates: template id "dor-default" is used twice'] });
  });

  it('knows a time zone by its IANA name only', () => {
    expect([isTimeZone('Europe/Moscow'), isTimeZone('UTC'), isTimeZone('Mars/Olympus'), isTimeZone('')]).toEqual([true, true, false, false]);
  });

  it('names a type by both an untranslated and a display name as a problem of the display name', () => {
    const c = JSON.parse(JSON.stringify(bankExampleConfig())) as { defects: { issueTypes: unknown[] } };
    c.defects.issueTypes = [{ untranslatedName: 'Bug', name: 'Ошибка' }];
    expect(parseConfig(c)).toEqual({ ok: false, errors: ['defects.issueTypes[0].name: a type named by untranslatedName needs no display name'] });
  });
});
