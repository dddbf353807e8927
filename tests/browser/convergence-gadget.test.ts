/**
 * The convergence gadget in a real Chromium, through the local preview on the demo site: configure
 * it, read the figures (checked against the engine run directly), open a drill-down, switch to
 * Russian and to the dark theme, and find the settings again after a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { parseConfigOrThrow } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import type { ConvergenceReport } from '../../src/domain/report';
import { DEMO_NOW, DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { startEmulator } from '../../src/emulator/server';
import { createJiraClient } from '../../src/jira/client';
import { governanceReport } from '../../src/services/report';
import { buildAll, openBrowser, openPreviewSession, SCREENSHOTS, type PreviewSession, type RunningPreview } from './preview';
import { emulatorTransport } from '../../src/emulator/acting-as';

jest.setTimeout(240_000);

const BOARDS = [1, 2];
const DAY = 86_400_000;
const pct = (r: number | null, locale = 'en-GB') => (r === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(r));

async function expectedReport(): Promise<ConvergenceReport> {
  const emulator = await startEmulator(buildDemoSite());
  try {
    const client = createJiraClient(emulatorTransport(emulator.url, DEMO_USERS.admin));
    const now = parseInstant(DEMO_NOW);
    const report = await governanceReport(client, { boardIds: BOARDS, sprints: 6, now, from: now - 30 * DAY, to: now, config: parseConfigOrThrow(demoConfig()), rollup: null });
    return report.convergence;
  } finally {
    await emulator.close();
  }
}

const gadget = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame^="backlog-convergence"]');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('backlog convergence gadget in the preview', () => {
  let stateDir: string;
  let preview: RunningPreview | null = null;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let expected: ConvergenceReport;

  let session: PreviewSession | null = null;

  beforeAll(async () => {
    buildAll();
    [session, expected] = await Promise.all([openPreviewSession('gov-preview-state-'), expectedReport()]);
    ({ stateDir, preview, browser, page } = session);
  });

  afterAll(() => session?.close());

  it('builds every resource folder the manifest names', () => {
    const manifest = fs.readFileSync(path.resolve(__dirname, '../../manifest.yml'), 'utf8');
    const paths = [...manifest.matchAll(/path: (static\/dist\/[\w-]+)/g)].map((m) => m[1] as string);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(fs.existsSync(path.resolve(__dirname, '../..', p, 'index.html'))).toBe(true);
  });

  it('asks an unconfigured gadget for boards', async () => {
    await page.goto(`${preview!.url}/dashboard`);
    await expect(gadget(page).getByText('Choose boards to see convergence').isVisible({ timeout: 30_000 })).resolves.toBe(true);
    await gadget(page).getByText('Choose boards to see convergence').waitFor();
    await shot(page, '01-not-configured');
  });

  it('is configured in edit mode and saved with view.submit', async () => {
    await page.getByTestId('gadget-edit-link').click();
    const form = gadget(page);
    await form.getByTestId('gadget-edit').waitFor({ timeout: 30_000 });
    for (const name of ['PAY board', 'PAYM board']) {
      await form.locator('#boards').fill(name);
      await form.getByText(`${name} (${name.split(' ')[0]})`, { exact: true }).last().click();
    }
    await form.locator('#sprints').fill('6');
    await form.locator('#target').fill('95');
    await shot(page, '02-edit');
    await form.getByTestId('save').click();
    await page.waitForURL(/\/dashboard$/);
    const saved = JSON.parse(fs.readFileSync(path.join(stateDir, 'gadgets.json'), 'utf8'));
    expect(saved['1']).toEqual({ boardIds: BOARDS, rollup: null, sprints: 6, basis: 'issues', target: 0.95 });
  });

  it('shows the chart, the figures and the table of the demo site, as the engine computes them', async () => {
    const view = gadget(page);
    await view.getByTestId('sprint-table').waitFor({ timeout: 60_000 });
    await expect(view.getByTestId('chart-bar').count()).resolves.toBe(expected.sprints.length);
    await expect(view.getByTestId('target-line').count()).resolves.toBe(1);
    await expect(view.getByTestId('figure-overall-value').textContent()).resolves.toBe(pct(expected.overall.convergence.issues));
    await expect(view.getByTestId('figure-overall').getAttribute('data-status')).resolves.toBe(expected.overall.status ?? 'none');
    const rows = view.getByTestId('sprint-row');
    await expect(rows.count()).resolves.toBe(expected.sprints.length);
    for (const [i, s] of expected.sprints.entries()) {
      const row = rows.nth(i);
      await expect(row.getAttribute('data-sprint')).resolves.toBe(s.name);
      await expect(row.locator('[data-column="committed"]').textContent()).resolves.toBe(String(s.committed.count));
      await expect(row.locator('[data-column="completedCommitted"]').textContent()).resolves.toBe(String(s.completedCommitted.count));
      await expect(row.locator('[data-column="added"]').textContent()).resolves.toBe(String(s.added.count));
      await expect(row.locator('[data-column="removed"]').textContent()).resolves.toBe(String(s.removed.count));
      await expect(row.locator('[data-column="notCompleted"] [data-testid="set-count"]').textContent()).resolves.toBe(String(s.notCompleted.count));
      // Of those, the ones Jira moved to the next sprint when it closed, as Jira's sprint report counts them.
      const moved = row.locator('[data-column="notCompleted"] [data-testid="moved-to-next"]');
      await expect(moved.count()).resolves.toBe(s.movedToNextSprint.count > 0 ? 1 : 0);
      if (s.movedToNextSprint.count > 0) await expect(moved.textContent()).resolves.toBe(`${s.movedToNextSprint.count} to next sprint`);
      await expect(row.getByTestId('provisional').count()).resolves.toBe(s.provisional ? 1 : 0);
    }
    await shot(page, '03-view');
  });

  it('opens the issues behind a number, linking to each issue', async () => {
    const view = gadget(page);
    const first = expected.sprints.find((s) => s.state === 'closed' && s.added.count > 0) ?? expected.sprints[0]!;
    const row = view.locator(`[data-testid="sprint-row"][data-sprint="${first.name}"]`);
    const set = first.added.count > 0 ? 'added' : 'committed';
    await row.locator(`[data-column="${set}"] button`).click();
    const list = view.getByTestId('drill-list');
    await list.waitFor({ timeout: 30_000 });
    const keys = await list.locator('a').allTextContents();
    expect(keys).toEqual(first[set].issues);
    await expect(list.locator('a').first().getAttribute('href')).resolves.toMatch(new RegExp(`/browse/${first[set].issues[0]}$`));
    await shot(page, '04-drill-down');
    // router.open: Jira opens the issue in a new tab.
    const opened = browser.context.waitForEvent('page');
    await list.locator('a').first().click();
    const tab = await opened;
    await tab.waitForURL(new RegExp(`/browse/${first[set].issues[0]}$`));
    await tab.getByTestId('issue-summary').waitFor();
    await tab.close();
  });

  it('speaks Russian when the Jira locale is Russian', async () => {
    await page.goto(`${preview!.url}/dashboard`);
    await page.getByTestId('locale-select').selectOption('ru-RU');
    await page.waitForLoadState('load');
    const view = gadget(page);
    await view.getByTestId('sprint-table').waitFor({ timeout: 60_000 });
    await expect(view.getByText('Выполнено из взятых').count()).resolves.toBe(1);
    await expect(view.getByTestId('figure-overall-value').textContent()).resolves.toBe(pct(expected.overall.convergence.issues, 'ru-RU'));
    await shot(page, '05-russian');
  });

  it('follows the dark theme', async () => {
    await page.getByTestId('theme-select').selectOption('dark');
    await page.waitForLoadState('load');
    const view = gadget(page);
    await view.getByTestId('sprint-table').waitFor({ timeout: 60_000 });
    await expect(view.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
    const background = await view.locator('[data-testid="figure-overall"]').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await shot(page, '06-dark');
  });

  it('keeps the gadget settings after the preview restarts', async () => {
    preview = await session!.restart();
    await page.goto(`${preview.url}/dashboard`);
    await gadget(page).getByTestId('sprint-table').waitFor({ timeout: 60_000 });
    await expect(gadget(page).getByTestId('sprint-row').count()).resolves.toBe(expected.sprints.length);
  });
});
