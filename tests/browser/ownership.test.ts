/**
 * The Ownership panel and the Governance settings admin page in a real Chromium, through the local
 * preview on the demo site: owners and whom to ask on an issue, a missing product with its fix,
 * the profile link; editing the settings with validation by path as you type, saving (persisted
 * in .preview-state), a save over someone else's newer one refused with the choice to reload, a
 * malformed import refused, the ownership matrix, a non-administrator refused by the server,
 * Russian and dark.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/demo/site';
import { buildAll, openBrowser, openPreviewSession, SCREENSHOTS, type PreviewSession, type RunningPreview } from './preview';

jest.setTimeout(150_000);

const ADMIN = '/admin/governance-settings';
const panel = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame^="ownership-panel"]');
const settings = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame^="governance-settings"]');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `ownership-${name}.png`), fullPage: true });
/** The settings page is long: its screenshots show the viewport around what the test looks at. */
async function shotAt(page: Page, name: string, at: Locator): Promise<void> {
  await at.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, `ownership-${name}.png`) });
}

describe('Ownership panel and governance settings in the preview', () => {
  let stateDir: string;
  let preview: RunningPreview | null = null;
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let url: string;

  /** Acts as another demo user, in another language or theme (the preview's toolbar, by URL). */
  const prefs = (q: { user?: string; locale?: string; theme?: string }, back: string) =>
    page.goto(`${url}/__preview/prefs?${new URLSearchParams({ ...q, back }).toString()}`);

  const storedConfig = (): { version: number; value: { products: { key: string; name: { en: string; ru: string } }[] } } => {
    const store = JSON.parse(fs.readFileSync(path.join(stateDir, 'store.json'), 'utf8')) as Record<string, { version: number; value: never }>;
    const doc = store.config;
    if (!doc) throw new Error('no configuration stored');
    return doc;
  };

  async function openSettings(): Promise<FrameLocator> {
    await page.goto(`${url}${ADMIN}`);
    const s = settings(page);
    await s.getByTestId('save-status').filter({ hasText: 'All changes saved' }).or(s.getByTestId('save-status').filter({ hasText: 'Все изменения сохранены' })).waitFor({ timeout: 60_000 });
    return s;
  }

  let session: PreviewSession | null = null;

  beforeAll(async () => {
    buildAll(['ownership-panel', 'admin-settings']);
    session = await openPreviewSession('gov-ownership-state-');
    ({ stateDir, preview, browser, page } = session);
    url = session.preview.url;
  });

  afterAll(() => session?.close());

  it('shows the issue’s product with its Business and Digital PO and whom to ask about what', async () => {
    await prefs({ user: DEMO_USERS.scrumMaster, locale: 'en-US', theme: 'light' }, '/browse/PAY-1');
    const p = panel(page);
    await p.getByTestId('ownership-panel').waitFor({ timeout: 60_000 });
    await expect(p.getByTestId('owner-payments-business').innerText()).resolves.toMatch(/Business PO[\s\S]*Elena Kuznetsova[\s\S]*Marketing and promotion/i);
    await expect(p.getByTestId('owner-payments-digital').innerText()).resolves.toMatch(/Digital PO[\s\S]*Dmitry Volkov[\s\S]*Quality in digital channels/i);
    await expect(p.getByTestId('channel-web').innerText()).resolves.toMatch(/Web[\s\S]*Maxim Orlov/);
    await expect(p.getByTestId('ownership-segments').innerText()).resolves.toMatch(/Micro and small business[\s\S]*Mid business/);
    await expect(p.getByTestId('ownership-problems').count()).resolves.toBe(0);
    await page.locator('section', { has: page.locator('iframe[data-frame^="ownership-panel"]') }).scrollIntoViewIfNeeded();
    await shot(page, '01-panel-owners');
  });

  it('links each owner to their Jira profile', async () => {
    const opened = browser.context.waitForEvent('page');
    await panel(page).getByTestId('owner-payments-business').getByRole('link', { name: 'Elena Kuznetsova' }).click();
    const profile = await opened;
    await profile.waitForLoadState();
    expect(new URL(profile.url()).pathname).toBe(`/jira/people/${DEMO_USERS.businessOwner}`);
    await expect(profile.getByTestId('profile-name').innerText()).resolves.toBe('Elena Kuznetsova');
    await profile.close();
  });

  it('warns when an issue maps to no product, and suggests the component that would map it', async () => {
    await page.goto(`${url}/browse/SAV-197`);
    const p = panel(page);
    const problems = p.getByTestId('ownership-problems');
    await problems.waitFor({ timeout: 30_000 });
    await expect(problems.innerText()).resolves.toMatch(/This issue belongs to no product/);
    await expect(p.getByTestId('product-suggestions').innerText()).resolves.toMatch(/To put it under Savings and deposits, add the component “Savings” or the label “savings” or “deposits”/);
    // The scrum master cannot fix the mapping: the panel says who can.
    await expect(problems.innerText()).resolves.toMatch(/A Jira administrator sets products/);
    await page.locator('section', { has: page.locator('iframe[data-frame^="ownership-panel"]') }).scrollIntoViewIfNeeded();
    await shot(page, '02-panel-no-product');
  });

  it('refuses the settings to a user who is not a Jira administrator, on the server', async () => {
    await prefs({ user: DEMO_USERS.scrumMaster }, ADMIN);
    const s = settings(page);
    await s.getByText('Only Jira administrators can see these settings').waitFor({ timeout: 60_000 });
    await expect(s.getByTestId('settings-page').innerText()).resolves.toMatch(/Only Jira administrators may see or change the governance settings/);
    await shot(page, '03-settings-refused');
  });

  it('edits the settings with each problem named by its path as you type, then saves a new version', async () => {
    await prefs({ user: DEMO_USERS.admin }, ADMIN);
    const s = await openSettings();
    await expect(s.getByTestId('save-status').innerText()).resolves.toMatch(/Version 1[\s\S]*All changes saved/);
    await s.getByTestId('match-count').first().waitFor({ timeout: 30_000 });
    await expect(s.getByTestId('entry-products-0').getByTestId('match-count').innerText()).resolves.toMatch(/^matches \d+ issues$/);

    // Saved entries are folded to a summary of their owners and rule; Edit opens the form.
    await expect(s.getByTestId('entry-products-1').innerText()).resolves.toMatch(/Business PO: Olga Sokolova · Digital PO: Sergey Morozov[\s\S]*Components: Loans · Labels: loans/);
    await s.getByTestId('edit-products-1').click();
    const loans = s.getByTestId('entry-products-1');
    const key = loans.getByLabel('Key');
    await key.fill('Loans!');
    const problem = s.getByTestId('field-products-1-key').getByTestId('field-problem');
    await problem.waitFor({ timeout: 10_000 });
    await expect(problem.innerText()).resolves.toMatch(/lower-case letters.*\(products\[1\]\.key\)/);
    await expect(s.getByTestId('problem-count').innerText()).resolves.toBe('1 problem to fix before saving');
    await expect(s.getByTestId('save-button').isDisabled()).resolves.toBe(true);
    await shotAt(page, '04-settings-invalid-key', s.getByTestId('entry-products-1'));

    await key.fill('loans');
    await problem.waitFor({ state: 'detached', timeout: 10_000 });
    await s.getByTestId('edit-products-0').click();
    await s.getByTestId('entry-products-0').getByLabel('Name in Russian').fill('Платежи и переводы');
    const save = s.getByTestId('save-button');
    await s.locator('[data-testid="save-button"]:not([disabled])').waitFor({ timeout: 10_000 });
    await save.click();
    await s.getByTestId('saved').waitFor({ timeout: 10_000 });
    await expect(s.getByTestId('save-status').innerText()).resolves.toMatch(/Version 2[\s\S]*Settings saved \(version 2\)/);
    const stored = storedConfig();
    expect(stored.version).toBe(2);
    expect(stored.value.products[0]?.name.ru).toBe('Платежи и переводы');
    expect(stored.value.products[1]?.key).toBe('loans');
    await shotAt(page, '05-settings-saved', s.getByTestId('save-status'));
  });

  it('refuses a save over someone else’s newer one, and reloads on request', async () => {
    const s = await openSettings();
    // Someone else saves version 3 in another tab meanwhile.
    const other = await browser.context.newPage();
    await other.goto(`${url}${ADMIN}`);
    const o = settings(other);
    await o.getByTestId('save-status').waitFor({ timeout: 60_000 });
    await o.getByTestId('edit-channels-0').click();
    await o.getByTestId('entry-channels-0').getByLabel('Name in English').fill('Web (desktop and mobile browsers)');
    await o.getByTestId('save-button').click();
    await o.getByTestId('saved').waitFor({ timeout: 10_000 });
    await other.close();
    expect(storedConfig().version).toBe(3);

    await s.getByTestId('edit-products-0').click();
    await s.getByTestId('entry-products-0').getByLabel('Name in English').fill('Payments and transfers');
    await s.getByTestId('save-button').click();
    const conflict = s.getByTestId('conflict');
    await conflict.waitFor({ timeout: 10_000 });
    await expect(conflict.innerText()).resolves.toMatch(/Someone else saved the settings meanwhile[\s\S]*Version 3 is stored now/);
    expect(storedConfig().version).toBe(3);
    expect(storedConfig().value.products[0]?.name.en).toBe('Payments');
    await shotAt(page, '06-settings-conflict', s.getByTestId('settings-page'));

    await s.getByTestId('conflict-reload').click();
    await s.getByTestId('save-status').waitFor();
    await expect(s.getByTestId('save-status').innerText()).resolves.toMatch(/Version 3[\s\S]*All changes saved/);
    await expect(s.getByTestId('entry-channels-0').getByRole('heading').innerText()).resolves.toBe('Web (desktop and mobile browsers)');
  });

  it('refuses a malformed JSON import with a message, and changes nothing', async () => {
    const s = settings(page);
    await s.getByTestId('tab-transfer').click();
    await s.getByTestId('export-json').waitFor({ timeout: 10_000 });
    const exported = await s.getByTestId('export-json').inputValue();
    expect(JSON.parse(exported).channels[0].name.en).toBe('Web (desktop and mobile browsers)');
    await s.getByTestId('import-json').fill('{\n  "timeZone": "UTC",\n  "products": [\n}');
    await s.getByTestId('import-button').click();
    const outcome = s.getByTestId('import-outcome');
    await outcome.getByText('This is not valid JSON: nothing was changed').waitFor({ timeout: 10_000 });
    await expect(outcome.innerText()).resolves.toMatch(/line 4, column 1/);
    expect(storedConfig().version).toBe(3);
    await shotAt(page, '07-import-malformed', outcome);
  });

  it('shows the ownership matrix with owners and the open issues, defects and violations per cell', async () => {
    const s = settings(page);
    await s.getByTestId('tab-matrix').click();
    const matrix = s.getByTestId('ownership-matrix');
    await matrix.waitFor({ timeout: 60_000 });
    await expect(s.getByTestId('matrix-row-payments').innerText()).resolves.toMatch(/Elena Kuznetsova[\s\S]*Dmitry Volkov/);
    const total = await s.getByTestId('matrix-row-*').getByTestId('matrix-cell').last().innerText();
    expect(total).toMatch(/^[1-9]\d* · [1-9]\d* · [1-9]\d*$/);
    await shotAt(page, '08-matrix', matrix);
  });

  it('speaks Russian, on the panel and the settings page, in the dark theme too', async () => {
    await prefs({ locale: 'ru-RU' }, '/browse/PAY-1');
    const p = panel(page);
    await p.getByTestId('ownership-panel').waitFor({ timeout: 60_000 });
    await expect(p.getByTestId('owner-payments-business').innerText()).resolves.toMatch(/Бизнес-владелец \(BPO\)[\s\S]*Elena Kuznetsova[\s\S]*Маркетинг и продвижение/i);
    await expect(p.getByTestId('product-payments').innerText()).resolves.toMatch(/Платежи и переводы/);
    await page.locator('section', { has: page.locator('iframe[data-frame^="ownership-panel"]') }).scrollIntoViewIfNeeded();
    await shot(page, '09-panel-ru');

    await prefs({ theme: 'dark' }, ADMIN);
    const s = await openSettings();
    await expect(s.getByTestId('save-status').innerText()).resolves.toMatch(/Версия 3[\s\S]*Все изменения сохранены/);
    await s.getByTestId('edit-products-1').click();
    await s.getByTestId('entry-products-1').getByLabel('Ключ').fill('');
    const problem = s.getByTestId('field-products-1-key').getByTestId('field-problem');
    await problem.waitFor({ timeout: 10_000 });
    await expect(problem.innerText()).resolves.toMatch(/products\[1\]\.key/);
    await shotAt(page, '10-settings-ru-dark', s.getByTestId('entry-products-1'));
    await prefs({ locale: 'en-US', theme: 'light' }, ADMIN);
  });
});
