/**
 * The issue view in a real Chromium, through the local preview on the demo site: the context
 * summary on every issue (nobody adds it) next to the Readiness, Hygiene and Ownership panels, at
 * 360 and 600 px, in English (light) and Russian (dark), with axe-core finding no WCAG 2.1 AA
 * violation (contrast, headings, names) in any of them; a To Do story (DoR missing items by name,
 * no DoD), a story in progress (the DoD), a Done story (says done); everything read again when the
 * issue is edited in the issue view (JIRA_ISSUE_CHANGED); and the Hygiene panel's fixes made by the
 * app (a product's label, the estimate), after which the other modules follow.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/demo/site';
import { buildAll, openPreviewSession, SCREENSHOTS, type PreviewSession } from './preview';

jest.setTimeout(240_000);

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const MODULES = ['issue-summary', 'readiness-panel', 'hygiene-panel', 'ownership-panel'] as const;
const frameOf = (page: Page, key: string): FrameLocator => page.frameLocator(`iframe[data-frame^="${key}:"]`);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `issue-view-${name}.png`), fullPage: true });

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core in one module's frame: WCAG 2.0/2.1 A and AA, plus heading order. */
async function axeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE);
  const run = (options: object) =>
    frame.evaluate(async (o) => {
      const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[]; passes: { id: string }[] }> } }).axe;
      const r = await axe.run(document, o);
      return { violations: r.violations, passed: r.passes.map((p) => p.id) };
    }, options);
  const wcag = await run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  // The contrast check did look at the text (a frame with nothing checked would pass vacuously).
  expect(wcag.passed).toContain('color-contrast');
  const found = [...wcag.violations, ...(await run({ runOnly: { type: 'rule', values: ['heading-order', 'empty-heading'] } })).violations];
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`);
}

/** The frame of a module: the four share the issue-view resource, so it is found by its frame id. */
function moduleFrame(page: Page, key: string): Frame {
  const f = page.frames().find((x) => new URL(x.url()).searchParams.get('frame')?.startsWith(`${key}:`));
  if (!f) throw new Error(`no frame of ${key}`);
  return f;
}

/** Waits until every module of the issue view shows its content (not its spinner). */
async function openIssue(page: Page, url: string, key: string): Promise<void> {
  await page.goto(`${url}/browse/${key}`);
  await frameOf(page, 'issue-summary').getByTestId('issue-summary').waitFor({ timeout: 60_000 });
  await frameOf(page, 'readiness-panel').getByTestId('readiness-panel').waitFor({ timeout: 60_000 });
  await frameOf(page, 'hygiene-panel').locator('[data-testid="hygiene-panel"], [data-testid="hygiene-clean"]').first().waitFor({ timeout: 60_000 });
  await frameOf(page, 'ownership-panel').getByTestId('ownership-panel').waitFor({ timeout: 60_000 });
}

describe('the issue view in the preview', () => {
  let session: PreviewSession | null = null;
  let page: Page;
  let url: string;

  const prefs = async (locale: 'en-US' | 'ru-RU', theme: 'light' | 'dark', user: string = DEMO_USERS.admin) => {
    const host = new URL(url).hostname;
    await session!.browser.context.addCookies(Object.entries({ 'preview-locale': locale, 'preview-theme': theme, 'preview-user': user }).map(([name, value]) => ({ name, value, domain: host, path: '/' })));
  };

  beforeAll(async () => {
    buildAll(['issue-view']);
    session = await openPreviewSession('gov-issue-view-');
    page = session.page;
    url = session.preview.url;
  });

  afterAll(() => session?.close());

  const cases = [
    { width: 360, locale: 'en-US', theme: 'light' },
    { width: 600, locale: 'en-US', theme: 'light' },
    { width: 360, locale: 'ru-RU', theme: 'dark' },
    { width: 600, locale: 'ru-RU', theme: 'dark' },
  ] as const;

  it.each(cases)('a To Do story at $width px, $locale, $theme: the summary names what the DoR misses, as the panel does, and leaves the DoD out; no axe violation', async ({ width, locale, theme }) => {
    await prefs(locale, theme);
    await page.setViewportSize({ width, height: 900 });
    await openIssue(page, url, 'DS-137');
    const summary = frameOf(page, 'issue-summary');
    const readiness = frameOf(page, 'readiness-panel');
    // The summary says what the panel says, word for word: "Not ready: <the open required items>".
    const said = await summary.getByTestId('summary-dor-verdict').textContent();
    const prefix = locale === 'en-US' ? 'Not ready: ' : 'Не готово: ';
    expect(said?.startsWith(prefix)).toBe(true);
    await expect(readiness.getByTestId('dor-status').textContent()).resolves.toBe(said);
    // Each item named is an open item of the panel's DoR.
    const named = (said ?? '').slice(prefix.length).split(locale === 'en-US' ? ', ' : '; ');
    expect(named.length).toBe(Number(await readiness.getByTestId('dor-status').getAttribute('data-open-required')));
    for (const name of named) await expect(readiness.locator('[data-testid="checklist-dor"] li[data-state="open"]', { hasText: name }).count()).resolves.toBe(1);
    // Before work starts the DoD is left out of the summary, and folded to one line in the panel.
    await expect(summary.getByTestId('summary-dod').count()).resolves.toBe(0);
    await expect(readiness.getByTestId('checklist-dod').getAttribute('data-expanded')).resolves.toBe('false');
    await expect(readiness.getByTestId('dod-status').textContent()).resolves.toMatch(locale === 'en-US' ? /^Applies once work starts · \d+ of \d+ done$/ : /^Применяется, когда работа начнётся · выполнено \d+ из \d+$/);
    await expect(readiness.locator('[data-testid^="item-dod-"]').count()).resolves.toBe(0);
    // Hygiene and owners by name.
    await expect(summary.getByTestId('summary-hygiene').getAttribute('data-count')).resolves.toBe('1');
    await expect(summary.getByTestId('summary-bpo-payments').textContent()).resolves.toBe('Elena Kuznetsova');
    await expect(summary.getByTestId('summary-dpo-payments').textContent()).resolves.toBe('Dmitry Volkov');
    if (theme === 'dark') await expect(summary.locator('html').getAttribute('data-color-mode')).resolves.toBe('dark');
    // Nothing scrolls sideways in the narrow column.
    for (const key of MODULES) {
      const { scroll, client } = await moduleFrame(page, key).evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect({ key, scroll: scroll <= client }).toEqual({ key, scroll: true });
    }
    await shot(page, `todo-${width}-${locale}-${theme}`);
    for (const key of MODULES) expect({ key, violations: await axeViolations(moduleFrame(page, key)) }).toEqual({ key, violations: [] });
  });

  it('a read-only viewer sees the checklists as marks with readable text (no greyed disabled checkboxes); no axe violation', async () => {
    await prefs('en-US', 'light', DEMO_USERS.businessOwner);
    await page.setViewportSize({ width: 600, height: 900 });
    await openIssue(page, url, 'DS-137');
    const readiness = frameOf(page, 'readiness-panel');
    await readiness.getByTestId('readiness-read-only').waitFor();
    await expect(readiness.locator('[data-testid="checklist-dor"] input[type="checkbox"]').count()).resolves.toBe(0);
    await expect(readiness.locator('[data-testid^="item-dor-"][data-testid$="-mark"]').count()).resolves.toBeGreaterThan(0);
    // No fix is offered to someone who may not edit: the estimate is theirs to ask for.
    await expect(frameOf(page, 'hygiene-panel').getByTestId('fix-estimate-input').count()).resolves.toBe(0);
    await shot(page, 'read-only-600');
    for (const key of MODULES) expect({ key, violations: await axeViolations(moduleFrame(page, key)) }).toEqual({ key, violations: [] });
  });

  it('a Done story says done, never "not ready", with what was left open', async () => {
    await prefs('en-US', 'light');
    await page.setViewportSize({ width: 600, height: 900 });
    await openIssue(page, url, 'PAY-2');
    const summary = frameOf(page, 'issue-summary');
    const readiness = frameOf(page, 'readiness-panel');
    await expect(summary.getByTestId('issue-summary').getAttribute('data-stage')).resolves.toBe('done');
    const dod = await summary.getByTestId('summary-dod-verdict').textContent();
    expect(dod).toMatch(/^Done( — \d+ required items? (was|were) left open)?$/);
    for (const text of [await summary.getByTestId('issue-summary').textContent(), await readiness.getByTestId('readiness-panel').textContent()]) expect(text).not.toMatch(/Not ready/);
    await expect(readiness.getByTestId('dor-status').textContent()).resolves.toMatch(/^Done/);
    await expect(readiness.getByTestId('checklist-dor').getAttribute('data-expanded')).resolves.toBe('false');
    // The items are a click away, from the keyboard too.
    const toggle = readiness.getByTestId('dod-toggle');
    await toggle.focus();
    await toggle.press('Enter');
    await expect(readiness.getByTestId('checklist-dod').getAttribute('data-expanded')).resolves.toBe('true');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await shot(page, 'done-600');
    for (const key of MODULES) expect({ key, violations: await axeViolations(moduleFrame(page, key)) }).toEqual({ key, violations: [] });
  });

  it('reads the issue again when it is edited in the issue view (JIRA_ISSUE_CHANGED): the product, its owners and hygiene follow', async () => {
    await prefs('en-US', 'light', DEMO_USERS.productOwner);
    await page.setViewportSize({ width: 600, height: 900 });
    await openIssue(page, url, 'PAYM-181');
    const summary = frameOf(page, 'issue-summary');
    const ownership = frameOf(page, 'ownership-panel');
    const hygiene = frameOf(page, 'hygiene-panel');
    // In progress: the DoD is in the summary; no product yet.
    await expect(summary.getByTestId('issue-summary').getAttribute('data-stage')).resolves.toBe('inProgress');
    await expect(summary.getByTestId('summary-dod-verdict').textContent()).resolves.toMatch(/^Not ready: /);
    await expect(summary.getByTestId('summary-product').textContent()).resolves.toContain('Maps to no product');
    await expect(hygiene.locator('[data-rule="no-product"]').count()).resolves.toBe(1);
    await ownership.getByTestId('ownership-problems').waitFor();
    // Edit the labels in the issue view itself: no page load, only Jira's event to the frames.
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    const labels = page.getByTestId('edit-labels');
    await labels.fill(`${await labels.inputValue()} payments`);
    await page.getByTestId('edit-save').click();
    await page.locator('[data-testid="edit-outcome"]', { hasText: 'Saved' }).waitFor();
    await summary.locator('[data-testid="summary-product"][data-products="payments"]').waitFor({ timeout: 20_000 });
    await expect(summary.getByTestId('summary-bpo-payments').textContent()).resolves.toBe('Elena Kuznetsova');
    await ownership.getByTestId('product-payments').waitFor({ timeout: 20_000 });
    await expect(ownership.getByTestId('ownership-problems').count()).resolves.toBe(0);
    await hygiene.locator('[data-rule="no-product"]').waitFor({ state: 'detached', timeout: 20_000 });
    expect(navigations).toEqual([]);
    await shot(page, 'refreshed-on-change-600');
  });

  it('adds a product’s label from the Hygiene panel; the summary and the Ownership panel follow without a reload', async () => {
    await prefs('en-US', 'light');
    await page.setViewportSize({ width: 600, height: 900 });
    await openIssue(page, url, 'PLAT-251');
    const hygiene = frameOf(page, 'hygiene-panel');
    const summary = frameOf(page, 'issue-summary');
    const add = hygiene.getByTestId('fix-add-label-loans');
    await expect(add.textContent()).resolves.toBe('Add the label “loans” (Loans)');
    await shot(page, 'fix-offered-600');
    await add.focus();
    await add.press('Enter');
    await hygiene.getByTestId('hygiene-note-success').waitFor({ timeout: 20_000 });
    await expect(hygiene.locator('[data-rule="no-product"]').count()).resolves.toBe(0);
    await summary.locator('[data-testid="summary-product"][data-products="loans"]').waitFor({ timeout: 20_000 });
    await frameOf(page, 'ownership-panel').getByTestId('product-loans').waitFor({ timeout: 20_000 });
    // Jira has the label (the issue view shows it once read again).
    await page.reload();
    await expect(page.getByTestId('issue-labels').textContent()).resolves.toContain('loans');
    await shot(page, 'fix-applied-600');
  });

  it('links a fix to the field on the issue’s edit screen, and the issue is judged again once saved', async () => {
    await prefs('en-US', 'light');
    await page.setViewportSize({ width: 600, height: 900 });
    await openIssue(page, url, 'PLAT-252');
    const id = await page.getByTestId('inline-edit').getAttribute('data-issue-id');
    // Someone empties the description on Jira's edit screen: the issue now breaks "No description".
    await page.goto(`${url}/secure/EditIssue!default.jspa?id=${id}`);
    await page.getByTestId('edit-description').fill('');
    await page.getByTestId('edit-screen-save').click();
    await page.waitForURL(`${url}/browse/PLAT-252`);
    const hygiene = frameOf(page, 'hygiene-panel');
    const link = hygiene.getByTestId('fix-edit-description');
    await expect(link.textContent()).resolves.toBe('Edit the description');
    await expect(link.getAttribute('href')).resolves.toBe(`${url}/secure/EditIssue!default.jspa?id=${id}`);
    await link.click();
    await page.getByTestId('edit-screen').waitFor();
    await page.getByTestId('edit-description').fill('The platform team needs it.\nAcceptance criteria: the API answers within 200 ms.');
    await page.getByTestId('edit-screen-save').click();
    await page.waitForURL(`${url}/browse/PLAT-252`);
    await frameOf(page, 'hygiene-panel').locator('[data-testid="hygiene-panel"], [data-testid="hygiene-clean"]').first().waitFor({ timeout: 60_000 });
    await expect(frameOf(page, 'hygiene-panel').locator('[data-rule="missing-description"]').count()).resolves.toBe(0);
  });

  it('sets the estimate from the Hygiene panel, refusing what is not a number first (Russian, dark)', async () => {
    await prefs('ru-RU', 'dark');
    await page.setViewportSize({ width: 360, height: 900 });
    await openIssue(page, url, 'FXT-193');
    const hygiene = frameOf(page, 'hygiene-panel');
    const input = hygiene.getByTestId('fix-estimate-input');
    await input.fill('много');
    await input.press('Enter');
    await expect(hygiene.getByRole('alert').textContent()).resolves.toBe('Введите число от 0 до 1000.');
    await input.fill('5');
    await shot(page, 'fix-estimate-360-ru-dark');
    await input.press('Enter');
    await hygiene.getByTestId('hygiene-note-success').waitFor({ timeout: 20_000 });
    await expect(hygiene.locator('[data-rule="missing-estimate"]').count()).resolves.toBe(0);
    await frameOf(page, 'issue-summary').locator('[data-testid="summary-hygiene"][data-count="0"]').waitFor({ timeout: 20_000 });
    await page.reload();
    await expect(page.getByTestId('issue-points').textContent()).resolves.toBe('5');
    for (const key of ['hygiene-panel', 'issue-summary']) expect({ key, violations: await axeViolations(moduleFrame(page, key)) }).toEqual({ key, violations: [] });
  });
});
