/**
 * The app's modules as the preview shows them: one Jira-like page each. A later module (issue
 * panels, project page, admin page) adds an entry here and a frame in `pages.ts`.
 */
export interface PreviewModule {
  /** The manifest's module key. */
  key: string;
  /** The manifest's module type. */
  type: 'jira:projectPage' | 'jira:dashboardGadget' | 'jira:issuePanel' | 'jira:issueContext' | 'jira:adminPage';
  title: { en: string; ru: string };
  /** The preview page that hosts it. */
  page: string;
  /** Manifest resource keys: the view, and the edit view for gadgets. */
  resource: string;
  editResource?: string;
  /** An issue panel's or context's icon: a file of its resource (the manifest's `icon: resource:<key>;<file>`). */
  icon?: string;
}

export const PREVIEW_MODULES: readonly PreviewModule[] = [
  {
    key: 'backlog-convergence',
    type: 'jira:dashboardGadget',
    title: { en: 'Backlog convergence', ru: 'Сходимость бэклога' },
    page: '/dashboard',
    resource: 'gadget-view',
    editResource: 'gadget-edit',
  },
  // The governance dashboard's two gadgets share one view and one edit resource (/dashboards/governance).
  {
    key: 'jira-hygiene',
    type: 'jira:dashboardGadget',
    title: { en: 'Jira hygiene', ru: 'Чистота ведения Jira' },
    page: '/dashboards/governance',
    resource: 'gov-gadget-view',
    editResource: 'gov-gadget-edit',
  },
  {
    key: 'defect-sla',
    type: 'jira:dashboardGadget',
    title: { en: 'Defect SLA', ru: 'SLA по дефектам' },
    page: '/dashboards/governance',
    resource: 'gov-gadget-view',
    editResource: 'gov-gadget-edit',
  },
  {
    key: 'governance-page',
    type: 'jira:projectPage',
    title: { en: 'Governance', ru: 'Governance' },
    page: '/projects/PAY/governance',
    resource: 'project-governance',
  },
  // Issue panels: each entry is one more panel on the preview's issue view (/browse/KEY).
  {
    key: 'readiness-panel',
    type: 'jira:issuePanel',
    title: { en: 'Readiness', ru: 'Готовность' },
    page: '/browse',
    resource: 'issue-view',
    icon: 'readiness.svg',
  },
  {
    key: 'hygiene-panel',
    type: 'jira:issuePanel',
    title: { en: 'Hygiene', ru: 'Чистота' },
    page: '/browse',
    resource: 'issue-view',
    icon: 'hygiene.svg',
  },
  {
    key: 'ownership-panel',
    type: 'jira:issuePanel',
    title: { en: 'Ownership', ru: 'Владельцы' },
    page: '/browse',
    resource: 'issue-view',
    icon: 'ownership.svg',
  },
  // The context summary: on every issue, in the right column under the fields, as Jira places it.
  {
    key: 'issue-summary',
    type: 'jira:issueContext',
    title: { en: 'Sprint readiness', ru: 'Готовность к спринту' },
    page: '/browse',
    resource: 'issue-view',
    icon: 'governance.svg',
  },
  {
    key: 'governance-settings',
    type: 'jira:adminPage',
    title: { en: 'Governance settings', ru: 'Настройки governance' },
    page: '/admin/governance-settings',
    resource: 'admin-settings',
  },
];

/** Pages the preview's navigation lists; the ones without a module yet are shown as coming. */
export const NAV: readonly { path: string | null; label: string; also?: readonly string[] }[] = [
  { path: '/dashboard', label: 'Dashboard' },
  { path: '/dashboards/overview', label: 'Overview' },
  { path: '/dashboards/governance', label: 'Defects & hygiene' },
  { path: '/issues', label: 'Issues', also: ['/browse/'] },
  { path: '/projects/PAY/governance', label: 'Project page', also: ['/projects/'] },
  { path: '/admin/governance-settings', label: 'Admin page' },
] as const;
