/**
 * The preview's Jira-like host pages. They hold no app logic: each frames a built Custom UI
 * resource, the way Jira frames it, with a toolbar to act as another user, in another language
 * or theme.
 */
import { MODAL_CSS, MODAL_HOST_SCRIPT } from './modal';
import { NAV, PREVIEW_MODULES } from './modules';
import type { PreviewUser } from './backend';

export interface Prefs {
  user: string;
  locale: 'en-US' | 'ru-RU';
  theme: 'light' | 'dark';
  /**
   * The app's Marketplace license as Forge would send it (default `active`): `inactive` for an
   * install whose license lapsed, `none` for a free, development or staging install. Set with
   * `/__preview/prefs?license=inactive`; not in the toolbar.
   */
  license?: PreviewLicense;
}

export type PreviewLicense = 'active' | 'inactive' | 'none';

export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;

/** A Jira-like page; `current` is the page's own path (and query), where the toolbar comes back to. */
export function layout(title: string, prefs: Prefs, users: readonly PreviewUser[], siteName: string, current: string, body: string): string {
  const nav = NAV.map((n) =>
    n.path
      ? `<a class="nav${current === n.path || current.startsWith(`${n.path}?`) || (n.also ?? []).some((a) => current.startsWith(a)) ? ' active' : ''}" href="${n.path}">${esc(n.label)}</a>`
      : `<span class="nav soon" title="Added by a later module">${esc(n.label)}</span>`,
  ).join('');
  return `<!doctype html>
<html lang="${prefs.locale.slice(0, 2)}" data-preview-theme="${prefs.theme}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Governance for Jira (preview)</title>
<style>
  :root { --bg:#F7F8F9; --surface:#FFFFFF; --text:#172B4D; --subtle:#626F86; --border:#DCDFE4; --top:#1868DB; --active:#E9F2FF; }
  [data-preview-theme="dark"] { --bg:#161A1D; --surface:#22272B; --text:#B6C2CF; --subtle:#8C9BAB; --border:#38414A; --top:#1C2B41; --active:#1C2B41; }
  * { box-sizing: border-box; }
  body { margin:0; font: 14px/1.43 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; background:var(--bg); color:var(--text); }
  header { display:flex; align-items:center; gap:16px; padding:8px 16px; background:var(--top); color:#fff; flex-wrap:wrap; }
  header b { font-size:16px; } header .site { opacity:.8; }
  header form { margin-left:auto; display:flex; gap:8px; align-items:center; flex-wrap:wrap; }
  header label { font-size:12px; opacity:.9; } header select { font:inherit; padding:2px 4px; border-radius:3px; border:0; }
  .wrap { display:flex; min-height:calc(100vh - 48px); }
  nav { width:180px; padding:16px 8px; border-right:1px solid var(--border); background:var(--surface); flex:none; }
  .nav { display:block; padding:6px 8px; border-radius:3px; color:var(--text); text-decoration:none; }
  .nav.active { background:var(--active); font-weight:600; } .nav.soon { color:var(--subtle); font-style:italic; }
  main { flex:1; padding:16px 24px; min-width:0; }
  h1 { font-size:20px; margin:0 0 16px; }
  .gadget { background:var(--surface); border:1px solid var(--border); border-radius:4px; margin-bottom:16px; max-width:980px; }
  .gadget-head { display:flex; align-items:center; gap:8px; padding:8px 12px; border-bottom:1px solid var(--border); }
  .gadget-head h2 { font-size:14px; margin:0; flex:1; }
  .gadget-head a, .gadget-head button { font:inherit; font-size:13px; color:var(--text); background:none; border:1px solid var(--border); border-radius:3px; padding:2px 8px; cursor:pointer; text-decoration:none; }
  .gadget iframe { display:block; width:100%; border:0; height:200px; }
  /* A narrow window, as Jira's: the sidebar folds away and the page takes the width. */
  @media (max-width: 700px) { nav { display:none; } main { padding:12px; } header form { margin-left:0; } }
  .columns { display:grid; gap:16px; align-items:start; }
  .columns > .gadget { max-width:none; margin:0; }
  .empty-column { border:1px dashed var(--border); border-radius:4px; min-height:160px; color:var(--subtle); display:flex; align-items:center; justify-content:center; font-size:12px; }
  ${MODAL_CSS}
  .flag { position:fixed; right:16px; bottom:16px; background:var(--surface); border:1px solid var(--border); padding:12px 16px; border-radius:4px; box-shadow:0 4px 8px rgba(0,0,0,.2); }
</style>
</head>
<body>
<header><b>Governance for Jira</b><span class="site">preview · ${esc(siteName)}</span>
<form method="get" action="/__preview/prefs" id="prefs">
  <input type="hidden" name="back" value="${esc(current)}">
  <label>User <select name="user" data-testid="user-select">${users.map((u) => option(u.accountId, u.displayName, u.accountId === prefs.user)).join('')}</select></label>
  <label>Language <select name="locale" data-testid="locale-select">${option('en-US', 'English', prefs.locale === 'en-US')}${option('ru-RU', 'Русский', prefs.locale === 'ru-RU')}</select></label>
  <label>Theme <select name="theme" data-testid="theme-select">${option('light', 'Light', prefs.theme === 'light')}${option('dark', 'Dark', prefs.theme === 'dark')}</select></label>
</form></header>
<div class="wrap"><nav>${nav}</nav><main>${body}</main></div>
<script>${MODAL_HOST_SCRIPT}</script>
<script>
  document.querySelectorAll('#prefs select').forEach(function (s) { s.addEventListener('change', function () { s.form.submit(); }); });
  window.addEventListener('message', function (e) {
    var m = e.data; if (!m || m.source !== 'forge-preview') return;
    // events.emit from one module reaches the app's other modules on the page, as on Forge.
    if (m.type === 'event' && m.detail) document.querySelectorAll('iframe[data-frame]').forEach(function (f) {
      if (f.dataset.frame !== m.frame) f.contentWindow.postMessage({ source: 'forge-preview-host', event: m.detail.event, payload: m.detail.payload }, '*');
    });
    var frame = document.querySelector('iframe[data-frame="' + m.frame + '"]'); if (!frame) return;
    if (window.__previewModal(m, frame)) return;
    if (m.type === 'resize') frame.style.height = Math.max(120, m.detail + 4) + 'px';
    if (m.type === 'submitted' || m.type === 'close') location.assign(frame.dataset.viewUrl);
    if (m.type === 'flag') { var f = document.createElement('div'); f.className = 'flag'; f.textContent = (m.detail && (m.detail.title || m.detail.description)) || ''; document.body.appendChild(f); setTimeout(function () { f.remove(); }, 4000); }
  });
  document.querySelectorAll('[data-refresh]').forEach(function (b) { b.addEventListener('click', function () {
    var frame = document.querySelector('iframe[data-frame="' + b.dataset.refresh + '"]');
    frame.contentWindow.postMessage({ source: 'forge-preview-host', event: 'JIRA_DASHBOARD_GADGET_REFRESH', payload: {} }, '*');
  }); });
</script>
</body></html>`;
}

