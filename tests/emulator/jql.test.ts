/** The emulator's JQL: the subset the app and its users write, with Jira's semantics and errors. */
import { compileJql } from '../../src/emulator/jql-eval';
import { JqlError } from '../../src/emulator/jql-parse';
import { SiteIndex } from '../../src/emulator/site-index';
import { STATUSES } from '../../src/domain/testing/generate';
import { buildSite, siteIssue, USERS } from './fixture';

const site = buildSite({
  pay: 12,
  web: 2,
  extra: [
    siteIssue({ key: 'WEB-3', id: '30003', type: 'Story', components: ['API'], status: STATUSES.inProgress, properties: { dor: { ready: true, score: 3 } } }),
  ],
});
const index = new SiteIndex(site);
const NOW = Date.parse('2026-03-20T12:00:00Z');

function keys(jql: string, user: keyof typeof USERS = 'admin'): string[] {
  const compiled = compileJql(jql, { index, user: USERS[user], now: NOW });
  return index.visibleIssues(USERS[user]).filter(compiled.matches).sort(compiled.compare).map((i) => i.key);
}
const pay = (...ns: number[]) => ns.map((n) => `PAY-${n}`);

describe('clauses', () => {
  it('project, issue type, key and id', () => {
    expect(keys('project = WEB')).toEqual(['WEB-1', 'WEB-2', 'WEB-3']);
    expect(keys('project in (web, Payments) AND issuetype = Bug')).toEqual(['WEB-1', 'WEB-2']);
    expect(keys('issuetype in (Story) AND project = WEB')).toEqual(['WEB-3']);
    expect(keys('key in (PAY-10, WEB-2, PAY-9)')).toEqual(['PAY-9', 'PAY-10', 'WEB-2']);
    expect(keys('id = 20003 OR issuekey = pay-4')).toEqual(pay(3, 4));
  });

  it('sprints by id, by name and by function, and EMPTY', () => {
    expect(keys('sprint = 2')).toEqual(pay(2, 4, 6, 8, 10, 12));
    expect(keys('sprint in (2, 4)')).toEqual([...pay(2, 4, 6, 8, 10, 12), 'WEB-1', 'WEB-2']);
    expect(keys('sprint in openSprints() AND project = WEB')).toEqual(['WEB-1', 'WEB-2']);
    expect(keys('sprint is EMPTY')).toEqual(['WEB-3']);
    expect(keys('sprint in futureSprints()')).toEqual([]);
  });

  it('status and status category', () => {
    expect(keys('statusCategory = Done')).toEqual(pay(3, 6, 9, 12));
    expect(keys('statusCategory != Done AND project = WEB')).toEqual(['WEB-1', 'WEB-2', 'WEB-3']);
    expect(keys('status = "In Progress"')).toEqual(['WEB-3']);
    expect(keys('statusCategory in ("To Do", indeterminate) AND project = WEB')).toEqual(['WEB-1', 'WEB-2', 'WEB-3']);
  });

  it('dates, absolute and relative, in UTC', () => {
    // PAY-n was updated n days after 2026-03-02T09:00Z.
    expect(keys('updated >= "2026-03-12" AND project = PAY')).toEqual(pay(10, 11, 12));
    expect(keys('updated < "2026-03-04 09:00"')).toEqual([...pay(1), 'WEB-1', 'WEB-2', 'WEB-3']);
    expect(keys('updated >= -9d')).toEqual(pay(10, 11, 12)); // now is 2026-03-20T12:00Z
  });

  it('labels and components; != and NOT IN never match an empty field, as in Jira', () => {
    expect(keys('labels = backend AND key in (PAY-1, PAY-2, PAY-3)')).toEqual(pay(1, 3));
    expect(keys('labels != backend')).toEqual([]);
    expect(keys('labels is EMPTY AND project = WEB')).toEqual(['WEB-1', 'WEB-2', 'WEB-3']);
    expect(keys('component = API')).toEqual(['WEB-3']);
    expect(keys('component not in (API)')).toEqual([]);
  });

  it('numbers by field name or cf[id], and entity properties', () => {
    expect(keys('"Story point estimate" > 10')).toEqual(pay(11, 12));
    expect(keys('cf[10016] <= 2')).toEqual(pay(1, 2));
    expect(keys('issue.property[dor].ready = true')).toEqual(['WEB-3']);
    expect(keys('issue.property[dor].score >= 3')).toEqual(['WEB-3']);
    expect(keys('issue.property[dor].ready != true')).toEqual([]);
  });

  it('saved filters by id or name', () => {
    expect(keys('filter = 10001')).toEqual(['WEB-1', 'WEB-2', 'WEB-3']);
    expect(keys('filter = "WEB board filter" AND issuetype = Story')).toEqual(['WEB-3']);
    expect(keys('filter != 10000 AND issuetype = Bug')).toEqual(['WEB-1', 'WEB-2']);
  });
});

