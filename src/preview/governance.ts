/**
 * The preview's frames of the hygiene and defect SLA surfaces: the Governance project page
 * (`/projects/KEY/governance`), a dashboard with the "Jira hygiene" and "Defect SLA" gadgets
 * (`/dashboards/governance`), and one with all three gadgets (`/dashboards/overview`).
 */
import type { JiraClient } from '../jira/types';
import type { PreviewUser } from './backend';
import { PREVIEW_MODULES } from './modules';
import { esc, layout, type Prefs } from './pages';

export const PROJECT_PAGE_MODULE = 'governance-page';
export const GOVERNANCE_DASHBOARD = '/dashboards/governance';

/** The two gadgets on the governance dashboard, each with its own saved settings. */
export const GOVERNANCE_GADGETS = [
  { module: 'jira-hygiene', id: 'hygiene', title: { en: 'Jira hygiene', ru: 'Чистота ведения Jira' } },
  { module: 'defect-sla', id: 'sla', title: { en: 'Defect SLA', ru: 'SLA по дефектам' } },
] as const;

/** What Jira tells a project page about where it runs; nothing for other frames. */
export function projectPageContext(moduleKey: string, projectKey: string): { extension: Record<string, unknown> } | Record<string, never> {
  if (moduleKey !== PROJECT_PAGE_MODULE) return {};
  return { extension: { type: 'jira:projectPage', project: { key: projectKey, type: 'software' } } };
}

const langOf = (prefs: Prefs) => (prefs.locale === 'ru-RU' ? 'ru' : 'en');

/** The projects the viewer may open the page of: those with a board they may see. */
async function projectsOf(client: JiraClient): Promise<{ key: string; name: string }[]> {
  const boards = await client.boards().catch(() => []);
  const seen = new Map<string, string>();
  for (const b of boards) {
    const key = b.location?.projectKey;
    if (key && !seen.has(key)) seen.set(key, (b.location as { projectName?: string } | null | undefined)?.projectName ?? key);
  }
  return [...seen].map(([key, name]) => ({ key, name })).sort((a, b) => a.key.localeCompare(b.key));
}

export async function projectGovernancePage(prefs: Prefs, users: readonly PreviewUser[], siteName: string, client: JiraClient, projectKey: string, current: string): Promise<string> {
  const lang = langOf(prefs);
  const projects = await projectsOf(client);
  const project = projects.find((p) => p.key === projectKey);
  const frame = `${PROJECT_PAGE_MODULE}:${projectKey}:view`;
  const switcher = projects
    .map((p) => `<a href="/projects/${esc(p.key)}/governance" class="chip${p.key === projectKey ? ' on' : ''}" data-testid="project-link">${esc(p.key)}</a>`)
    .join(' ');
  const body = project
    ? `<p style="color:var(--subtle);margin:0 0 4px">${lang === 'ru' ? 'Проекты' : 'Projects'} / ${esc(project.name)}</p>
<div style="margin:0 0 12px;display:flex;gap:6px;flex-wrap:wrap">${switcher}</div>
<section class="gadget" data-testid="project-page-frame" style="max-width:1200px">
  <iframe title="Governance" data-frame="${esc(frame)}" data-view-url="${esc(current)}" src="/app/project-governance/?frame=${encodeURIComponent(frame)}"></iframe>
</section>
<style>.chip{padding:2px 8px;border:1px solid var(--border);border-radius:12px;color:var(--text);text-decoration:none;font-size:12px}.chip.on{background:var(--active);font-weight:600}</style>`
    : `<h1>${esc(projectKey)}</h1><p data-testid="no-project">${lang === 'ru' ? 'Проект не существует, или у вас нет к нему доступа.' : 'This project does not exist, or you may not browse it.'}</p><div>${switcher}</div>`;
  return layout(`Governance · ${projectKey}`, prefs, users, siteName, current, body);
}

