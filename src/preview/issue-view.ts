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

/** `readiness-panel:PAY-12:view` → the issue key, when the module is an issue panel. */
function panelIssueKey(frameId: string | null): string | null {
  if (!frameId) return null;
  const [moduleKey, issueKey] = frameId.split(':');
  return issuePanels().some((m) => m.key === moduleKey) && issueKey ? issueKey : null;
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

/** The `extension` of an issue panel's Forge context, or null when the module is not an issue panel. */
export function issuePanelExtension(moduleKey: string, issueKey: string): Record<string, unknown> | null {
  if (!issuePanels().some((m) => m.key === moduleKey)) return null;
  const ref = refs.get(issueKey);
  return {
    type: 'jira:issuePanel',
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
  .ok { color:#22A06B; font-weight:600; } .warn { color:#C25100; font-weight:600; } .muted { color:var(--subtle); }
  .error { color:#C9372C; }
</style>`;

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
    ${detail(l.labels, list(f.labels ?? []))}
    ${detail(l.components, list((f.components ?? []).map((c) => c.name)))}
    ${detail(l.links, remote.length ? remote.map(remoteLinkHtml).join('<br>') : `<span class="muted">${esc(l.none)}</span>`, 'issue-links')}
  </dl></aside>
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