describe('logic and order', () => {
  it('AND binds tighter than OR; NOT and parentheses', () => {
    expect(keys('project = WEB AND issuetype = Story OR key = PAY-1')).toEqual(['PAY-1', 'WEB-3']);
    expect(keys('project = WEB AND (issuetype = Story OR key = PAY-1)')).toEqual(['WEB-3']);
    expect(keys('project = WEB AND NOT issuetype = Bug')).toEqual(['WEB-3']);
    expect(keys('NOT (project = PAY OR issuetype = Bug)')).toEqual(['WEB-3']);
  });

  it('orders by key numerically by default, and by the ORDER BY fields', () => {
    expect(keys('project = PAY').slice(8)).toEqual(pay(9, 10, 11, 12));
    expect(keys('project = PAY ORDER BY created DESC').slice(0, 3)).toEqual(pay(12, 11, 10));
    expect(keys('project = PAY AND key in (PAY-1, PAY-2) ORDER BY Rank ASC')).toEqual(pay(1, 2));
    expect(keys('key in (PAY-1, PAY-2, PAY-3) ORDER BY statusCategory DESC, key DESC')).toEqual(pay(2, 1, 3));
  });
});

describe('errors read like Jira’s', () => {
  const error = (jql: string, user: keyof typeof USERS = 'admin') => {
    try {
      keys(jql, user);
    } catch (e) {
      if (e instanceof JqlError) return e.message;
      throw e;
    }
    return 'no error';
  };

  it('names the unknown field, value, function or syntax', () => {
    expect(error('colour = red')).toBe("Field 'colour' does not exist or you do not have permission to view it.");
    expect(error('project = NOPE')).toBe("The value 'NOPE' does not exist for the field 'project'.");
    expect(error('status = Nowhere')).toBe("The value 'Nowhere' does not exist for the field 'status'.");
    expect(error('sprint = 99')).toBe("The value '99' does not exist for the field 'sprint'.");
    expect(error('filter = 4242')).toMatch(/'4242' does not exist for the field 'filter'/);
    expect(error('sprint in mySprints()')).toMatch(/Unable to find JQL function 'mySprints\(\)'/);
    expect(error('updated > "yesterday"')).toMatch(/Date value 'yesterday' for field 'updated' is invalid/);
    expect(error('project PAY')).toMatch(/Expecting operator but got 'PAY'/);
    expect(error('project = PAY AND')).toMatch(/before the end of the query/);
    expect(error('status ~ Done')).toMatch(/operator '~' is not supported by the 'status' field/);
    expect(error('summary = "x"')).toMatch(/operator '=' is not supported by the 'summary' field/);
  });

  it('treats a project the user may not browse as one that does not exist', () => {
    expect(error('project = WEB', 'dev')).toBe("The value 'WEB' does not exist for the field 'project'.");
    expect(keys('issuetype = Bug', 'dev')).toEqual([]);
  });
});