export function governanceDashboardPage(prefs: Prefs, users: readonly PreviewUser[], siteName: string, editing: string | null): string {
  const lang = langOf(prefs);
  const sections = GOVERNANCE_GADGETS.map((g) => {
    const edit = editing === g.id;
    const frame = `${g.module}:${g.id}:${edit ? 'edit' : 'view'}`;
    const resource = edit ? 'gov-gadget-edit' : 'gov-gadget-view';
    return `<section class="gadget" data-testid="gadget-frame-${g.id}">
  <div class="gadget-head"><h2>${esc(g.title[lang])}</h2>
    ${edit ? `<a href="${GOVERNANCE_DASHBOARD}" data-testid="gadget-view-link-${g.id}">${lang === 'ru' ? 'Просмотр' : 'View'}</a>` : `<button type="button" data-refresh="${esc(frame)}">${lang === 'ru' ? 'Обновить' : 'Refresh'}</button><a href="${GOVERNANCE_DASHBOARD}?edit=${g.id}" data-testid="gadget-edit-link-${g.id}">${lang === 'ru' ? 'Изменить' : 'Edit'}</a>`}
  </div>
  <iframe title="${esc(g.title[lang])}" data-frame="${esc(frame)}" data-view-url="${GOVERNANCE_DASHBOARD}" src="/app/${resource}/?frame=${encodeURIComponent(frame)}"></iframe>
</section>`;
  }).join('\n');
  return layout(lang === 'ru' ? 'Дашборд: дефекты и чистота' : 'Dashboard: defects and hygiene', prefs, users, siteName, GOVERNANCE_DASHBOARD, `<h1>${lang === 'ru' ? 'Дашборд: дефекты и чистота' : 'Dashboard: defects and hygiene'}</h1>\n${sections}`);
}

export const OVERVIEW_DASHBOARD = '/dashboards/overview';

/** A dashboard as a team lead would set one up: the three gadgets together (convergence on the left, defects and hygiene on the right). */
export const OVERVIEW_GADGETS = [
  { module: 'backlog-convergence', id: 'overview-convergence', column: 'left' },
  { module: 'jira-hygiene', id: 'overview-hygiene', column: 'right' },
  { module: 'defect-sla', id: 'overview-sla', column: 'right' },
] as const;

export function overviewDashboardPage(prefs: Prefs, users: readonly PreviewUser[], siteName: string, editing: string | null): string {
  const lang = langOf(prefs);
  const section = (g: (typeof OVERVIEW_GADGETS)[number]) => {
    const m = PREVIEW_MODULES.find((x) => x.key === g.module);
    if (!m) throw new Error(`no preview module ${g.module}`);
    const edit = editing === g.id;
    const frame = `${g.module}:${g.id}:${edit ? 'edit' : 'view'}`;
    const resource = edit ? (m.editResource ?? m.resource) : m.resource;
    return `<section class="gadget" data-testid="gadget-frame-${g.id}">
  <div class="gadget-head"><h2>${esc(m.title[lang])}</h2>
    ${edit ? `<a href="${OVERVIEW_DASHBOARD}" data-testid="gadget-view-link-${g.id}">${lang === 'ru' ? 'Просмотр' : 'View'}</a>` : `<button type="button" data-refresh="${esc(frame)}">${lang === 'ru' ? 'Обновить' : 'Refresh'}</button><a href="${OVERVIEW_DASHBOARD}?edit=${g.id}" data-testid="gadget-edit-link-${g.id}">${lang === 'ru' ? 'Изменить' : 'Edit'}</a>`}
  </div>
  <iframe title="${esc(m.title[lang])}" data-frame="${esc(frame)}" data-view-url="${OVERVIEW_DASHBOARD}" src="/app/${resource}/?frame=${encodeURIComponent(frame)}"></iframe>
</section>`;
  };
  const column = (c: 'left' | 'right') => OVERVIEW_GADGETS.filter((g) => g.column === c).map(section).join('\n');
  const title = lang === 'ru' ? 'Дашборд: обзор' : 'Dashboard: overview';
  const body = `<h1>${title}</h1>
<div class="columns" style="display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:16px;align-items:start">
<div>${column('left')}</div>
<div>${column('right')}</div>
</div>
<style>.columns .gadget{max-width:none}@media (max-width: 1000px){.columns{grid-template-columns:minmax(0,1fr)!important}}</style>`;
  return layout(title, prefs, users, siteName, OVERVIEW_DASHBOARD, body);
}
