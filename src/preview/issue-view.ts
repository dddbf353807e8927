/**
 * The preview's issue pages: an issue view that frames every `jira:issuePanel` of PREVIEW_MODULES
 * (a new panel is one entry there), with the Forge context Jira gives an issue panel; and an issue
 * search whose JQL understands the app's search aliases (`dorReady = false`), as Jira does once
 * the app's `jira:entityProperty` module is installed.
 */
import { adfLines } from '../domain/adf';
import { propertySummaries, READINESS_PROPERTY_KEY, READINESS_SEARCH_ALIASES, type ChecklistSummary } from '../domain/checklists';
import { discoverFields } from '../domain/issue';
import type { JiraIssue } from '../domain/jira';
import type { JiraClient } from '../jira/types';
import { JiraError } from '../jira/types';
import type { PreviewUser } from './backend';
import { PREVIEW_MODULES, type PreviewModule } from './modules';
import { esc, layout, type Prefs } from './pages';
import { httpUrl } from '../shared/safe-url';

/** What Jira tells an issue panel about its issue (`context.extension`). */
export interface IssueRef {
  id: string;
  key: string;
  typeId: string;
  typeName: string;
  projectId: string;
  projectKey: string;
}

const refs = new Map<string, IssueRef>();

function refOf(issue: JiraIssue): IssueRef {
  const f = issue.fields;
  return { id: issue.id, key: issue.key, typeId: f.issuetype.id, typeName: f.issuetype.name, projectId: f.project.id, projectKey: f.project.key };
}

export const issuePanels = (): PreviewModule[] => PREVIEW_MODULES.filter((m) => m.type === 'jira:issuePanel');
export const issueContexts = (): PreviewModule[] => PREVIEW_MODULES.filter((m) => m.type === 'jira:issueContext');
/** Every module of the issue view: its panels (added to an issue) and its context panels (on every issue). */
const issueViewModules = (): PreviewModule[] => [...issuePanels(), ...issueContexts()];

/** `readiness-panel:PAY-12:view` → the issue key, when the module is one of the issue view's. */
function panelIssueKey(frameId: string | null): string | null {
  if (!frameId) return null;
  const [moduleKey, issueKey] = frameId.split(':');
  return issueViewModules().some((m) => m.key === moduleKey) && issueKey ? issueKey : null;
}

/** Makes sure the issue of a panel frame is known (after a restart, a frame may be reloaded on its own). */
export async function ensurePanelIssue(frameId: string | null, client: JiraClient): Promise<void> {
  const key = panelIssueKey(frameId);
  if (!key || refs.has(key)) return;
  try {
    refs.set(key, refOf(await client.issue(key, ['issuetype', 'project'])));
  } catch (err) {
    if (!(err instanceof JiraError)) throw err;
  }
}

/** The `extension` of an issue panel's or context panel's Forge context, or null when the module is neither. */
export function issuePanelExtension(moduleKey: string, issueKey: string): Record<string, unknown> | null {
  const module = issueViewModules().find((m) => m.key === moduleKey);
  if (!module) return null;
  const ref = refs.get(issueKey);
  return {
    type: module.type,
    issue: ref ? { id: ref.id, key: ref.key, type: ref.typeName, typeId: ref.typeId } : { key: issueKey },
    project: ref ? { id: ref.projectId, key: ref.projectKey, type: 'software' } : {},
    isNewToIssue: false,
  };
}

