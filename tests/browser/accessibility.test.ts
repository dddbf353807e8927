/**
 * axe-core over every page of the app that the other browser suites do not already check, at the
 * widths Jira gives each module, in English (light) and Russian (dark): the Jira hygiene and Defect
 * SLA gadgets (about 400 px in a three-column dashboard, and full width), the dashboard with the three
 * gadgets, each tab of the Governance project page and each tab of the settings page (700 px and
 * 1440 px). The convergence gadget, its drill-down and the issue view run axe in their own suites.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { buildAll, openPreviewSession, SCREENSHOTS, type PreviewSession } from './preview';

jest.setTimeout(300_000);

const THEMES = [
  { locale: 'en-US', theme: 'light' },
  { locale: 'ru-RU', theme: 'dark' },
] as const;

/** The app frames of the page whose frame id starts with `key`. */
function framesOf(page: Page, key: string): Frame[] {
  return page.frames().filter((f) => new URL(f.url(), 'http://x').searchParams.get('frame')?.startsWith(key) === true);
}

/** Waits until the frame shows its content: past the first sync, nothing loading (a board syncing again is content too). */
async function settled(frame: Frame, what: string): Promise<void> {
  // A progress bar with a value (the store's size) is content; one without is something loading.
  const busy = '[data-testid="first-sync"], [role="progressbar"]:not([aria-valuenow]), [aria-busy="true"]';
  try {
    await frame.waitForFunction((sel) => document.body.innerText.trim().length > 0 && !document.querySelector(sel), busy, { timeout: 120_000, polling: 250 });
  } catch (err) {
    const still = await frame.evaluate((sel) => Array.from(document.querySelectorAll(sel), (e) => e.outerHTML.slice(0, 300)), busy).catch(() => []);
    throw new Error(`${what} still loading after 2 minutes: ${still.join(' | ') || '(empty page)'}`, { cause: err });
  }
}

describe('axe-core finds no WCAG 2.1 AA violation on any page, at the widths Jira gives it', () => {
  let session: PreviewSession;
  let page: Page;
  let url: string;

  const prefs = async (locale: string, theme: string, back: string) => {
    await page.goto(`${url}/__preview/prefs?${new URLSearchParams({ locale, theme, back }).toString()}`);
  };
  const check = async (frame: Frame, what: string) => {
    await settled(frame, what);
    expect({ what, violations: await axeViolations(frame) }).toEqual({ what, violations: [] });
  };

  beforeAll(async () => {
    buildAll(['gov-gadget-view', 'gadget-view', 'project-governance', 'admin-settings']);
    session = await openPreviewSession('gov-a11y-state-');
    page = session.page;
    url = session.preview.url;
  });

  afterAll(async () => {
    await session?.close();
  });

  describe.each(THEMES)('$locale, $theme', ({ locale, theme }) => {
    it.each([
      { width: 440, label: 'in a narrow column' },
      { width: 1440, label: 'full width' },
    ])('the hygiene and Defect SLA gadgets, $label', async ({ width }) => {
      await page.setViewportSize({ width, height: 1000 });
      await prefs(locale, theme, '/dashboards/governance');
      const frames = [...framesOf(page, 'jira-hygiene'), ...framesOf(page, 'defect-sla')];
      expect(frames.length).toBe(2);
      for (const f of frames) {
        const frameWidth = await f.evaluate(() => document.documentElement.clientWidth);
        if (width < 1000) expect(frameWidth).toBeLessThanOrEqual(440);
        await check(f, `${new URL(f.url()).searchParams.get('frame') ?? ''} at ${frameWidth} px`);
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, `a11y-gadgets-${width}-${locale}-${theme}.png`), fullPage: true });
    });

    it('the dashboard with the three gadgets side by side', async () => {
      await page.setViewportSize({ width: 1440, height: 1000 });
      await prefs(locale, theme, '/dashboards/overview');
      const frames = page.frames().filter((f) => f !== page.mainFrame() && f.url().includes('/app/'));
      expect(frames.length).toBeGreaterThanOrEqual(3);
      for (const f of frames) await check(f, new URL(f.url()).searchParams.get('frame') ?? f.url());
    });

    it.each([700, 1440])('every tab of the Governance project page at %i px', async (width) => {
      await page.setViewportSize({ width, height: 1000 });
      await prefs(locale, theme, '/projects/PAY/governance');
      const frame = page.frames().find((f) => f.url().includes('/app/project-governance/'));
      expect(frame).toBeDefined();
      const f = frame as Frame;
      await f.locator('[role="tab"]').first().waitFor({ timeout: 60_000 });
      const tabs = await f.locator('[role="tab"]').count();
      expect(tabs).toBeGreaterThanOrEqual(4);
      for (let i = 0; i < tabs; i++) {
        const tab = f.locator('[role="tab"]').nth(i);
        await tab.click();
        await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
        await check(f, `project page tab ${(await tab.textContent()) ?? i}`);
      }
    });

    it.each([700, 1440])('every tab of the settings page at %i px', async (width) => {
      await page.setViewportSize({ width, height: 1000 });
      await prefs(locale, theme, '/admin/governance-settings');
      const frame = page.frames().find((f) => f.url().includes('/app/admin-settings/'));
      expect(frame).toBeDefined();
      const f = frame as Frame;
      await f.locator('[role="tab"]').first().waitFor({ timeout: 60_000 });
      const tabs = await f.locator('[role="tab"]').count();
      expect(tabs).toBeGreaterThanOrEqual(5);
      for (let i = 0; i < tabs; i++) {
        const tab = f.locator('[role="tab"]').nth(i);
        await tab.click();
        await expect(tab.getAttribute('aria-selected')).resolves.toBe('true');
        await check(f, `settings tab ${(await tab.textContent()) ?? i}`);
      }
    });
  });
});
