/**
 * The Governance settings page at 700 px in Russian: every tab's name whole on screen, the row
 * actions of an entry in a "…" menu, checklist items moved with labelled buttons and no ids shown,
 * and the save bar only on tabs that save.
 */
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/demo/site';
import { buildAll, openPreviewSession, SCREENSHOTS, type PreviewSession } from './preview';

jest.setTimeout(150_000);

const ADMIN = '/admin/governance-settings';
const settings = (page: Page): FrameLocator => page.frameLocator('iframe[data-frame^="governance-settings"]');

describe('Governance settings at 700 px in Russian', () => {
  let session: PreviewSession | null = null;
  let page: Page;

  beforeAll(async () => {
    buildAll(['admin-settings']);
    session = await openPreviewSession('gov-settings-layout-');
    page = session.page;
    await page.setViewportSize({ width: 700, height: 900 });
    await page.goto(`${session.preview.url}/__preview/prefs?${new URLSearchParams({ user: DEMO_USERS.admin, locale: 'ru-RU', theme: 'light', back: ADMIN }).toString()}`);
    await settings(page).getByTestId('save-status').waitFor({ timeout: 60_000 });
  });

  afterAll(() => session?.close());

  it('shows every tab’s whole name inside the page', async () => {
    const s = settings(page);
    const tabs = s.getByRole('tab');
    await expect(tabs.count()).resolves.toBe(9);
    const fit = await s.getByRole('tablist').evaluate((list: Element) => {
      const page = list.ownerDocument.documentElement.clientWidth;
      return (Array.from(list.querySelectorAll('[role="tab"]')) as HTMLElement[]).map((t) => {
        const box = t.getBoundingClientRect();
        const clipped = [t, ...(Array.from(t.querySelectorAll('*')) as HTMLElement[])].some((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible');
        return { name: t.innerText, inside: box.left >= 0 && box.right <= page, clipped };
      });
    });
    expect(fit.filter((t) => !t.inside || t.clipped)).toEqual([]);
    expect(fit.map((t) => t.name)).toContain('Синхронизация');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-700-ru.png') });
  });

  it('keeps an entry’s moves and removal in its “…” menu', async () => {
    const s = settings(page);
    const trigger = s.getByTestId('actions-products-0--trigger');
    await trigger.waitFor({ timeout: 30_000 });
    await expect(trigger.getAttribute('aria-label')).resolves.toMatch(/^Действия: /);
    await trigger.click();
    await expect(s.getByRole('menuitem').allInnerTexts()).resolves.toEqual(['Выше', 'Ниже', 'Удалить']);
    await page.keyboard.press('Escape');
  });

  it('moves checklist items with labelled buttons, never showing their ids', async () => {
    const s = settings(page);
    await s.getByTestId('tab-checklists').click();
    const template = s.getByTestId('template-0');
    await template.waitFor({ timeout: 30_000 });
    const first = await template.getByTestId('item-0').getByRole('textbox').first().inputValue();
    const second = await template.getByTestId('item-1').getByRole('textbox').first().inputValue();
    await expect(template.getByTestId('item-down-0').getAttribute('aria-label')).resolves.toMatch(/^Опустить пункт 1 .* ниже$/);
    await expect(template.getByTestId('item-up-0').isDisabled()).resolves.toBe(true);
    await template.getByTestId('item-down-0').click();
    await expect(template.getByTestId('item-0').getByRole('textbox').first().inputValue()).resolves.toBe(second);
    await expect(template.getByTestId('item-1').getByRole('textbox').first().inputValue()).resolves.toBe(first);
    await expect(template.getByText(/^Id$/).count()).resolves.toBe(0);
    await s.getByTestId('save-status').getByText('Есть несохранённые изменения').waitFor({ timeout: 10_000 });
  });

  it('shows the save bar only on tabs that save', async () => {
    const s = settings(page);
    await s.getByTestId('tab-transfer').click();
    await s.getByTestId('export').waitFor({ timeout: 30_000 });
    await expect(s.getByTestId('save-status').count()).resolves.toBe(0);
    await expect(s.getByTestId('save-button').count()).resolves.toBe(0);
    await s.getByTestId('tab-hygiene').click();
    await s.getByTestId('save-status').waitFor({ timeout: 30_000 });
  });
});
