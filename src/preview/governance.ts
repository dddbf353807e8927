/**
 * The preview's frames of the hygiene and defect SLA surfaces: the Governance project page
 * (`/projects/KEY/governance`) and a dashboard with the "Jira hygiene" and "Defect SLA" gadgets
 * (`/dashboards/governance`).
 */
import type { JiraClient } from '../jira/types';
import type { PreviewUser } from './backend';
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
