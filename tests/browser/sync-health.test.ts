/**
 * The "Data sync" tab of the governance settings in a real Chromium, through the local preview on
 * the demo site: an administrator adds boards ahead of any viewer and watches their first sync
 * finish, reads when their figures are as of in Jira's time zone, re-syncs a board (its run count
 * moves on), and stops syncing one after a confirmation; in English and Russian, at 1440 and 700 px
 * (where each board becomes a card of labelled values, without a horizontal scroll bar).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { parseConfigOrThrow } from '../../src/domain/config';
import { DEMO_NOW, DEMO_USERS, demoConfig } from '../../src/demo/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { buildAll, openPreviewSession, SCREENSHOTS, type PreviewSession } from './preview';

jest.setTimeout(180_000);

const ADMIN = '/admin/governance-settings';
const settings = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame^="governance-settings"]');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `sync-health-${name}.png`), fullPage: true });
/** DEMO_NOW as the tab writes it: in Jira's time zone (the preview's is Moscow), in the viewer's language. */
const asOfText = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Moscow' }).format(new Date(DEMO_NOW));

describe('the Data sync tab in the preview', () => {
  let session: PreviewSession | null = null;
  let page: Page;
  let url: string;

  const prefs = (q: { user?: string; locale?: string }, back: string) => page.goto(`${url}/__preview/prefs?${new URLSearchParams({ ...q, back }).toString()}`);

  async function openTab(tabName: string): Promise<FrameLocator> {
    await page.goto(`${url}${ADMIN}`);
    const s = settings(page);
    await s.getByTestId('save-status').waitFor({ timeout: 60_000 });
    await s.getByRole('tab', { name: tabName }).click();
    await s.getByTestId('sync-tab').waitFor();
    await s.getByTestId('sync-totals').or(s.getByTestId('notice-error')).or(s.getByTestId('notice-warning')).first().waitFor({ timeout: 30_000 });
    return s;
  }

  /** The frame's page is no wider than its viewport: nothing to scroll sideways. */
  async function expectNoSidewaysScroll(s: FrameLocator): Promise<void> {
    const widths = await s.locator('html').evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  }

  const runsOf = async (row: Locator) => Number((await row.getByTestId('runs').innerText()).replace(/\D/g, ''));

  beforeAll(async () => {
    buildAll(['admin-settings']);
    // The settings page's match counts register the boards of the configured projects when the store
    // holds none; here the mapping names a project without boards, so the store starts empty and
    // the boards come only from this tab.
    const config = parseConfigOrThrow(demoConfig());
    for (const list of [config.products, config.channels, config.segments]) for (const e of list) e.match.projects = ['NOBOARDS'];
    session = await openPreviewSession('gov-sync-health-state-', (dir) =>
      fs.writeFileSync(path.join(dir, 'store.json'), JSON.stringify({ [CONFIG_KEY]: { value: config, version: 1, expiresAt: null } })),
    );
    page = session.page;
    url = session.preview.url;
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  afterAll(() => session?.close());

  it('adds boards ahead of any viewer, shows their first sync finish, as of in Jira’s time zone, and re-syncs one (en, 1440 px)', async () => {
    await prefs({ user: DEMO_USERS.admin, locale: 'en-US' }, ADMIN);
    const s = await openTab('Data sync');
    await expect(s.getByTestId('sync-empty').innerText()).resolves.toMatch(/No board is synced yet/);
    expect(fs.existsSync(path.join(session!.stateDir, 'governance-store'))).toBe(true);

    // Add the PAY and LOAN boards through the board picker.
    for (const name of ['PAY board', 'LOAN board']) {
      await s.locator('#boards').fill(name);
      await s.getByText(`${name} (${name.split(' ')[0]})`, { exact: true }).last().click();
    }
    await s.getByTestId('add-boards-button').click();
    await expect(s.getByTestId('sync-flash').getByText(/2 boards added: their first sync is queued/).waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
    const pay = s.getByTestId('sync-row-1');
    // The tab reads again by itself until the first sync is done.
    await pay.getByTestId('status').getByText('up to date').waitFor({ timeout: 60_000 });
    await s.getByTestId('sync-row-4').getByTestId('status').getByText('up to date').waitFor({ timeout: 60_000 });

    await expect(s.getByRole('rowheader', { name: 'PAY board' }).count()).resolves.toBe(1);
    await expect(s.getByRole('columnheader', { name: 'Issues stored' }).count()).resolves.toBe(1);
    await expect(pay.getByTestId('board-link').getAttribute('href')).resolves.toMatch(/\/secure\/RapidBoard\.jspa\?rapidView=1$/);
    // The viewer's locale is en-US: American dates ("Nov 27, 2026, 3:00 PM"), in Jira's time zone.
    await expect(pay.getByTestId('as-of').innerText()).resolves.toContain(asOfText('en-US'));
    expect(Number((await pay.getByTestId('issues').innerText()).replace(/\D/g, ''))).toBeGreaterThan(50);
    await expect(pay.getByTestId('last-run').innerText()).resolves.toMatch(/#1[\s\S]*\d+ requests · [\d,]+ objects/);
    await expect(pay.getByTestId('last-error').innerText()).resolves.toBe('none');
    await expect(s.getByTestId('total-boards').innerText()).resolves.toBe('2 boards');
    await expect(s.getByTestId('total-size').innerText()).resolves.toMatch(/Store: [\d.]+ MiB of the 1,024 MiB Forge SQL gives one installation/);

    // Re-sync PAY: the run count moves on.
    const before = await runsOf(pay);
    // The row's actions are in its "…" menu, named after the board for a screen reader.
    await s.getByRole('button', { name: 'Actions for PAY board' }).click();
    await s.getByRole('menuitem', { name: 'Re-sync' }).click();
    await s.getByTestId('sync-flash').getByText('A re-sync of PAY board is queued.').waitFor({ timeout: 10_000 });
    await pay.getByTestId('runs').getByText(`#${before + 1}`).waitFor({ timeout: 30_000 });
    // Again at once: refused with the wait, the run count unchanged.
    await s.getByRole('button', { name: 'Actions for PAY board' }).click();
    await s.getByRole('menuitem', { name: 'Re-sync' }).click();
    await s.getByTestId('sync-flash').getByText(/Asked for less than a minute ago: try again in \d+ s\./).waitFor({ timeout: 10_000 });
    expect(await runsOf(pay)).toBe(before + 1);
    await shot(page, 'en-1440');
  });

  it('turns each board into a card of labelled values at 700 px, with nothing to scroll sideways (en)', async () => {
    await page.setViewportSize({ width: 700, height: 1000 });
    const s = await openTab('Data sync');
    const pay = s.getByTestId('sync-row-1');
    await pay.waitFor();
    await expectNoSidewaysScroll(s);
    // The column's name is written beside each value (the header row is hidden from sight, not from screen readers).
    const label = await pay.getByTestId('issues').evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe('"Issues stored"');
    await expect(s.getByRole('columnheader', { name: 'Last error' }).count()).resolves.toBe(1);
    await shot(page, 'en-700');
  });

  it('speaks Russian, at 1440 px', async () => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await prefs({ user: DEMO_USERS.admin, locale: 'ru-RU' }, ADMIN);
    const s = await openTab('Синхронизация');
    const pay = s.getByTestId('sync-row-1');
    await pay.waitFor();
    await expect(s.getByRole('columnheader', { name: 'Задач в хранилище' }).count()).resolves.toBe(1);
    await expect(pay.getByTestId('status').innerText()).resolves.toMatch(/актуальна/);
    await expect(pay.getByTestId('as-of').innerText()).resolves.toContain(asOfText('ru-RU'));
    await expect(s.getByTestId('total-boards').innerText()).resolves.toBe('2 доски');
    await expect(pay.getByTestId('last-run').innerText()).resolves.toMatch(/№\d+[\s\S]*запрос/);
    await shot(page, 'ru-1440');
  });

  it('stops syncing a board after a confirmation that takes the focus, and says a gadget showing it registers it again (ru, 700 px)', async () => {
    await page.setViewportSize({ width: 700, height: 1000 });
    const s = await openTab('Синхронизация');
    await s.getByTestId('sync-row-4').waitFor();
    await expectNoSidewaysScroll(s);
    // Nine tabs wrap rather than cut their names.
    const tab = await s.getByTestId('tab-sync').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(tab.scroll).toBeLessThanOrEqual(tab.client);
    await s.getByRole('button', { name: 'Действия: LOAN board' }).click();
    await s.getByRole('menuitem', { name: 'Остановить синхронизацию' }).click();
    const confirm = s.getByTestId('forget-confirm');
    await confirm.waitFor();
    await expect(confirm.innerText()).resolves.toMatch(/Остановить синхронизацию LOAN board\?[\s\S]*зарегистрируют её снова/);
    await expect(s.locator(':focus').innerText()).resolves.toBe('Остановить');
    await expectNoSidewaysScroll(s);
    await shot(page, 'ru-700-confirm');
    await s.getByTestId('forget-confirm-button').click();
    await s.getByTestId('sync-flash').getByText(/LOAN board больше не синхронизируется/).waitFor({ timeout: 10_000 });
    await s.getByTestId('sync-row-4').waitFor({ state: 'detached', timeout: 10_000 });
    // The focus is not lost with the row: it is on what happened.
    await expect(s.locator(':focus').getAttribute('data-testid')).resolves.toBe('sync-flash');
    await expect(s.getByTestId('total-boards').innerText()).resolves.toBe('1 доска');
    await shot(page, 'ru-700');
  });
});
