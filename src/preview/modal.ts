/**
 * The preview's Forge modal dialogs, as Jira shows them: a frame that calls the bridge's
 * `new Modal({resource, context, size, onClose}).open()` gets an overlay over the whole host page
 * with the resource in an iframe of its own. That frame is told the modal's context as
 * `extension.modal` (kept here, by frame id), runs the opener's module's resolvers, and closes with
 * `view.close(payload)`, Escape or a click on the overlay; the opener's `onClose` then runs, with
 * focus back on the opener's frame. While the dialog is open the rest of the page is inert.
 */

export interface ModalRecord {
  /** The frame that opened it (`module:gadget:view`). */
  opener: string;
  resource: string;
  context: unknown;
  closeOnEscape: boolean;
}

/** What the preview server keeps of the modals opened since it started (the newest few). */
export function modalRegistry(limit = 50) {
  const modals = new Map<string, ModalRecord>();
  let seq = 0;
  return {
    /** Registers a modal and answers its frame id: the opener's module and gadget, `modal`, a number. */
    open(record: ModalRecord, module: string, gadget: string): string {
      const id = `${module}:${gadget}:modal:${++seq}`;
      modals.set(id, record);
      while (modals.size > limit) modals.delete(modals.keys().next().value as string);
      return id;
    },
    get: (frameId: string): ModalRecord | undefined => modals.get(frameId),
  };
}

/** Jira's modal sizes (width, height, minimum height), as the Forge bridge documents them. */
const SIZES = {
  small: ['400px', '20vh', '320px'],
  medium: ['600px', '40vh', '520px'],
  large: ['800px', '70vh', '720px'],
  xlarge: ['968px', '90vh', '0px'],
  max: ['100vw', '100vh', '0px'],
  fullscreen: ['100vw', '100vh', '0px'],
};

export const MODAL_CSS = `
  .forge-modal-backdrop { position:fixed; inset:0; background:rgba(9,30,66,.54); display:flex; align-items:flex-start; justify-content:center; padding-top:min(60px, 8vh); z-index:500; }
  .forge-modal { background:var(--surface); border-radius:3px; box-shadow:0 8px 12px rgba(9,30,66,.15), 0 0 1px rgba(9,30,66,.31); overflow:hidden; display:flex; }
  .forge-modal iframe { border:0; width:100%; height:100%; display:block; }
`;

/** The host page's side: opens and closes the overlay on the frames' messages. */
export const MODAL_HOST_SCRIPT = String.raw`
(function () {
  var SIZES = ${JSON.stringify(SIZES)};
  var current = null;
  function frameOf(id) { return document.querySelector('iframe[data-frame="' + id + '"]'); }
  function close(payload) {
    if (!current) return;
    var c = current; current = null;
    c.backdrop.remove();
    document.querySelectorAll('[data-preview-inert]').forEach(function (el) { el.removeAttribute('inert'); el.removeAttribute('data-preview-inert'); });
    document.removeEventListener('keydown', c.onKey);
    var opener = frameOf(c.opener);
    if (!opener) return;
    // As Jira's dialog does, focus goes back where it was: the frame that opened it; its onClose runs there.
    opener.focus();
    opener.contentWindow.postMessage({ source: 'forge-preview-host', type: 'modal-closed', modalId: c.modalId, payload: payload }, '*');
  }
  function open(opener, d) {
    close(undefined);
    var size = typeof d.size === 'object' && d.size ? [d.size.width, d.size.height || '40vh', '0px'] : SIZES[d.size] || SIZES.medium;
    var backdrop = document.createElement('div');
    backdrop.className = 'forge-modal-backdrop';
    backdrop.setAttribute('data-testid', 'forge-modal');
    var box = document.createElement('div');
    box.className = 'forge-modal';
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-label', d.title || opener.title || 'Dialog');
    box.style.width = 'min(' + size[0] + ', calc(100vw - 16px))';
    box.style.height = 'min(max(' + size[1] + ', ' + size[2] + '), calc(100vh - 16px - min(60px, 8vh)))';
    var iframe = document.createElement('iframe');
    iframe.title = d.title || opener.title || 'Dialog';
    iframe.setAttribute('data-frame', d.frame);
    iframe.setAttribute('data-modal-of', opener.getAttribute('data-frame'));
    iframe.src = d.url;
    iframe.addEventListener('load', function () { iframe.focus(); });
    box.appendChild(iframe);
    backdrop.appendChild(box);
    backdrop.addEventListener('mousedown', function (e) { if (e.target === backdrop && d.closeOnOverlayClick !== false) close(undefined); });
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el.tagName !== 'SCRIPT' && !el.hasAttribute('inert')) { el.setAttribute('inert', ''); el.setAttribute('data-preview-inert', ''); }
    });
    var onKey = function (e) { if (e.key === 'Escape' && d.closeOnEscape !== false) close(undefined); };
    document.addEventListener('keydown', onKey);
    current = { backdrop: backdrop, opener: opener.getAttribute('data-frame'), modalId: d.modalId, frame: d.frame, onKey: onKey };
    document.body.appendChild(backdrop);
  }
  /** Handles a frame's message; true when it was about a modal. */
  window.__previewModal = function (m, frame) {
    if (m.type === 'modal') { open(frame, m.detail); return true; }
    if (!frame.hasAttribute('data-modal-of')) return false;
    if (m.type === 'close' || m.type === 'submitted') close(m.detail);
    return true;
  };
})();
`;