/** Jira's dashboard layouts by their number of columns (one, two or three: a gadget ~400 px wide at 1440 px). */
export type DashboardColumns = 1 | 2 | 3;

export const columnsOf = (value: string | null): DashboardColumns => (value === '2' ? 2 : value === '3' ? 3 : 1);

/**
 * The dashboard: the convergence gadget, in view mode or (for gadget `editing`) in edit mode, in the
 * first column of a one-, two- or three-column layout (`?columns=`), the other columns empty.
 */
export function dashboardPage(prefs: Prefs, users: readonly PreviewUser[], siteName: string, gadgetId: string, editing: boolean, columns: DashboardColumns = 1): string {
  const m = PREVIEW_MODULES.find((x) => x.type === 'jira:dashboardGadget');
  if (!m) throw new Error('no gadget module');
  const lang = prefs.locale === 'ru-RU' ? 'ru' : 'en';
  const resource = editing && m.editResource ? m.editResource : m.resource;
  const frame = `${m.key}:${gadgetId}:${editing ? 'edit' : 'view'}`;
  const viewUrl = columns === 1 ? '/dashboard' : `/dashboard?columns=${columns}`;
  const empty = Array.from({ length: columns - 1 }, () => `<div class="empty-column">${lang === 'ru' ? 'Пустая колонка' : 'Empty column'}</div>`).join('');
  const body = `<h1>${lang === 'ru' ? 'Дашборд' : 'Dashboard'}: Governance</h1>
${columns > 1 ? `<div class="columns" data-testid="dashboard-columns" style="grid-template-columns:repeat(${columns}, minmax(0, 1fr))">` : ''}
<section class="gadget" data-testid="gadget-frame">
  <div class="gadget-head"><h2>${esc(m.title[lang])}</h2>
    ${editing ? `<a href="${esc(viewUrl)}" data-testid="gadget-view-link">${lang === 'ru' ? 'Просмотр' : 'View'}</a>` : `<button type="button" data-refresh="${esc(frame)}">${lang === 'ru' ? 'Обновить' : 'Refresh'}</button><a href="/dashboard?edit=${encodeURIComponent(gadgetId)}${columns > 1 ? `&amp;columns=${columns}` : ''}" data-testid="gadget-edit-link">${lang === 'ru' ? 'Изменить' : 'Edit'}</a>`}
  </div>
  <iframe title="${esc(m.title[lang])}" data-frame="${esc(frame)}" data-view-url="${viewUrl}" src="/app/${resource}/?frame=${encodeURIComponent(frame)}"></iframe>
</section>${columns > 1 ? `${empty}</div>` : ''}`;
  return layout(m.title[lang], prefs, users, siteName, viewUrl, body);
}