type Lang = 'en' | 'ru';
const L = {
  en: {
    issues: 'Issues',
    description: 'Description',
    noDescription: 'No description.',
    apps: 'Apps',
    details: 'Details',
    status: 'Status',
    assignee: 'Assignee',
    reporter: 'Reporter',
    unassigned: 'Unassigned',
    points: 'Story points',
    sprint: 'Sprint',
    labels: 'Labels',
    components: 'Components',
    links: 'Web links',
    none: 'None',
    notFound: 'This issue does not exist or you may not see it.',
    searchTitle: 'Issues',
    search: 'Search',
    jqlLabel: 'JQL',
    aliasesHint: 'Readiness fields of the app (jira:entityProperty search aliases):',
    examples: 'Examples for sprint planning',
    found: (n: number, shown: number) => (n > shown ? `${n} issues, first ${shown} shown` : n === 1 ? '1 issue' : `${n} issues`),
    key: 'Key',
    summary: 'Summary',
    type: 'Type',
    ready: 'Ready',
    notReady: (open: number, progress: number) => `Not ready: ${open} open · ${progress}%`,
    notChecked: 'Not checked',
    notApplicable: 'n/a',
    jqlError: 'Jira could not run this query:',
    editLabels: 'Labels (separated by spaces)',
    save: 'Save',
    saved: 'Saved',
    editTitle: (key: string) => `Edit ${key}`,
    dueDate: 'Due date',
    cancel: 'Cancel',
  },
  ru: {
    issues: 'Задачи',
    description: 'Описание',
    noDescription: 'Нет описания.',
    apps: 'Приложения',
    details: 'Сведения',
    status: 'Статус',
    assignee: 'Исполнитель',
    reporter: 'Автор',
    unassigned: 'Не назначен',
    points: 'Стори-поинты',
    sprint: 'Спринт',
    labels: 'Метки',
    components: 'Компоненты',
    links: 'Веб-ссылки',
    none: 'Нет',
    notFound: 'Задачи нет или у вас нет доступа к ней.',
    searchTitle: 'Задачи',
    search: 'Найти',
    jqlLabel: 'JQL',
    aliasesHint: 'Поля готовности из приложения (псевдонимы jira:entityProperty):',
    examples: 'Примеры для планирования спринта',
    found: (n: number, shown: number) => (n > shown ? `Задач: ${n}, показаны первые ${shown}` : `Задач: ${n}`),
    key: 'Ключ',
    summary: 'Тема',
    type: 'Тип',
    ready: 'Готово',
    notReady: (open: number, progress: number) => `Не готово: открыто ${open} · ${progress}%`,
    notChecked: 'Не проверялось',
    notApplicable: 'н/п',
    jqlError: 'Jira не смогла выполнить запрос:',
    editLabels: 'Метки (через пробел)',
    save: 'Сохранить',
    saved: 'Сохранено',
    editTitle: (key: string) => `Изменить ${key}`,
    dueDate: 'Срок',
    cancel: 'Отмена',
  },
} as const;
const langOf = (prefs: Prefs): Lang => (prefs.locale === 'ru-RU' ? 'ru' : 'en');

const ISSUE_VIEW_STYLE = `<style>
  .crumbs { color:var(--subtle); margin-bottom:8px; } .crumbs a { color:inherit; }
  .issue { display:flex; gap:24px; align-items:flex-start; flex-wrap:wrap; }
  .issue-main { flex:1 1 420px; min-width:0; max-width:760px; }
  .issue-side { flex:0 1 300px; min-width:240px; background:var(--surface); border:1px solid var(--border); border-radius:4px; padding:12px 16px; }
  .issue-side dl { display:grid; grid-template-columns:max-content 1fr; gap:6px 12px; margin:0; } .issue-side dt { color:var(--subtle); } .issue-side dd { margin:0; overflow-wrap:anywhere; }
  .desc p { margin:0 0 6px; }
  h3 { font-size:14px; margin:20px 0 8px; }
  .panel { background:var(--surface); border:1px solid var(--border); border-radius:4px; margin-bottom:16px; }
  .panel-head { display:flex; align-items:center; gap:8px; padding:8px 12px; border-bottom:1px solid var(--border); font-weight:600; }
  .panel-head img { width:16px; height:16px; }
  .panel iframe { display:block; width:100%; border:0; height:160px; }
  .jql { display:flex; gap:8px; flex-wrap:wrap; align-items:center; margin-bottom:8px; }
  .jql input { flex:1 1 420px; font:13px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; padding:6px 8px; border:1px solid var(--border); border-radius:3px; background:var(--surface); color:var(--text); }
  .jql button { font:inherit; padding:6px 12px; border-radius:3px; border:0; background:var(--top); color:#fff; cursor:pointer; }
  .hint, .examples { color:var(--subtle); font-size:12px; margin:4px 0; } .hint code, .examples a { font-family:ui-monospace, SFMono-Regular, Menlo, monospace; }
  .examples a { color:var(--text); }
  table.results { border-collapse:collapse; width:100%; max-width:1100px; background:var(--surface); margin-top:8px; }
  .results th, .results td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--border); vertical-align:top; font-size:13px; }
  .results th { color:var(--subtle); font-weight:600; }
  details.context { margin-top:16px; border-top:1px solid var(--border); padding-top:8px; }
  details.context summary { display:flex; align-items:center; gap:8px; font-weight:600; cursor:pointer; padding:4px 0; }
  details.context summary img { width:16px; height:16px; }
  details.context iframe { display:block; width:100%; border:0; height:120px; }
  form.inline-edit { margin-top:12px; display:grid; grid-template-columns:1fr; gap:6px; }
  form.inline-edit label { color:var(--subtle); font-size:12px; }
  form.inline-edit input { font:inherit; padding:4px 6px; border:1px solid var(--border); border-radius:3px; background:var(--surface); color:var(--text); }
  form.inline-edit button { justify-self:start; font:inherit; padding:4px 10px; border-radius:3px; border:0; background:var(--top); color:#fff; cursor:pointer; }
  .ok { color:#22A06B; font-weight:600; } .warn { color:#C25100; font-weight:600; } .muted { color:var(--subtle); }
  .error { color:#C9372C; }
</style>`;

