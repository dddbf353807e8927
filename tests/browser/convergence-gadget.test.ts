/**
 * The convergence gadget in a real Chromium, through the local preview on the demo site, over
 * three boards: configure it, read the headline, the per-board rows, the chart and the table
 * (checked against the engine run directly), open a number's issues in a Forge modal, read it in
 * a ~400 px gadget (a three-column dashboard) and at 1440 px, in English and Russian, light and
 * dark, with axe-core's accessibility checks; the project page's convergence tab; and find the
 * settings again after a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { parseConfigOrThrow } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import type { ConvergenceReport, SprintConvergence } from '../../src/domain/report';
import { DEMO_NOW, DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { startEmulator } from '../../src/emulator/server';
import { createJiraClient } from '../../src/jira/client';
import { governanceReport } from '../../src/services/report';
import { buildAll, openBrowser, openPreviewSession, ROOT, SCREENSHOTS, type PreviewSession, type RunningPreview } from './preview';
import { emulatorTransport } from '../../src/emulator/acting-as';

jest.setTimeout(300_000);

const BOARDS = [1, 2, 3];
const BOARD_NAMES = ['PAY board', 'PAYM board', 'PAYA board'];
const DAY = 86_400_000;
const NOW = parseInstant(DEMO_NOW);
const pct = (r: number | null, locale = 'en-GB') => (r === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(r));
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Expected {
  report: ConvergenceReport;
  /** The end Jira plans for each active sprint, by sprint id. */
  plannedEnds: Map<number, string>;
}

async function expectedFigures(boardIds: number[], sprints: number): Promise<Expected> {
  const emulator = await startEmulator(buildDemoSite());
  try {
    const client = createJiraClient(emulatorTransport(emulator.url, DEMO_USERS.admin));
    const report = await governanceReport(client, { boardIds, sprints, now: NOW, from: NOW - 30 * DAY, to: NOW, config: parseConfigOrThrow(demoConfig()), rollup: null });
    const plannedEnds = new Map<number, string>();
    for (const b of boardIds) for (const s of await client.sprints(b, ['active'])) if (s.endDate) plannedEnds.set(s.id, s.endDate);
    return { report: report.convergence, plannedEnds };
  } finally {
    await emulator.close();
  }
}

/** The gadget's own frame (a modal it opens runs as the same module, in a frame of its own). */
const GADGET_FRAME = 'iframe[data-frame^="backlog-convergence"]:not([data-modal-of])';
const gadget = (page: Page): FrameLocator => page.frameLocator(GADGET_FRAME);
const modal = (page: Page): FrameLocator => page.frameLocator('[data-testid="forge-modal"] iframe');
const frameOf = (page: Page, resource: string): Frame => {
  const f = page.frames().find((x) => x.url().includes(`/app/${resource}/`));
  if (!f) throw new Error(`no ${resource} frame`);
  return f;
};
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `convergence-${name}.png`), fullPage: true });

/** Text drawn smaller than 11 px as the reader sees it (SVG text scaled with its viewBox counts as scaled). */
function tinyText(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || text === '' || el.closest('[hidden], style, script, .gv-sr')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      let size = parseFloat(getComputedStyle(el).fontSize);
      const svg = el.closest('svg');
      if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      if (size < 11) out.push(`${size.toFixed(1)}px "${text.slice(0, 30)}"`);
    }
    return out;
  });
}

/** axe-core's WCAG 2.1 A/AA rules, plus heading order and empty table headers, in one frame. */
async function axe(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ content: AXE });
  return frame.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ passes: unknown[]; violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run;
    const r = await run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'heading-order': { enabled: true }, 'empty-table-header': { enabled: true }, 'empty-heading': { enabled: true } },
    });
    // The rules really ran: a page with nothing checked would pass too.
    if (r.passes.length < 10) return [`only ${r.passes.length} rules passed: axe did not check the page`];
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')})`);
  });
}

