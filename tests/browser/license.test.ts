/**
 * An install whose Marketplace license is not active, in a real Chromium through the local
 * preview (`/__preview/prefs?license=inactive`: the resolvers get `license.isActive: false` from
 * the invocation, as on Forge): every surface says so in the viewer's language instead of its
 * figures, a Jira administrator still reads the settings under the same notice, and nothing the
 * surfaces would have written is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/demo/site';
import { LICENSE_INACTIVE } from '../../src/shared/license-protocol';
import { buildAll, openPreviewSession, SCREENSHOTS, type PreviewSession } from './preview';

jest.setTimeout(240_000);

const frameOf = (page: Page, key: string): FrameLocator => page.frameLocator(`iframe[data-frame^="${key}:"]`);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `license-${name}.png`), fullPage: true });

describe('an inactive license in the preview', () => {
  let session: PreviewSession | null = null;
  let page: Page;
  let url: string;

  const prefs = async (values: Record<string, string>) => {
    const host = new URL(url).hostname;
    await session!.browser.context.addCookies(Object.entries(values).map(([name, value]) => ({ name: `preview-${name}`, value, domain: host, path: '/' })));
  };

  /** The notice in a frame, in the language asked for, and none of the surface's own content. */
  const expectNotice = async (frame: FrameLocator, lang: 'en' | 'ru', admin = false) => {
    const notice = frame.getByTestId('license-inactive');
    await notice.waitFor({ timeout: 60_000 });
    const text = await notice.innerText();
    expect(text).toContain(LICENSE_INACTIVE[lang].title);
    expect(text).toContain(LICENSE_INACTIVE[lang].body);
    expect(text.includes(LICENSE_INACTIVE[lang].admin)).toBe(admin);
  };

  beforeAll(async () => {
    buildAll(['gadget-view', 'gov-gadget-view', 'project-governance', 'issue-view', 'admin-settings']);
    session = await openPreviewSession('gov-license-');
    page = session.page;
    url = session.preview.url;
    await prefs({ license: 'inactive', locale: 'en-US', theme: 'light', user: DEMO_USERS.admin });
  });

  afterAll(() => session?.close());

  it('dashboard gadgets and the project page show the notice in place of their figures', async () => {
    await page.goto(`${url}/dashboard`);
    await expectNotice(frameOf(page, 'backlog-convergence'), 'en');
    await expect(frameOf(page, 'backlog-convergence').getByTestId('sprint-table').count()).resolves.toBe(0);
    await page.goto(`${url}/dashboards/governance`);
    await expectNotice(frameOf(page, 'jira-hygiene'), 'en');
    await expectNotice(frameOf(page, 'defect-sla'), 'en');
    await page.goto(`${url}/projects/PAY/governance`);
    await expectNotice(frameOf(page, 'governance-page'), 'en');
    await shot(page, 'project-page');
  });

  it('every panel of the issue view, and the context summary, show it; the readiness checklists are not touched', async () => {
    const before = fs.readFileSync(path.join(session!.stateDir, 'store.json'), 'utf8');
    await page.goto(`${url}/browse/PAY-1`);
    for (const key of ['issue-summary', 'readiness-panel', 'hygiene-panel', 'ownership-panel']) await expectNotice(frameOf(page, key), 'en');
    await expect(frameOf(page, 'readiness-panel').getByRole('checkbox').count()).resolves.toBe(0);
    await shot(page, 'issue-view');
    expect(fs.readFileSync(path.join(session!.stateDir, 'store.json'), 'utf8')).toBe(before);
  });

  it('the settings page keeps the configuration readable for an administrator, under the notice', async () => {
    await page.goto(`${url}/admin/governance-settings`);
    const admin = frameOf(page, 'governance-settings');
    await expectNotice(admin, 'en', true);
    await admin.getByTestId('settings-page').waitFor();
    await admin.getByRole('tab').first().waitFor({ timeout: 60_000 });
    await shot(page, 'settings');
  });

  it('speaks Russian to a Russian-speaking viewer', async () => {
    await prefs({ locale: 'ru-RU' });
    await page.goto(`${url}/projects/PAY/governance`);
    await expectNotice(frameOf(page, 'governance-page'), 'ru');
    await page.goto(`${url}/admin/governance-settings`);
    await expectNotice(frameOf(page, 'governance-settings'), 'ru', true);
  });

  it('with the license active again, the surfaces are back', async () => {
    await prefs({ license: 'active', locale: 'en-US' });
    await page.goto(`${url}/browse/PAY-1`);
    await frameOf(page, 'ownership-panel').getByTestId('ownership-panel').waitFor({ timeout: 60_000 });
    await expect(frameOf(page, 'ownership-panel').getByTestId('license-inactive').count()).resolves.toBe(0);
  });
});
