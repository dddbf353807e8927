/**
 * Pages as Jira Cloud sends them: the parsed issues keep what the app reads, drop the decorations
 * Jira repeats in every issue and history (which would otherwise fill a function's memory), and
 * pass custom fields through. The benchmark's synthetic site is held to the same schemas.
 */
import { computeBoard, validatePages } from '../../bench/engine';
import { syntheticSite } from '../../bench/synthetic';
import { defaultConfig } from '../../src/domain/config';
import { parseSprintIds } from '../../src/domain/history';
import { BulkChangelogPage, SearchJqlPage } from '../../src/domain/jira';
import { SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID } from '../../src/domain/testing/generate';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const site = syntheticSite({ boards: 1, issuesPerBoard: 120, sprintsPerBoard: 10, historiesPerIssue: 20, now: NOW });
const board = site.boards[0]!;

describe('a search page as Jira Cloud returns it', () => {
  const raw = JSON.parse(board.searchPage(0)) as { issues: Record<string, unknown>[] };
  const page = SearchJqlPage.parse(raw);

  it('carries Jira’s decorations in the raw page (self links, avatars, icons)', () => {
    const text = board.searchPage(0);
    expect(text).toContain('"self":"https://bank.atlassian.net/rest/api/3/issue/');
    expect(text).toContain('"avatarUrls"');
    expect(text).toContain('"iconUrl"');
    expect(text).toContain('"colorName"');
  });

  it('keeps every value the metrics read', () => {
    const issue = page.issues.find((i) => i.fields.assignee)!;
    const source = raw.issues.find((i) => i.id === issue.id) as { fields: Record<string, { [k: string]: unknown }> };
    expect(issue.fields.status).toEqual({
      id: source.fields.status!.id,
      name: source.fields.status!.name,
      statusCategory: expect.objectContaining({ key: (source.fields.status!.statusCategory as { key: string }).key }),
    });
    expect(issue.fields.assignee?.accountId).toBe(source.fields.assignee!.accountId);
    expect(issue.fields.assignee?.displayName).toBe(source.fields.assignee!.displayName);
    expect(issue.fields.project).toEqual({ id: source.fields.project!.id, key: source.fields.project!.key, name: source.fields.project!.name });
    expect(issue.fields.priority?.name).toBe(source.fields.priority!.name);
    expect(issue.fields.issuetype.subtask).toBe(false);
  });

  it('drops the decorations of embedded objects but passes custom fields through whole', () => {
    for (const issue of page.issues) {
      expect(issue).not.toHaveProperty('self');
      expect(issue).not.toHaveProperty('expand');
      expect(issue.fields.status).not.toHaveProperty('self');
      expect(issue.fields.status.statusCategory).not.toHaveProperty('colorName');
      expect(issue.fields.issuetype).not.toHaveProperty('iconUrl');
      expect(issue.fields.project).not.toHaveProperty('avatarUrls');
      expect(issue.fields.priority).not.toHaveProperty('iconUrl');
      if (issue.fields.assignee) expect(issue.fields.assignee).not.toHaveProperty('avatarUrls');
      const fields = issue.fields as Record<string, unknown>;
      expect(fields).toHaveProperty(STORY_POINTS_FIELD_ID);
      for (const s of fields[SPRINT_FIELD_ID] as Record<string, unknown>[]) expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'state', 'boardId', 'goal', 'startDate', 'endDate']));
    }
  });

  it('drops history authors’ avatars and keeps who made the change', () => {
    const changelog = BulkChangelogPage.parse(JSON.parse(board.changelogPage(0)));
    const history = changelog.issueChangeLogs[0]!.changeHistories[0]!;
    expect(Object.keys(history.author!).sort()).toEqual(['accountId', 'active', 'displayName']);
    expect(history.items.length).toBe(1);
  });
});

describe('the benchmark’s synthetic board', () => {
  it('validates with the client’s schemas and reports all its sprints', () => {
    const search = Array.from({ length: board.searchPageCount }, (_, p) => JSON.parse(board.searchPage(p)) as unknown);
    const changelogs = Array.from({ length: board.changelogPageCount }, (_, p) => JSON.parse(board.changelogPage(p)) as unknown);
    const data = validatePages(search, changelogs);
    expect(data.issues).toHaveLength(120);
    expect([...data.changelogs.values()].every((h) => h.length === 20)).toBe(true);
    const report = computeBoard(site, board, data, defaultConfig());
    expect(report.convergence.sprints).toHaveLength(10);
    expect(report.convergence.sprints.some((s) => s.committed.count > 0)).toBe(true);
    expect(report.hygiene.scanned).toBeGreaterThan(0);
  });
});

describe('Jira’s decorations change no figure', () => {
  it('gives the same report from the pages as Jira sends them and from pages cut to what the metrics read', () => {
    const lean = syntheticSite({ boards: 1, issuesPerBoard: 120, sprintsPerBoard: 10, historiesPerIssue: 20, now: NOW, lean: true });
    const leanBoard = lean.boards[0]!;
    const load = (b: typeof board) =>
      validatePages(
        Array.from({ length: b.searchPageCount }, (_, p) => JSON.parse(b.searchPage(p)) as unknown),
        Array.from({ length: b.changelogPageCount }, (_, p) => JSON.parse(b.changelogPage(p)) as unknown),
      );
    expect(leanBoard.searchPage(0).length).toBeLessThan(board.searchPage(0).length / 2);
    const full = computeBoard(site, board, load(board), defaultConfig());
    const cut = computeBoard(lean, leanBoard, load(leanBoard), defaultConfig());
    expect(cut).toEqual(full);
  });
});

describe('Sprint values read once and shared', () => {
  it('gives the same ids for a value read again, and after many other values', () => {
    const first = parseSprintIds('101, 102');
    expect(parseSprintIds('101, 102')).toEqual([101, 102]);
    for (let i = 0; i < 5_000; i++) expect(parseSprintIds(`${i}, ${i + 1}`)).toEqual([i, i + 1]);
    expect(parseSprintIds('101, 102')).toEqual([101, 102]);
    expect(first).toEqual([101, 102]);
    expect(parseSprintIds('7,bad, 8')).toEqual([7, 8]);
  });
});