const ownActive = (report: ConvergenceReport, board: number) => report.sprints.filter((s) => s.boardId === board && s.state === 'active' && !s.shared);
const ownLastClosed = (report: ConvergenceReport, board: number) => report.sprints.filter((s) => s.boardId === board && s.state === 'closed' && !s.shared).sort((a, b) => Date.parse(b.end) - Date.parse(a.end))[0];
const daysLeft = (e: Expected, s: SprintConvergence) => Math.ceil((Date.parse(e.plannedEnds.get(s.sprintId) as string) - NOW) / DAY);

describe('backlog convergence gadget in the preview', () => {
  let stateDir: string;
  let preview: RunningPreview | null = null;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let expected: Expected;
  let session: PreviewSession | null = null;
  const prefs = async (locale: 'en-US' | 'ru-RU', theme: 'light' | 'dark') => {
    await page.goto(`${preview!.url}/__preview/prefs?locale=${locale}&theme=${theme}&back=/dashboard`);
  };
  const openDashboard = async (columns: 1 | 3) => {
    await page.goto(`${preview!.url}/dashboard${columns === 3 ? '?columns=3' : ''}`);
    await gadget(page).getByTestId('convergence-body').waitFor({ timeout: 90_000 });
    // Settled: the frame has reported its height to the host page.
    await page.waitForTimeout(500);
  };

  beforeAll(async () => {
    buildAll();
    [session, expected] = await Promise.all([openPreviewSession('gov-preview-state-'), expectedFigures(BOARDS, 6)]);
    ({ stateDir, preview, browser, page } = session);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  afterAll(() => session?.close());

  it('builds every resource folder the manifest names', () => {
    const manifest = fs.readFileSync(path.resolve(__dirname, '../../manifest.yml'), 'utf8');
    const paths = [...manifest.matchAll(/path: (static\/dist\/[\w-]+)/g)].map((m) => m[1] as string);
    expect(paths).toContain('static/dist/drill-modal');
    for (const p of paths) expect(fs.existsSync(path.resolve(__dirname, '../..', p, 'index.html'))).toBe(true);
  });

  it('asks an unconfigured gadget for boards', async () => {
    await page.goto(`${preview!.url}/dashboard`);
    await gadget(page).getByText('Choose boards to see convergence').waitFor({ timeout: 30_000 });
    await shot(page, '01-not-configured');
  });

  it('is configured in edit mode and saved with view.submit', async () => {
    await page.getByTestId('gadget-edit-link').click();
    const form = gadget(page);
    await form.getByTestId('gadget-edit').waitFor({ timeout: 30_000 });
    for (const name of BOARD_NAMES) {
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

  it('leads with one figure and what it means, then one row per board, never a blended “current sprint”', async () => {
    await openDashboard(1);
    const view = gadget(page);
    const r = expected.report;
    await expect(view.getByTestId('figure-overall-value').textContent()).resolves.toBe(pct(r.overall.convergence.issues));
    await expect(view.getByTestId('figure-overall').getAttribute('data-status')).resolves.toBe(r.overall.status ?? 'none');
    const closedPerBoard = BOARDS.map((b) => r.sprints.filter((s) => s.boardId === b && s.state === 'closed').length);
    expect(new Set(closedPerBoard)).toEqual(new Set([6]));
    await expect(view.getByTestId('headline-meaning').textContent()).resolves.toBe('Share of committed issues completed in the last 6 closed sprints of each of the 3 boards.');
    await expect(view.getByText(/current sprint/i).count()).resolves.toBe(0);
    // How it is calculated: an in-app disclosure, exact to docs/metrics.md.
    const how = view.getByTestId('how-calculated');
    await expect(how.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(view.getByTestId('how-calculated-text').isVisible()).resolves.toBe(false);
    await how.click();
    await expect(how.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(view.getByTestId('how-calculated-text').textContent()).resolves.toMatch(/Convergence = completed of committed ÷ committed.*Target 95%: met at or above it, near within 10 points below it, missed below that/);

    const rows = view.getByTestId('board-headline');
    await expect(rows.count()).resolves.toBe(BOARDS.length);
    await expect(view.getByTestId('board-closed-caption').textContent()).resolves.toBe('Last 6 closed sprints');
    for (const [i, board] of BOARDS.entries()) {
      const row = rows.nth(i);
      await expect(row.textContent()).resolves.toContain(BOARD_NAMES[i] as string);
      // Its running sprint: in progress, the share done so far and the days left, never "missed".
      const active = ownActive(r, board);
      expect(active.length).toBe(1);
      const running = row.locator('[data-testid="board-running"][data-state="running"]');
      await expect(running.count()).resolves.toBe(1);
      await expect(running.getAttribute('data-sprint')).resolves.toBe(active[0]!.name);
      await expect(running.getByTestId('board-running-figure').textContent()).resolves.toBe(`${pct(active[0]!.convergence.issues)} done so far · ${daysLeft(expected, active[0]!)} days left`);
      await expect(running.textContent()).resolves.not.toMatch(/missed|near target|target met/i);
      // Its last closed sprint, judged.
      const last = ownLastClosed(r, board)!;
      const lastRow = row.getByTestId('board-last');
      await expect(lastRow.getAttribute('data-sprint')).resolves.toBe(last.name);
      await expect(lastRow.getAttribute('data-status')).resolves.toBe(last.status ?? 'none');
      await expect(lastRow.getByTestId('board-last-value').textContent()).resolves.toBe(pct(last.convergence.issues));
      // Its closed sprints as one figure: the sums divided, as the engine adds them up.
      const closed = r.sprints.filter((s) => s.boardId === board && s.state === 'closed');
      const ratio = closed.reduce((n, s) => n + s.completedCommitted.count, 0) / closed.reduce((n, s) => n + s.committed.count, 0);
      await expect(row.getByTestId('board-closed').locator('span').first().textContent()).resolves.toBe(pct(ratio));
      await expect(row.getByTestId('sparkline').getAttribute('aria-label')).resolves.toMatch(new RegExp(`^${BOARD_NAMES[i]}, convergence per sprint, oldest first: .*so far$`));
    }
    // The demo has a running sprint 7.1% done: still in progress, not a red "missed".
    expect(r.sprints.some((s) => s.state === 'active' && s.status === 'missed')).toBe(true);
    await shot(page, '03-headline-1440');
  });

  it('draws one chart per board, with legends, readable sprint numbers and values on hover and keyboard focus', async () => {
    const view = gadget(page);
    const r = expected.report;
    await expect(view.getByTestId('chart-bar').count()).resolves.toBe(r.sprints.length);
    await expect(view.getByTestId('chart-legend').locator('[data-legend]').evaluateAll((els) => els.map((e) => e.getAttribute('data-legend')))).resolves.toEqual(['met', 'near', 'missed', 'running', 'target']);
    await expect(view.getByTestId('chart-legend').textContent()).resolves.toBe('Target metNear targetTarget missedIn progress (so far)Target 95%');
    const panels = view.getByTestId('chart-board');
    await expect(panels.evaluateAll((els) => els.map((e) => e.getAttribute('data-board')))).resolves.toEqual(BOARD_NAMES);
    for (const [i, board] of BOARDS.entries()) {
      const panel = panels.nth(i);
      const mine = [...r.sprints.filter((s) => s.boardId === board)].sort((a, b) => Date.parse(a.end) - Date.parse(b.end));
      await expect(panel.getByRole('heading').textContent()).resolves.toBe(BOARD_NAMES[i]);
      await expect(panel.getByTestId('chart-bar').evaluateAll((els) => els.map((e) => e.getAttribute('data-sprint')))).resolves.toEqual(mine.map((s) => s.name));
      // A running sprint is drawn in progress, a closed one by its status.
      await expect(panel.getByTestId('chart-bar').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).resolves.toEqual(mine.map((s) => (s.state === 'active' ? 'running' : (s.status ?? 'none'))));
      // The common prefix is said once; every label is the sprint's number, shown whole.
      const labels = panel.getByTestId('chart-label');
      await expect(labels.allTextContents()).resolves.toEqual(mine.map((s) => /(\d+)$/.exec(s.name)![1]));
      await expect(labels.evaluateAll((els) => els.every((e) => e.scrollWidth <= e.clientWidth))).resolves.toBe(true);
      await expect(panel.getByTestId('chart-prefix').textContent()).resolves.toBe(`Sprint names start with “${BOARD_NAMES[i]!.split(' ')[0]} Sprint”`);
    }
    // No value is printed over the bars; hovering a bar shows its value.
    await expect(view.getByTestId('chart-bar').allTextContents()).resolves.toEqual(r.sprints.map(() => ''));
    const closed = [...r.sprints.filter((s) => s.boardId === 1)].sort((a, b) => Date.parse(a.end) - Date.parse(b.end));
    const firstPanel = panels.nth(0);
    await firstPanel.getByTestId('chart-bar').nth(0).hover();
    const tip = firstPanel.getByTestId('chart-tip');
    await tip.waitFor({ state: 'visible' });
    await expect(tip.textContent()).resolves.toMatch(new RegExp(`^${closed[0]!.name}: ${pct(closed[0]!.convergence.issues).replace('.', '\\.')}, `));
    // Keyboard: one tab stop per board, the arrow keys move between its sprints.
    await page.mouse.move(0, 0);
    const last = firstPanel.getByTestId('chart-bar').nth(closed.length - 1);
    await expect(last.getAttribute('tabindex')).resolves.toBe('0');
    await last.focus();
    await expect(tip.textContent()).resolves.toMatch(new RegExp(`^${closed.at(-1)!.name}: In progress, ${pct(closed.at(-1)!.convergence.issues).replace('.', '\\.')} done so far, ${daysLeft(expected, closed.at(-1)!)} days left\\.`));
    await page.keyboard.press('ArrowLeft');
    const before = closed.at(-2)!;
    await expect(firstPanel.locator(':focus').getAttribute('data-sprint')).resolves.toBe(before.name);
    await expect(tip.textContent()).resolves.toContain(`${before.name}: ${pct(before.convergence.issues)}`);
    await shot(page, '04-chart-focus-1440');
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
    await expect(tinyText(frameOf(page, 'gadget-view'))).resolves.toEqual([]);
  });

  it('lists every sprint with the engine’s figures; a running one as “so far”, names on one line, every column explained', async () => {
    const view = gadget(page);
    const r = expected.report;
    const table = view.getByTestId('sprint-table');
    await expect(table.getAttribute('data-layout')).resolves.toBe('table');
    // Each header's own label (its "?" button and definition follow it).
    await expect(table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.firstChild?.textContent ?? ''))).resolves.toEqual([
      'Sprint',
      'Convergence',
      'Committed',
      'Completed of committed',
      'Added',
      'Removed',
      'Not completed',
    ]);
    await expect(table.locator('thead th button[aria-describedby]').count()).resolves.toBe(7);
    const rows = view.getByTestId('sprint-row');
    await expect(rows.count()).resolves.toBe(r.sprints.length);
    for (const [i, s] of r.sprints.entries()) {
      const row = rows.nth(i);
      await expect(row.getAttribute('data-sprint')).resolves.toBe(s.name);
      for (const c of ['committed', 'completedCommitted', 'added', 'removed', 'notCompleted'] as const) await expect(row.locator(`[data-column="${c}"]`).textContent()).resolves.toBe(String(s[c].count));
      // Of those not completed, the ones Jira moved to the next sprint when it closed, as Jira's sprint report counts them.
      const moved = row.getByTestId('moved-to-next');
      await expect(moved.count()).resolves.toBe(s.movedToNextSprint.count > 0 ? 1 : 0);
      if (s.movedToNextSprint.count > 0) await expect(moved.textContent()).resolves.toBe(`${s.movedToNextSprint.count} to next sprint`);
      await expect(row.getByTestId('provisional').count()).resolves.toBe(s.provisional ? 1 : 0);
      const conv = row.getByTestId('sprint-convergence');
      if (s.state === 'active') await expect(conv.textContent()).resolves.toBe(`${pct(s.convergence.issues)} so far${daysLeft(expected, s)} days left`);
      else await expect(conv.locator('[data-state]').getAttribute('data-state')).resolves.toBe(s.status ?? 'none');
    }
    await expect(view.getByTestId('sprint-name').evaluateAll((els) => els.every((e) => e.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(e).fontSize)))).resolves.toBe(true);
    // A column's definition on keyboard focus.
    await view.getByTestId('tip-committed').focus();
    await view.getByTestId('tip-committed-text').waitFor({ state: 'visible' });
    await expect(view.getByTestId('tip-committed-text').textContent()).resolves.toBe('In the sprint at its start, and not done then.');
    await expect(view.getByTestId('tip-committed').getAttribute('aria-label')).resolves.toBe('About “Committed”');
    await shot(page, '05-table-1440');
  });

  it('opens the issues behind a number in a Forge modal, focus inside, and back on the number when it closes, the page not moving', async () => {
    const view = gadget(page);
    const r = expected.report;
    const s = r.sprints.find((x) => x.state === 'closed' && x.added.count > 0)!;
    const row = view.locator(`[data-testid="sprint-row"][data-sprint="${s.name}"]`);
    const count = row.locator('[data-column="added"] button');
    await count.scrollIntoViewIfNeeded();
    const label = await count.getAttribute('aria-label');
    const before = { scroll: await page.evaluate(() => window.scrollY), height: await page.locator(GADGET_FRAME).evaluate((f) => f.getBoundingClientRect().height) };
    // Reached by keyboard, the number wears Atlassian's focus ring.
    await count.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(count.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const ring = await count.evaluate((el) => {
      // The theme's focused-border colour (design token color.border.focused), as the browser resolves it.
      const probe = document.createElement('span');
      probe.style.color = 'var(--ds-border-focused)';
      document.body.appendChild(probe);
      const focused = getComputedStyle(probe).color;
      probe.remove();
      const c = getComputedStyle(el);
      return { style: c.outlineStyle, width: c.outlineWidth, colour: c.outlineColor, focused };
    });
    expect(ring).toEqual({ style: 'solid', width: '2px', colour: ring.focused, focused: expect.stringMatching(/^rgb/) });
    // The token is defined (an unknown variable would leave the probe the text's colour).
    expect(ring.focused).not.toBe(await count.evaluate(() => getComputedStyle(document.body).color));
    await page.keyboard.press('Enter');
    await page.getByTestId('forge-modal').waitFor();
    const list = modal(page).getByTestId('drill-list');
    await list.waitFor({ timeout: 30_000 });
    await expect(modal(page).getByTestId('drill-title').textContent()).resolves.toBe(`Added — ${s.name}`);
    await expect(list.locator('a').allTextContents()).resolves.toEqual(s.added.issues);
    await expect(list.locator('a').first().getAttribute('href')).resolves.toMatch(new RegExp(`/browse/${s.added.issues[0]}$`));
    // Focus moved into the dialog, on its title; the page behind neither scrolled nor grew.
    await expect(page.evaluate(() => document.activeElement?.closest('[data-testid="forge-modal"]') !== null)).resolves.toBe(true);
    await expect(modal(page).locator(':focus').getAttribute('data-testid')).resolves.toBe('drill-title');
    expect(await page.evaluate(() => window.scrollY)).toBe(before.scroll);
    expect(await page.locator(GADGET_FRAME).evaluate((f) => f.getBoundingClientRect().height)).toBe(before.height);
    await shot(page, '06-modal-1440');
    // Escape closes it: focus is back on the number that opened it.
    await page.keyboard.press('Escape');
    await page.getByTestId('forge-modal').waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-frame'))).resolves.toBe('backlog-convergence:1:view');
    await expect(view.locator(':focus').getAttribute('aria-label')).resolves.toBe(label);
    // The Close button does the same, and an issue opens in Jira (router.open: a new tab).
    await page.keyboard.press('Enter');
    await modal(page).getByTestId('drill-list').waitFor({ timeout: 30_000 });
    const opened = browser.context.waitForEvent('page');
    await modal(page).getByTestId('drill-list').locator('a').first().click();
    const tab = await opened;
    await tab.waitForURL(new RegExp(`/browse/${s.added.issues[0]}$`));
    await tab.close();
    await page.bringToFront();
    await modal(page).getByTestId('drill-close').click();
    await page.getByTestId('forge-modal').waitFor({ state: 'detached' });
    await expect(view.locator(':focus').getAttribute('aria-label')).resolves.toBe(label);
  });

  it('is compact in a ~400 px gadget: the headline and boards first, the details folded; no cut column, no tiny text', async () => {
    await openDashboard(3);
    const frameEl = page.locator(GADGET_FRAME);
    const box = (await frameEl.boundingBox())!;
    expect(box.width).toBeGreaterThan(360);
    expect(box.width).toBeLessThan(420);
    const view = gadget(page);
    await expect(view.getByTestId('convergence-body').getAttribute('data-compact')).resolves.toBe('true');
    await expect(view.getByTestId('board-headline').count()).resolves.toBe(3);
    await expect(view.getByTestId('details').isVisible()).resolves.toBe(false);
    // A gadget a dashboard can hold: well under a screen tall until Details is opened.
    expect(box.height).toBeLessThan(900);
    await shot(page, '07-compact-400');
    const toggle = view.getByTestId('details-toggle');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(view.getByTestId('convergence-chart').isVisible()).resolves.toBe(true);
    const table = view.getByTestId('sprint-table');
    await expect(table.getAttribute('data-layout')).resolves.toBe('stacked');
    const rows = view.getByTestId('sprint-row');
    for (const [i, s] of expected.report.sprints.entries())
      for (const c of ['committed', 'completedCommitted', 'added', 'removed', 'notCompleted'] as const) await expect(rows.nth(i).locator(`[data-column="${c}"]`).textContent()).resolves.toBe(String(s[c].count));
    const frame = frameOf(page, 'gadget-view');
    const fits = await frame.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const outside = Array.from(document.querySelectorAll('[data-testid="set-count"], [data-testid="sprint-convergence"], [data-testid="chart-label"]')).filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.left < 0 || r.right > width + 0.5);
      });
      return { scroll: document.documentElement.scrollWidth, width, outside: outside.length };
    });
    expect(fits.scroll).toBeLessThanOrEqual(fits.width);
    expect(fits.outside).toBe(0);
    await expect(view.getByTestId('sprint-name').evaluateAll((els) => els.every((e) => e.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(e).fontSize)))).resolves.toBe(true);
    await expect(view.getByTestId('chart-label').evaluateAll((els) => els.every((e) => e.scrollWidth <= e.clientWidth))).resolves.toBe(true);
    await expect(tinyText(frame)).resolves.toEqual([]);
    await shot(page, '08-details-400');
  });

  it('cuts a sprint name too long for its place with an ellipsis, and shows it whole on focus', async () => {
    const view = gadget(page);
    const name = view.getByTestId('sprint-name').first();
    const full = await name.textContent();
    await name.evaluate((el) => {
      (el.parentElement as HTMLElement).style.width = '48px';
    });
    // The name learns it is cut when its size is observed, a frame or two after the width changes.
    await view.locator('[data-testid="sprint-name"][data-cut="true"]').first().waitFor({ timeout: 5_000 });
    await expect(name.getAttribute('data-cut')).resolves.toBe('true');
    await expect(name.getAttribute('tabindex')).resolves.toBe('0');
    await name.focus();
    const bubble = frameOf(page, 'gadget-view').locator('div[aria-hidden="true"]:not([hidden])', { hasText: full! });
    await bubble.waitFor({ state: 'visible' });
    await expect(bubble.count()).resolves.toBe(1);
  });

  describe.each([
    ['en-US', 'light'],
    ['en-US', 'dark'],
    ['ru-RU', 'light'],
    ['ru-RU', 'dark'],
  ] as const)('in %s, %s', (locale, theme) => {
    it.each([1440, 400] as const)('passes axe-core at %i px, with nothing smaller than 11 px', async (width) => {
      await prefs(locale, theme);
      await openDashboard(width === 400 ? 3 : 1);
      const view = gadget(page);
      await expect(view.locator('html').getAttribute('data-color-mode')).resolves.toBe(theme);
      if (width === 400) await view.getByTestId('details-toggle').click();
      await view.getByTestId('how-calculated').click();
      if (locale === 'ru-RU') {
        await expect(view.getByTestId('figure-overall-value').textContent()).resolves.toBe(pct(expected.report.overall.convergence.issues, 'ru-RU'));
        await expect(view.getByTestId('headline-meaning').textContent()).resolves.toBe('Доля выполненных из взятых в спринт задач за последние 6 закрытых спринтов каждой из 3 досок.');
        await expect(view.getByText('Сейчас:').count()).resolves.toBe(3);
      }
      if (theme === 'dark') {
        const background = await view.getByTestId('figure-overall').evaluate((el) => getComputedStyle(el).backgroundColor);
        expect(background).not.toBe('rgb(255, 255, 255)');
      }
      const frame = frameOf(page, 'gadget-view');
      await expect(axe(frame)).resolves.toEqual([]);
      await expect(tinyText(frame)).resolves.toEqual([]);
      await shot(page, `09-${width}-${locale}-${theme}`);
      // The modal too.
      await view.getByTestId('set-count').first().click();
      await modal(page).getByTestId('drill-list').waitFor({ timeout: 30_000 });
      await expect(axe(frameOf(page, 'drill-modal'))).resolves.toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByTestId('forge-modal').waitFor({ state: 'detached' });
    });
  });

  it('shows the project page’s boards by sprint number, not "PAY Sprint…", and passes axe-core there', async () => {
    await prefs('en-US', 'light');
    await page.goto(`${preview!.url}/projects/PAY/governance`);
    const gov = page.frameLocator('iframe[data-frame^="governance-page"]');
    await gov.getByTestId('tab-convergence').click({ timeout: 60_000 });
    await gov.getByTestId('convergence-chart').waitFor({ timeout: 90_000 });
    const pay = await expectedFigures([1], 6);
    const names = [...pay.report.sprints].sort((a, b) => Date.parse(a.end) - Date.parse(b.end)).map((s) => s.name);
    await expect(gov.getByTestId('chart-label').allTextContents()).resolves.toEqual(names.map((n) => /(\d+)$/.exec(n)![1]));
    await expect(gov.getByTestId('figure-overall-value').textContent()).resolves.toBe(pct(pay.report.overall.convergence.issues));
    await expect(gov.getByTestId('headline-meaning').textContent()).resolves.toBe('Share of committed issues completed in the last 6 closed sprints.');
    // The tab's headings sit under the page's own h2.
    await expect(gov.getByTestId('figure-overall').locator('h3').count()).resolves.toBe(1);
    const frame = frameOf(page, 'project-governance');
    await expect(axe(frame)).resolves.toEqual([]);
    await expect(tinyText(frame)).resolves.toEqual([]);
    await shot(page, '10-project-page-1440');
  });

  it('keeps the gadget settings after the preview restarts', async () => {
    preview = await session!.restart();
    await page.goto(`${preview.url}/dashboard`);
    await gadget(page).getByTestId('sprint-table').waitFor({ timeout: 60_000 });
    await expect(gadget(page).getByTestId('sprint-row').count()).resolves.toBe(expected.report.sprints.length);
  });
});