/**
 * The issue view's own editing, as Jira's inline edit: labels and the estimate, saved through Jira
 * (as the viewer) without leaving the page; the page then tells every frame JIRA_ISSUE_CHANGED, as
 * Jira does for an issue-view module (docs/hygiene-and-sla.md, "In the local preview").
 */
function inlineEdit(issue: JiraIssue, l: (typeof L)[Lang], estimation: string | null, points: unknown): string {
  const labels = (issue.fields.labels ?? []).join(' ');
  return `<form class="inline-edit" data-testid="inline-edit" data-issue-id="${esc(issue.id)}" data-project-id="${esc(issue.fields.project.id)}" data-key="${esc(issue.key)}">
  <label for="edit-labels">${esc(l.editLabels)}</label><input id="edit-labels" name="labels" value="${esc(labels)}" data-testid="edit-labels" spellcheck="false">
  ${estimation ? `<label for="edit-points">${esc(l.points)}</label><input id="edit-points" name="points" inputmode="decimal" value="${typeof points === 'number' ? String(points) : ''}" data-testid="edit-points">` : ''}
  <button type="submit" data-testid="edit-save">${esc(l.save)}</button><span class="muted" data-testid="edit-outcome" role="status"></span>
</form>
<script>
(function () {
  var form = document.querySelector('form.inline-edit');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var out = form.querySelector('[data-testid=edit-outcome]');
    var points = form.querySelector('[name=points]');
    var body = { key: form.dataset.key, labels: form.querySelector('[name=labels]').value.split(/[\\s,]+/).filter(Boolean) };
    if (points) body.points = points.value.trim() === '' ? null : Number(points.value);
    fetch('/__preview/edit-issue', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.message || ('HTTP ' + r.status)); return j; }); })
      .then(function (j) {
        document.querySelector('[data-testid=issue-labels]').textContent = j.labels.length ? j.labels.join(', ') : '${esc(l.none)}';
        var pts = document.querySelector('[data-testid=issue-points]'); if (pts) pts.textContent = j.points === null ? '${esc(l.none)}' : String(j.points);
        out.textContent = '${esc(l.saved)}';
        // What Jira sends an issue-view module when the issue changed: { issueId, projectId, changes }.
        var payload = { issueId: form.dataset.issueId, projectId: form.dataset.projectId, changes: [{ changeType: 'updated', atlassianId: j.atlassianId }] };
        document.querySelectorAll('iframe[data-frame]').forEach(function (f) { f.contentWindow.postMessage({ source: 'forge-preview-host', event: 'JIRA_ISSUE_CHANGED', payload: payload }, '*'); });
      })
      .catch(function (err) { out.textContent = err.message; });
  });
})();
</script>`;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const named = (v: unknown): string | null => (v && typeof v === 'object' ? (text((v as { displayName?: unknown }).displayName) || text((v as { name?: unknown }).name) || null) : null);

/** Fields the issue view shows in its details column. */
export const ISSUE_VIEW_FIELDS = ['summary', 'status', 'issuetype', 'project', 'description', 'assignee', 'reporter', 'labels', 'components', 'subtasks'];

let siteFields: Promise<{ sprint: string | null; estimation: string | null }> | null = null;
/** The site's Sprint and estimation field ids (found once per preview run). */
export function previewSiteFields(client: JiraClient): Promise<{ sprint: string | null; estimation: string | null }> {
  siteFields ??= client.fields().then((all) => {
    const f = discoverFields(all);
    return { sprint: f.sprint?.id ?? null, estimation: f.estimation?.id ?? null };
  });
  siteFields.catch(() => {
    siteFields = null;
  });
  return siteFields;
}

const sprintNames = (v: unknown): string[] => (Array.isArray(v) ? v.map((s) => named(s) ?? '').filter((s) => s !== '') : []);

/**
 * A remote link: a link only when its URL is http(s); any other (`javascript:`, `data:`) is shown
 * as plain text, title and URL, so that nobody can be made to run it with a click.
 */
export function remoteLinkHtml(link: { url: string; title: string }): string {
  const url = httpUrl(link.url);
  if (url) return `<a href="${esc(url)}" rel="noopener noreferrer" target="_blank" data-testid="remote-link">${esc(link.title)}</a>`;
  return `<span data-testid="remote-link-unsafe">${esc(link.title === link.url ? link.url : `${link.title} (${link.url})`)}</span>`;
}

/** The issue view: summary, description, the app's issue panels, and a details column. */
export async function issueViewPage(prefs: Prefs, users: readonly PreviewUser[], siteName: string, client: JiraClient, key: string, current: string): Promise<{ status: number; html: string }> {
  const l = L[langOf(prefs)];
  const lang = langOf(prefs);
  let issue: JiraIssue;
  let remote: { url: string; title: string }[] = [];
  const fields = await previewSiteFields(client).catch(() => ({ sprint: null, estimation: null }));
  try {
    const wanted = [...ISSUE_VIEW_FIELDS, ...(fields.sprint ? [fields.sprint] : []), ...(fields.estimation ? [fields.estimation] : [])];
    issue = await client.issue(key, wanted);
    remote = (await client.remoteLinks(key).catch(() => [])).map((r) => ({ url: r.object.url, title: r.object.title ?? r.object.url }));
  } catch (err) {
    if (!(err instanceof JiraError)) throw err;
    return { status: 404, html: layout(key, prefs, users, siteName, current, `${ISSUE_VIEW_STYLE}<h1>${esc(key)}</h1><p>${esc(l.notFound)}</p>`) };
  }
  refs.set(issue.key, refOf(issue));
  const f = issue.fields;
  const raw = f as Record<string, unknown>;
  const lines = adfLines(f.description);
  const points = fields.estimation ? raw[fields.estimation] : null;
  const panels = issuePanels()
    .map((m) => {
      const frame = `${m.key}:${issue.key}:view`;
      return `<section class="panel" data-testid="panel-${esc(m.key)}"><div class="panel-head">${m.icon ? `<img src="/app/${esc(m.resource)}/${esc(m.icon)}" alt="">` : ''}<span>${esc(m.title[lang])}</span></div>
  <iframe title="${esc(m.title[lang])}" data-frame="${esc(frame)}" data-view-url="/browse/${esc(issue.key)}" src="/app/${esc(m.resource)}/?frame=${encodeURIComponent(frame)}"></iframe></section>`;
    })
    .join('\n');
  // Context panels: collapsible, under the fields on the right, on every issue (nobody adds them).
  const contexts = issueContexts()
    .map((m) => {
      const frame = `${m.key}:${issue.key}:view`;
      return `<details class="context" open data-testid="context-${esc(m.key)}"><summary>${m.icon ? `<img src="/app/${esc(m.resource)}/${esc(m.icon)}" alt="">` : ''}<span>${esc(m.title[lang])}</span></summary>
  <iframe title="${esc(m.title[lang])}" data-frame="${esc(frame)}" data-view-url="/browse/${esc(issue.key)}" src="/app/${esc(m.resource)}/?frame=${encodeURIComponent(frame)}"></iframe></details>`;
    })
    .join('\n');
  const detail = (label: string, value: string, testId?: string) => `<dt>${esc(label)}</dt><dd${testId ? ` data-testid="${testId}"` : ''}>${value}</dd>`;
  const list = (values: string[]) => (values.length ? esc(values.join(', ')) : `<span class="muted">${esc(l.none)}</span>`);
  const body = `${ISSUE_VIEW_STYLE}
<div class="crumbs"><a href="/issues">${esc(l.issues)}</a> / ${esc(f.project.key)} / <span data-testid="issue-key">${esc(issue.key)}</span></div>
<div class="issue">
  <div class="issue-main">
    <p class="muted">${esc(f.issuetype.name)} · ${esc(issue.key)}</p>
    <h1 data-testid="issue-summary">${esc(f.summary ?? '')}</h1>
    <h3>${esc(l.description)}</h3>
    <div class="desc" data-testid="issue-description">${lines.length ? lines.map((line) => `<p>${esc(line)}</p>`).join('') : `<p class="muted">${esc(l.noDescription)}</p>`}</div>
    <h3>${esc(l.apps)}</h3>
    ${panels}
  </div>
  <aside class="issue-side"><h3 style="margin-top:0">${esc(l.details)}</h3><dl>
    ${detail(l.status, esc(f.status.name), 'issue-status')}
    ${detail(l.assignee, esc(named(f.assignee) ?? l.unassigned))}
    ${detail(l.reporter, esc(named(f.reporter) ?? l.none))}
    ${fields.estimation ? detail(l.points, typeof points === 'number' ? String(points) : `<span class="muted">${esc(l.none)}</span>`, 'issue-points') : ''}
    ${fields.sprint ? detail(l.sprint, list(sprintNames(raw[fields.sprint]))) : ''}
    ${detail(l.labels, list(f.labels ?? []), 'issue-labels')}
    ${detail(l.components, list((f.components ?? []).map((c) => c.name)))}
    ${detail(l.links, remote.length ? remote.map(remoteLinkHtml).join('<br>') : `<span class="muted">${esc(l.none)}</span>`, 'issue-links')}
  </dl>
  ${inlineEdit(issue, l, fields.estimation, points)}
  ${contexts}
  </aside>
</div>`;
  return { status: 200, html: layout(`${issue.key}: ${f.summary ?? ''}`, prefs, users, siteName, current, body) };
}

const ALIAS_WORD = new RegExp(`\\b(${Object.keys(READINESS_SEARCH_ALIASES).join('|')})\\b`, 'gi');
const ALIAS_BY_LOWER = new Map(Object.entries(READINESS_SEARCH_ALIASES).map(([alias, v]) => [alias.toLowerCase(), v.path]));

/**
 * The JQL with each readiness alias written as the property path it stands for
 * (`dorReady` → `issue.property[governance-readiness].dor.ready`), outside quoted strings. Jira
 * does this itself for an installed app; the emulator is told explicitly.
 */
export function withPropertyPaths(jql: string): string {
  let out = '';
  let i = 0;
  while (i < jql.length) {
    const c = jql[i] as string;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < jql.length && jql[j] !== c) j += jql[j] === '\\' ? 2 : 1;
      out += jql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < jql.length && jql[j] !== '"' && jql[j] !== "'") j++;
    out += jql.slice(i, j).replace(ALIAS_WORD, (w) => `issue.property[${READINESS_PROPERTY_KEY}].${ALIAS_BY_LOWER.get(w.toLowerCase()) as string}`);
    i = j;
  }
  return out;
}

