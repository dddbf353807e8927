/**
 * The preview's Jira administration page for the app (`jira:adminPage` "Governance settings"), and
 * a Jira-like profile page at `/jira/people/<accountId>`, where the Ownership panel's owner links
 * lead. The page does not decide who may administer: the resolvers ask Jira (the emulator) as the
 * chosen user, so a non-administrator sees the page refuse them.
 */
import type { JiraClient } from '../jira/types';
import { JiraError } from '../jira/types';
import type { PreviewUser } from './backend';
import { esc, layout, type Prefs } from './pages';

export const ADMIN_MODULE = 'governance-settings';
export const ADMIN_PAGE = `/admin/${ADMIN_MODULE}`;

/** What Jira tells an admin page about where it runs (`context.extension`). */
export function adminPageContext(moduleKey: string): { extension: Record<string, unknown> } | Record<string, never> {
  if (moduleKey !== ADMIN_MODULE) return {};
  return { extension: { type: 'jira:adminPage' } };
}

const langOf = (prefs: Prefs) => (prefs.locale === 'ru-RU' ? 'ru' : 'en');

export function adminSettingsPage(prefs: Prefs, users: readonly PreviewUser[], siteName: string): string {
  const ru = langOf(prefs) === 'ru';
  const frame = `${ADMIN_MODULE}:site:view`;
  const me = users.find((u) => u.accountId === prefs.user);
  const body = `<p style="color:var(--subtle);margin:0 0 4px">${ru ? 'Настройки Jira / Приложения' : 'Jira settings / Apps'}</p>
${me && !me.admin ? `<p data-testid="not-admin-hint" style="color:var(--subtle)">${ru ? `${esc(me.displayName)} не администратор Jira: приложение должно отказать на сервере.` : `${esc(me.displayName)} is not a Jira administrator: the app must refuse on the server.`}</p>` : ''}
<section class="gadget" data-testid="admin-page-frame" style="max-width:1240px">
  <iframe title="${ru ? 'Настройки governance' : 'Governance settings'}" data-frame="${esc(frame)}" data-view-url="${ADMIN_PAGE}" src="/app/admin-settings/?frame=${encodeURIComponent(frame)}"></iframe>
</section>`;
  return layout(ru ? 'Настройки governance' : 'Governance settings', prefs, users, siteName, ADMIN_PAGE, body);
}

/** A person's profile, as far as the viewer may see it. */
export async function profilePage(prefs: Prefs, users: readonly PreviewUser[], siteName: string, client: JiraClient, accountId: string): Promise<{ status: number; html: string }> {
  const ru = langOf(prefs) === 'ru';
  const current = `/jira/people/${encodeURIComponent(accountId)}`;
  try {
    const user = await client.user(accountId);
    if (!user) throw new JiraError('GET /rest/api/3/user', 404, 'not found');
    const avatar = Object.values(user.avatarUrls ?? {})[0];
    const initials = (user.displayName ?? '?')
      .split(/\s+/)
      .map((w) => w[0] ?? '')
      .join('')
      .slice(0, 2);
    const body = `<p style="color:var(--subtle);margin:0 0 4px">${ru ? 'Люди' : 'People'}</p>
<div data-testid="profile" style="display:flex;gap:16px;align-items:center">
  <div style="width:72px;height:72px;border-radius:50%;background:var(--active);display:flex;align-items:center;justify-content:center;font-size:28px;font-weight:600" title="${esc(avatar ?? '')}">${esc(initials)}</div>
  <div><h1 data-testid="profile-name" style="margin:0">${esc(user.displayName ?? accountId)}</h1>
  <p style="color:var(--subtle);margin:4px 0 0">${esc(user.emailAddress ?? '')}</p>
  <p style="color:var(--subtle);margin:4px 0 0;font-size:12px">${esc(accountId)}</p></div>
</div>`;
    return { status: 200, html: layout(user.displayName ?? accountId, prefs, users, siteName, current, body) };
  } catch (err) {
    if (!(err instanceof JiraError)) throw err;
    const body = `<h1>${ru ? 'Пользователь не найден' : 'User not found'}</h1><p>${ru ? 'Такого пользователя нет, или вам не разрешено его видеть.' : 'This user does not exist, or you may not see them.'}</p>`;
    return { status: 404, html: layout(accountId, prefs, users, siteName, current, body) };
  }
}
