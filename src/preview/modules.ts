/**
 * The app's modules as the preview shows them: one Jira-like page each. A later module (issue
 * panels, project page, admin page) adds an entry here and a frame in `pages.ts`.
 */
export interface PreviewModule {
  /** The manifest's module key. */
  key: string;
  /** The manifest's module type. */
  type: 'jira:dashboardGadget';
  title: { en: string; ru: string };
  /** The preview page that hosts it. */
  page: string;
  /** Manifest resource keys: the view, and the edit view for gadgets. */
  resource: string;
  editResource?: string;
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
];

/** Pages the preview's navigation lists; the ones without a module yet are shown as coming. */
export const NAV = [
  { path: '/dashboard', label: 'Dashboard' },
  { path: null, label: 'Issue view' },
  { path: null, label: 'Project page' },
  { path: null, label: 'Admin page' },
] as const;
