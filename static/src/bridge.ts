/**
 * The parts of the Forge bridge the pages use, with the context narrowed to what they read.
 */
import { Modal, events, router, view } from '@forge/bridge';

export interface UiContext {
  locale: string | null;
  timezone: string | null;
  siteUrl: string | null;
  /** The manifest module the page serves (two gadgets may share one resource); absent in older contexts. */
  moduleKey?: string | null;
  /** In a page opened with `openModal`: the context it was opened with (Jira's `extension.modal`). */
  modal?: unknown;
}

const str = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);

export async function loadContext(): Promise<UiContext> {
  const raw: unknown = await view.getContext();
  const c = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const extension = typeof c.extension === 'object' && c.extension !== null ? (c.extension as Record<string, unknown>) : {};
  return { locale: str(c.locale), timezone: str(c.timezone), siteUrl: str(c.siteUrl), moduleKey: str(c.moduleKey), modal: extension.modal };
}

/** Follows Jira's light or dark theme; the page works (in light colours) if theming is unavailable. */
export async function enableTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    /* tokens fall back to their light values */
  }
}

export function openIssue(key: string): void {
  void router.open(`/browse/${encodeURIComponent(key)}`);
}

/** Jira's refresh of the gadget (its menu, or the auto-refresh interval). */
export function onGadgetRefresh(callback: () => void): () => void {
  let unsubscribe: (() => void) | null = null;
  let cancelled = false;
  void Promise.resolve(events.on('JIRA_DASHBOARD_GADGET_REFRESH', callback)).then((sub) => {
    const s = sub as { unsubscribe?: () => void } | undefined;
    if (cancelled) s?.unsubscribe?.();
    else unsubscribe = s?.unsubscribe ?? null;
  }).catch(() => undefined);
  return () => {
    cancelled = true;
    unsubscribe?.();
  };
}

/** The app's own event: one of its modules changed the issue (a hygiene fix), so the others read it again. */
export const APP_ISSUE_CHANGED = 'governance.issue-changed';

function subscribe(event: string, callback: () => void): () => void {
  let unsubscribe: (() => void) | null = null;
  let cancelled = false;
  void Promise.resolve(events.on(event, callback))
    .then((sub) => {
      const s = sub as { unsubscribe?: () => void } | undefined;
      if (cancelled) s?.unsubscribe?.();
      else unsubscribe = s?.unsubscribe ?? null;
    })
    .catch(() => undefined);
  return () => {
    cancelled = true;
    unsubscribe?.();
  };
}

/**
 * The issue of an issue-view module changed: Jira's `JIRA_ISSUE_CHANGED` (fields, links, sub-tasks,
 * comments; Jira may leave out the viewer's own edits and sends it a few seconds late), or another
 * module of the app said it changed the issue (`APP_ISSUE_CHANGED`).
 */
export function onIssueChanged(callback: () => void): () => void {
  const offJira = subscribe('JIRA_ISSUE_CHANGED', callback);
  const offApp = subscribe(APP_ISSUE_CHANGED, callback);
  return () => {
    offJira();
    offApp();
  };
}

/** Tells the app's other modules on the issue view that this one changed the issue. */
export function announceIssueChanged(): void {
  void Promise.resolve(events.emit(APP_ISSUE_CHANGED, {})).catch(() => undefined);
}

/**
 * Jira's edit screen of the issue, where every field on the screen can be changed (the issue view
 * has no address that opens one field for editing).
 */
export function editScreenPath(issueId: string): string {
  return `/secure/EditIssue!default.jspa?id=${encodeURIComponent(issueId)}`;
}

export function openEditScreen(issueId: string): void {
  void router.navigate(editScreenPath(issueId));
}

/**
 * Opens another resource of the app in Jira's modal dialog, over the whole page (a gadget's frame
 * is too small for one); `context` reaches it as `extension.modal`. `onClose` runs when it closes,
 * by its own `closeModal`, Escape or a click outside. Rejects when Jira cannot open it.
 */
export function openModal(options: { resource: string; context: Record<string, unknown>; size?: 'small' | 'medium' | 'large'; onClose: () => void }): Promise<void> {
  return new Modal({ resource: options.resource, context: options.context, size: options.size ?? 'medium', onClose: options.onClose, closeOnEscape: true, closeOnOverlayClick: true }).open();
}

/** Closes the modal this page is shown in (or, in an edit view, the editor). */
export const closeModal = (): Promise<void> => view.close();

export const submitSettings = (settings: object): Promise<void> => view.submit(settings);
export const closeEditor = (): Promise<void> => view.close();

/** A person's Jira profile, in a new tab (the profile page is `/jira/people/<accountId>`). */
export function openProfile(accountId: string): void {
  void router.open({ target: 'userProfile', accountId });
}

/** The path of a Jira board (any board type: Jira sends it on to the board's own page). */
export const boardPath = (boardId: number): string => `/secure/RapidBoard.jspa?rapidView=${boardId}`;

/** A Jira board, in a new tab. */
export function openBoard(boardId: number): void {
  void router.open(boardPath(boardId));
}

/** Another module of the app (the governance settings admin page, say), in a new tab. */
export function openModule(moduleKey: string): void {
  void router.open({ target: 'module', moduleKey });
}
