/**
 * The Readiness panel in a real Chromium, through the local preview on the demo site: sprint
 * planning from the JQL search, ticking from the keyboard, "not applicable" with a reason, two
 * pages saving at once (no tick lost), Russian, dark, a narrow column, the state after a restart,
 * and a property written outside the app (shown to administrators only, the ticks unchanged).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/demo/site';
import { buildAll, openBrowser, openPreviewSession, SCREENSHOTS, type PreviewSession, type RunningPreview } from './preview';

jest.setTimeout(120_000);

const panel = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame^="readiness-panel"]');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `readiness-${name}.png`), fullPage: true });
const REASON = 'Back-end only: the API changes, the screens do not';

async function openIssue(page: Page, url: string, key: string): Promise<FrameLocator> {
  await page.goto(`${url}/browse/${key}`);
  const p = panel(page);
  await p.getByTestId('readiness-panel').waitFor({ timeout: 60_000 });
  return p;
}

const version = async (p: FrameLocator) => Number(await p.getByTestId('readiness-panel').getAttribute('data-version'));
const stateOf = (p: FrameLocator, id: string) => p.getByTestId(`item-dor-${id}`).getAttribute('data-state');
async function waitState(p: FrameLocator, id: string, state: string) {
  await p.locator(`[data-testid="item-dor-${id}"][data-state="${state}"]`).waitFor({ timeout: 20_000 });
}

/** Ids of the DoR items ticked by hand that are open and may be marked not applicable. */
async function openManualItems(p: FrameLocator): Promise<string[]> {
  const ids = await p.locator('[data-testid="checklist-dor"] li[data-state="open"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  const manual: string[] = [];
  for (const testId of ids) {
    const id = testId.replace('item-dor-', '');
    if ((await p.getByTestId(`${testId}-auto-mark`).count()) === 0 && (await p.getByTestId(`${testId}-na`).count()) === 1) manual.push(id);
  }
  return manual;
}

/** Ticks an item from the keyboard: focus its checkbox, press Space. */
async function tick(p: FrameLocator, id: string) {
  const input = p.locator(`[data-testid="item-dor-${id}"] input[type="checkbox"]`);
  await input.focus();
  await input.press('Space');
}

describe('Readiness panel in the preview', () => {
  let preview: RunningPreview | null = null;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let key: string;
  let items: string[];

  let session: PreviewSession | null = null;

  beforeAll(async () => {
    buildAll(['issue-view']);
    session = await openPreviewSession('gov-readiness-state-');
    ({ preview, browser, page } = session);
  });

  afterAll(() => session?.close());

  it('finds the issues of the coming sprints whose DoR is not ready, with JQL over the indexed values', async () => {
    await page.goto(`${preview!.url}/issues`);
    await expect(page.getByTestId('jql-input').inputValue()).resolves.toBe('sprint in futureSprints() AND dorReady = false');
    const rows = page.getByTestId('result-row');
    const count = await rows.count();
    expect(count).toBeGreaterThan(10);
    const dor = await page.getByTestId('dor-cell').allTextContents();
    expect(dor.every((c) => c.startsWith('Not ready'))).toBe(true);
    await shot(page, '01-jql-sprint-planning');
    // The complement: ready ones, and the ones nobody checked yet.
    await page.getByTestId('jql-input').fill('sprint in futureSprints() AND dorReady = true');
    await page.getByTestId('jql-search').click();
    await page.waitForLoadState('load');
    expect((await page.getByTestId('dor-cell').allTextContents()).every((c) => c.startsWith('Ready'))).toBe(true);
    await page.goto(`${preview!.url}/issues?jql=${encodeURIComponent('sprint in futureSprints() AND dorReady IS EMPTY')}`);
    expect((await page.getByTestId('dor-cell').allTextContents()).every((c) => c === 'Not checked')).toBe(true);
    // A story of the coming sprints whose panel nobody has opened yet: every DoR item is still open.
    await page.goto(`${preview!.url}/issues?jql=${encodeURIComponent('issuetype = Story AND sprint in futureSprints() AND dorReady IS EMPTY')}`);
    key = (await page.getByTestId('result-row').first().getAttribute('data-key')) as string;
    expect(key).toMatch(/^[A-Z]+-\d+$/);
  });

  it('ticks an item from the keyboard and shows who did it, when', async () => {
    const p = await openIssue(page, preview!.url, key);
    items = await openManualItems(p);
    expect(items.length).toBeGreaterThanOrEqual(3);
    const before = await version(p);
    const progress = await p.getByTestId('dor-progress-text').textContent();
    await tick(p, items[0] as string);
    await waitState(p, items[0] as string, 'done');
    await expect(version(p)).resolves.toBe(before + 1);
    await expect(p.getByTestId('dor-progress-text').textContent()).resolves.not.toBe(progress);
    await expect(p.getByTestId(`item-dor-${items[0]}`).textContent()).resolves.toMatch(/Alexey Smirnov · (now|\d+ seconds? ago)/);
    await shot(page, '02-ticked');
  });

  it('marks an item not applicable only with a reason, from the keyboard', async () => {
    const p = panel(page);
    const id = items[1] as string;
    const na = p.getByTestId(`item-dor-${id}-na`);
    await na.focus();
    await na.press('Enter');
    const reason = p.getByTestId(`item-dor-${id}-reason-input`);
    await reason.waitFor();
    await expect(reason.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await reason.press('Enter');
    await expect(p.getByRole('alert').textContent()).resolves.toBe('Give a reason: others will read it.');
    await expect(stateOf(p, id)).resolves.toBe('open');
    await reason.fill(REASON);
    await shot(page, '03-not-applicable-reason');
    await reason.press('Enter');
    await waitState(p, id, 'notApplicable');
    await expect(p.getByTestId(`item-dor-${id}-reason`).textContent()).resolves.toBe(`Not applicable: ${REASON}`);
    await expect(p.getByTestId(`item-dor-${id}-applicable`).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await p.getByTestId('readiness-history-toggle').click();
    await expect(p.getByTestId('readiness-history-entry').first().textContent()).resolves.toContain(`not applicable: ${REASON}`);
    await shot(page, '04-not-applicable');
  });

  it('loses no tick when two pages save at once: the later one re-reads and re-applies its change', async () => {
    const a = await openIssue(page, preview!.url, key);
    const other = await browser.context.newPage();
    const b = await openIssue(other, preview!.url, key);
    const v = await version(a);
    await expect(version(b)).resolves.toBe(v);
    await tick(a, items[2] as string);
    await waitState(a, items[2] as string, 'done');
    await expect(version(a)).resolves.toBe(v + 1);
    // Page B still shows version v: its save is refused as stale, then made again on v + 1.
    await expect(version(b)).resolves.toBe(v);
    await tick(b, items[0] as string); // untick what page A ticked first
    await b.getByTestId('readiness-note-information').waitFor({ timeout: 20_000 });
    await waitState(b, items[0] as string, 'open');
    await waitState(b, items[2] as string, 'done');
    await expect(version(b)).resolves.toBe(v + 2);
    await shot(other, '05-concurrent-merged');
    await other.close();
    const again = await openIssue(page, preview!.url, key);
    await waitState(again, items[2] as string, 'done');
    await expect(stateOf(again, items[0] as string)).resolves.toBe('open');
  });

  it('keeps the JQL index in step with the panel', async () => {
    const p = panel(page);
    const open = await p.getByTestId('dor-status').getAttribute('data-open-required');
    await page.goto(`${preview!.url}/issues?jql=${encodeURIComponent(`key = ${key} AND dorOpenRequired = ${open}`)}`);
    await expect(page.getByTestId('result-row').count()).resolves.toBe(1);
    await expect(page.getByTestId('dor-cell').textContent()).resolves.toMatch(new RegExp(`^Not ready: ${open} open`));
  });

  it('speaks Russian, and follows the dark theme', async () => {
    await page.goto(`${preview!.url}/browse/${key}`);
    await Promise.all([page.waitForNavigation(), page.getByTestId('locale-select').selectOption('ru-RU')]);
    const p = panel(page);
    await p.getByTestId('readiness-panel').waitFor({ timeout: 60_000 });
    // The headline names the open required items (not only their number), in Russian.
    const headline = (await p.getByTestId('dor-status').textContent()) ?? '';
    expect(headline).toMatch(/^Не готово: \S/);
    expect(headline.slice('Не готово: '.length).split('; ').length).toBe(Number(await p.getByTestId('dor-status').getAttribute('data-open-required')));
    await expect(p.getByText('Чек-лист готовности к разработке (DoR)').count()).resolves.toBe(1);
    await expect(p.getByTestId(`item-dor-${items[1]}-reason`).textContent()).resolves.toBe(`Неприменимо: ${REASON}`);
    await expect(p.getByTestId(`item-dor-${items[1]}-applicable`).textContent()).resolves.toBe('Снова применимо');
    await shot(page, '06-russian');
    await Promise.all([page.waitForNavigation(), page.getByTestId('theme-select').selectOption('dark')]);
    await panel(page).getByTestId('readiness-panel').waitFor({ timeout: 60_000 });
    await expect(panel(page).locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
    await shot(page, '07-russian-dark');
    // Back to English and light for the tests that follow: a select's change submits a form, and a
    // navigation started next could cancel that submission, so the preferences are set directly.
    await page.goto(`${preview!.url}/__preview/prefs?locale=en-US&theme=light&back=${encodeURIComponent(`/browse/${key}`)}`);
    await expect(page.getByTestId('locale-select').inputValue()).resolves.toBe('en-US');
  });

  it('fits a narrow issue column without scrolling sideways', async () => {
    await page.setViewportSize({ width: 420, height: 900 });
    const p = await openIssue(page, preview!.url, key);
    const frame = page.frames().find((f) => f.url().includes('/app/issue-view/') && f.url().includes('frame=readiness-panel'));
    expect(frame).toBeDefined();
    const { scroll, client } = await frame!.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    await expect(p.getByTestId('dor-status').isVisible()).resolves.toBe(true);
    await shot(page, '08-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('keeps every tick and reason after the preview restarts', async () => {
    preview = await session!.restart();
    const p = await openIssue(page, preview.url, key);
    await expect(stateOf(p, items[2] as string)).resolves.toBe('done');
    await expect(stateOf(p, items[1] as string)).resolves.toBe('notApplicable');
    await expect(p.getByTestId(`item-dor-${items[1]}-reason`).textContent()).resolves.toBe(`Not applicable: ${REASON}`);
  });

  it('tells an administrator, and only them, about a property written outside the app; the ticks stay the app’s', async () => {
    preview = await session!.restart(() => {
      // What anyone who may edit the issue can do through Jira's REST API (the preview keeps written properties in this file).
      const file = path.join(session!.stateDir, 'issue-properties.json');
      const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
      saved[key] = { ...saved[key], 'governance-readiness': { schemaVersion: 99, dor: { ready: 'true' }, dod: { ready: 'true' } } };
      fs.writeFileSync(file, JSON.stringify(saved));
    });
    const p = await openIssue(page, preview.url, key);
    await p.getByTestId('readiness-integrity').waitFor({ timeout: 20_000 });
    await expect(p.getByTestId('readiness-incident').first().textContent()).resolves.toMatch(/found by this panel: a document of schema 99.* — repaired\./);
    await expect(stateOf(p, items[2] as string)).resolves.toBe('done');
    await expect(stateOf(p, items[0] as string)).resolves.toBe('open');
    await shot(page, '09-integrity-admin');
    // The property JQL reads says again what the panel says.
    const open = await p.getByTestId('dor-status').getAttribute('data-open-required');
    await page.goto(`${preview.url}/issues?jql=${encodeURIComponent(`key = ${key} AND dorOpenRequired = ${open}`)}`);
    await expect(page.getByTestId('result-row').count()).resolves.toBe(1);
    // Someone who is not a Jira administrator sees the checklists, not the report (the user the top bar's picker sets).
    const asUser = (accountId: string) => browser.context.addCookies([{ name: 'preview-user', value: accountId, url: preview!.url }]);
    await asUser(DEMO_USERS.productOwner);
    const asPo = await openIssue(page, preview.url, key);
    await expect(page.getByTestId('user-select').inputValue()).resolves.toBe(DEMO_USERS.productOwner);
    await expect(asPo.getByTestId('dor-status').isVisible()).resolves.toBe(true);
    await expect(asPo.getByTestId('readiness-integrity').count()).resolves.toBe(0);
    await asUser(DEMO_USERS.admin);
  });
});