export const SEARCH_EXAMPLES = [
  'sprint in futureSprints() AND dorReady = false',
  'sprint in futureSprints() AND (dorReady = false OR dorReady IS EMPTY)',
  'sprint in futureSprints() AND dorOpenRequired >= 2 ORDER BY dorProgress ASC',
  'sprint in openSprints() AND dodReady = false',
  'project = PAY AND dorReady = true AND dodProgress < 100',
];
export const DEFAULT_SEARCH = SEARCH_EXAMPLES[0] as string;
const SHOWN = 100;

function readinessCell(summary: ChecklistSummary | null, l: (typeof L)[Lang], testId: string): string {
  if (!summary) return `<td class="muted" data-testid="${testId}">${esc(l.notChecked)}</td>`;
  if (summary.applies === 'false') return `<td class="muted" data-testid="${testId}">${esc(l.notApplicable)}</td>`;
  if (summary.ready === 'true') return `<td class="ok" data-testid="${testId}">${esc(l.ready)} · ${summary.progress}%</td>`;
  return `<td class="warn" data-testid="${testId}">${esc(l.notReady(summary.openRequired, summary.progress))}</td>`;
}

/** The issue search: a JQL box (aliases included), examples for sprint planning, and the results with their readiness. */
export async function issueSearchPage(prefs: Prefs, users: readonly PreviewUser[], siteName: string, client: JiraClient, jql: string, current: string): Promise<string> {
  const lang = langOf(prefs);
  const l = L[lang];
  const aliasList = Object.keys(READINESS_SEARCH_ALIASES).map((a) => `<code>${esc(a)}</code>`).join(', ');
  const examples = SEARCH_EXAMPLES.map((e) => `<a href="/issues?jql=${encodeURIComponent(e)}">${esc(e)}</a>`).join('<br>');
  let results: string;
  try {
    const fields = await previewSiteFields(client);
    const issues = await client.search(withPropertyPaths(jql), {
      fields: ['summary', 'status', 'issuetype', ...(fields.sprint ? [fields.sprint] : [])],
      properties: [READINESS_PROPERTY_KEY],
      limit: SHOWN + 1,
      pageSize: SHOWN + 1,
    });
    const rows = issues.slice(0, SHOWN).map((issue) => {
      // What JQL sees: the mirror property (the search shows what Jira indexes, as Jira's own search does).
      const doc = propertySummaries(issue.properties?.[READINESS_PROPERTY_KEY]);
      const raw = issue.fields as Record<string, unknown>;
      return `<tr data-testid="result-row" data-key="${esc(issue.key)}"><td><a href="/browse/${esc(issue.key)}">${esc(issue.key)}</a></td><td>${esc(issue.fields.summary ?? '')}</td><td>${esc(issue.fields.issuetype.name)}</td><td>${esc(issue.fields.status.name)}</td><td>${esc(fields.sprint ? sprintNames(raw[fields.sprint]).join(', ') : '')}</td>${readinessCell(doc?.dor ?? null, l, 'dor-cell')}${readinessCell(doc?.dod ?? null, l, 'dod-cell')}</tr>`;
    });
    const count = issues.length > SHOWN ? `${SHOWN}+` : String(issues.length);
    results = `<p data-testid="jql-count" data-count="${esc(count)}">${esc(issues.length > SHOWN ? l.found(issues.length, SHOWN).replace(String(issues.length), `${SHOWN}+`) : l.found(issues.length, SHOWN))}</p>
<table class="results" data-testid="jql-results"><thead><tr><th>${esc(l.key)}</th><th>${esc(l.summary)}</th><th>${esc(l.type)}</th><th>${esc(l.status)}</th><th>${esc(l.sprint)}</th><th>DoR</th><th>DoD</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  } catch (err) {
    if (!(err instanceof JiraError)) throw err;
    results = `<p class="error" data-testid="jql-error">${esc(l.jqlError)} ${esc(err.message)}</p>`;
  }
  const body = `${ISSUE_VIEW_STYLE}<h1>${esc(l.searchTitle)}</h1>
<form class="jql" method="get" action="/issues"><label for="jql">${esc(l.jqlLabel)}</label><input id="jql" name="jql" value="${esc(jql)}" data-testid="jql-input" spellcheck="false"><button type="submit" data-testid="jql-search">${esc(l.search)}</button></form>
<p class="hint">${esc(l.aliasesHint)} ${aliasList}</p>
<p class="examples">${esc(l.examples)}:<br>${examples}</p>
${results}`;
  return layout(l.searchTitle, prefs, users, siteName, current, body);
}

/** What the issue view's inline edit sends (labels, and the estimate where the site has a field). */
export interface InlineEdit {
  key: string;
  labels: string[];
  points?: number | null;
}

/** Saves an inline edit through Jira as the viewer; answers the values now on the issue. */
export async function saveInlineEdit(client: JiraClient, edit: InlineEdit): Promise<{ labels: string[]; points: number | null }> {
  const fields = await previewSiteFields(client);
  const changes: Record<string, unknown> = { labels: edit.labels };
  if (fields.estimation && edit.points !== undefined) changes[fields.estimation] = edit.points;
  await client.editIssue(edit.key, { fields: changes });
  const issue = await client.issue(edit.key, ['labels', ...(fields.estimation ? [fields.estimation] : [])]);
  const points = fields.estimation ? (issue.fields as Record<string, unknown>)[fields.estimation] : null;
  return { labels: issue.fields.labels ?? [], points: typeof points === 'number' ? points : null };
}

/** Jira's (old) edit screen, `/secure/EditIssue!default.jspa?id=…`: the fields the hygiene fixes name, saved as the viewer. */
export async function editScreenPage(prefs: Prefs, users: readonly PreviewUser[], siteName: string, client: JiraClient, issueId: string, current: string, problem: string | null = null): Promise<{ status: number; html: string }> {
  const lang = langOf(prefs);
  const l = L[lang];
  const fields = await previewSiteFields(client).catch(() => ({ sprint: null, estimation: null }));
  let issue: JiraIssue;
  try {
    issue = await client.issue(issueId, ['summary', 'labels', 'duedate', 'description', ...(fields.estimation ? [fields.estimation] : [])]);
  } catch (err) {
    if (!(err instanceof JiraError)) throw err;
    return { status: 404, html: layout(issueId, prefs, users, siteName, current, `${ISSUE_VIEW_STYLE}<p>${esc(l.notFound)}</p>`) };
  }
  const f = issue.fields;
  const points = fields.estimation ? (f as Record<string, unknown>)[fields.estimation] : null;
  const row = (id: string, label: string, input: string) => `<label for="${id}">${esc(label)}</label>${input}`;
  const body = `${ISSUE_VIEW_STYLE}<h1 data-testid="edit-screen">${esc(l.editTitle(issue.key))}: ${esc(f.summary ?? '')}</h1>
${problem ? `<p class="error" role="alert" data-testid="edit-problem">${esc(problem)}</p>` : ''}
<form class="inline-edit" method="post" style="max-width:560px">
  ${row('f-description', l.description, `<textarea id="f-description" name="description" rows="5" data-testid="edit-description">${esc(adfLines(f.description).join('\n'))}</textarea>`)}
  ${row('f-labels', l.editLabels, `<input id="f-labels" name="labels" value="${esc((f.labels ?? []).join(' '))}" spellcheck="false">`)}
  ${fields.estimation ? row('f-points', l.points, `<input id="f-points" name="points" inputmode="decimal" value="${typeof points === 'number' ? String(points) : ''}">`) : ''}
  ${row('f-due', l.dueDate, `<input id="f-due" name="duedate" type="date" value="${esc(f.duedate ?? '')}">`)}
  <div><button type="submit" data-testid="edit-screen-save">${esc(l.save)}</button> <a href="/browse/${esc(issue.key)}">${esc(l.cancel)}</a></div>
</form>`;
  return { status: 200, html: layout(l.editTitle(issue.key), prefs, users, siteName, current, body) };
}

/** The edit screen's form, saved through Jira as the viewer; answers the issue's key (to go back to). */
export async function saveEditScreen(client: JiraClient, issueId: string, form: URLSearchParams): Promise<string> {
  const fields = await previewSiteFields(client);
  const issue = await client.issue(issueId, ['summary']);
  const text = (form.get('description') ?? '').trim();
  const changes: Record<string, unknown> = {
    labels: (form.get('labels') ?? '').split(/[\s,]+/).filter((x) => x !== ''),
    duedate: form.get('duedate') || null,
    description: text === '' ? null : { type: 'doc', version: 1, content: text.split('\n').map((line) => ({ type: 'paragraph', content: line === '' ? [] : [{ type: 'text', text: line }] })) },
  };
  const points = (form.get('points') ?? '').trim();
  if (fields.estimation) changes[fields.estimation] = points === '' ? null : Number(points.replace(',', '.'));
  await client.editIssue(issue.key, { fields: changes });
  return issue.key;
}
