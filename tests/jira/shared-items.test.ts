/**
 * Histories that repeat a change (the same status transition, the same sprint move) share one
 * frozen list of items, and only lists equal property by property are shared: the changelogs read
 * are the same values as without sharing.
 */
import { SharedItems } from '../../src/jira/changelogs';
import type { ChangelogItem } from '../../src/domain/jira';
import { generateHistory } from '../../src/domain/testing/generate';
import { buildSite, siteIssue } from '../emulator/fixture';
import { harness, type Harness } from './harness';

/** A status item, with some of its seven properties changed. */
const item = (o: Readonly<Record<string, string | null>> = {}): ChangelogItem =>
  ({ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10000', fromString: 'To Do', to: '3', toString: 'In Progress', ...o }) as ChangelogItem;

describe('SharedItems', () => {
  it('gives back the list met before for an equal list, frozen, so it cannot be written through one history', () => {
    const shared = new SharedItems();
    const first = shared.share([item()]);
    const second = shared.share([item()]);
    expect(second).toBe(first);
    expect(second).toEqual([item()]);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(() => (first as ChangelogItem[]).push(item())).toThrow(TypeError);
  });

  it('shares lists of several items only when every item is equal, in order', () => {
    const shared = new SharedItems();
    const a = shared.share([item(), item({ field: 'assignee', fieldId: 'assignee', from: null, fromString: null, to: 'u1', toString: 'Ann' })]);
    expect(shared.share([item(), item({ field: 'assignee', fieldId: 'assignee', from: null, fromString: null, to: 'u1', toString: 'Ann' })])).toBe(a);
    const reversed = [item({ field: 'assignee', fieldId: 'assignee', from: null, fromString: null, to: 'u1', toString: 'Ann' }), item()];
    expect(shared.share(reversed)).toBe(reversed);
  });

  it.each([
    ['field', { field: 'Status' }],
    ['fieldtype', { fieldtype: 'custom' }],
    ['fieldId', { fieldId: 'customfield_1' }],
    ['from', { from: '10001' }],
    ['fromString', { fromString: 'Backlog' }],
    ['to', { to: '4' }],
    ['toString', { toString: 'Done' }],
    ['null against an empty string', { from: '' }],
    ['a value against the text "null"', { from: 'null' }],
    // The quick look-up reads a value's length and its middle and last characters: these are alike.
    ['a value alike in its length and its middle and last characters', { from: '20000' }],
  ])('keeps a list apart that differs in %s', (_, change) => {
    const shared = new SharedItems();
    shared.share([item()]);
    const other = [item(change)];
    expect(shared.share(other)).toBe(other);
    expect(shared.share([item(change)])).toBe(other);
  });

  it('keeps apart an absent property and a null one, and values whose texts run together alike', () => {
    const shared = new SharedItems();
    const withNull = shared.share([item({ fieldId: null })]);
    const { fieldId: _omitted, ...rest } = item();
    const absent = [rest as ChangelogItem];
    expect(shared.share(absent)).toBe(absent);
    expect(shared.share([item({ fieldId: null })])).toBe(withNull);
    // "ab" + "c" and "a" + "bc" are the same characters in a row.
    const one = shared.share([item({ from: 'ab', fromString: 'c' })]);
    const two = [item({ from: 'a', fromString: 'bc' })];
    expect(shared.share(two)).toBe(two);
    expect(one).not.toBe(two);
  });

  it('finds a list again after another one took its place in the quick look-up', () => {
    const shared = new SharedItems();
    const a = shared.share([item({ to: '10001' })]);
    const b = shared.share([item({ to: '20001' })]);
    expect(b).not.toBe(a);
    expect(shared.share([item({ to: '10001' })])).toBe(a);
    expect(shared.share([item({ to: '20001' })])).toBe(b);
    expect(shared.share([item({ to: '10001' })])).toBe(a);
  });

  it('stops remembering new lists at its bound, and still gives back the ones it knows', () => {
    const shared = new SharedItems(2);
    const a = shared.share([item({ to: '1' })]);
    const b = shared.share([item({ to: '2' })]);
    const c = [item({ to: '3' })];
    expect(shared.share(c)).toBe(c);
    expect(Object.isFrozen(c)).toBe(false);
    expect(shared.share([item({ to: '3' })])).not.toBe(c);
    expect(shared.share([item({ to: '1' })])).toBe(a);
    expect(shared.share([item({ to: '2' })])).toBe(b);
  });

  it('leaves an empty list as it is', () => {
    const empty: ChangelogItem[] = [];
    expect(new SharedItems().share(empty)).toBe(empty);
  });
});

describe('bulk changelogs over HTTP', () => {
  let h: Harness;
  const move = (id: number) => generateHistory([{ at: '2026-03-03T10:00:00Z', field: 'status', from: '10000', to: '3' }], id);
  beforeAll(async () => {
    h = await harness(
      buildSite({
        pay: 0,
        web: 0,
        extra: [
          siteIssue({ key: 'PAY-1', id: '20001', histories: [move(100), generateHistory([{ at: '2026-03-04T10:00:00Z', field: 'status', from: '3', to: '10001' }], 101)] }),
          siteIssue({ key: 'PAY-2', id: '20002', histories: [move(200)] }),
        ],
      }),
    );
  });
  afterAll(() => h.close());

  it('gives two issues that made the same change one list of items, with the values Jira sent', async () => {
    const logs = await h.client.changelogs(
      [
        { key: 'PAY-1', id: '20001' },
        { key: 'PAY-2', id: '20002' },
      ],
      ['status'],
    );
    const one = logs.get('20001') ?? [];
    const two = logs.get('20002') ?? [];
    expect(one.map((x) => x.id)).toEqual(['100', '101']);
    expect(two.map((x) => x.id)).toEqual(['200']);
    expect(two[0]?.items).toBe(one[0]?.items);
    expect(one[1]?.items).not.toBe(one[0]?.items);
    expect(two[0]?.items).toEqual([expect.objectContaining({ field: 'status', fieldId: 'status', from: '10000', to: '3' })]);
    expect(one[1]?.items).toEqual([expect.objectContaining({ field: 'status', from: '3', to: '10001' })]);
  });
});
