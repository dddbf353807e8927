/**
 * The script the preview puts in front of each Custom UI bundle: `window.__bridge`, answering the
 * `@forge/bridge` operations the way Jira's host page would. Resolver calls go to the preview
 * server, which runs the app's own resolver definitions.
 */
import { PREVIEW_MODULES } from './modules';

export const BRIDGE_SHIM = String.raw`
(function () {
  var frame = window.__PREVIEW_FRAME__;
  var MODULE_PAGES = ${JSON.stringify(Object.fromEntries(PREVIEW_MODULES.map((m) => [m.key, m.page])))};
  var listeners = {};
  function post(type, detail) { try { window.parent.postMessage({ source: 'forge-preview', type: type, frame: frame.id, detail: detail }, '*'); } catch (e) {} }
  function json(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j && j.message ? j.message : 'HTTP ' + r.status); return j; }); });
  }
  function applyTheme(mode) {
    var html = document.documentElement;
    html.setAttribute('data-color-mode', mode);
    html.setAttribute('data-theme', 'dark:dark light:light motion:motion shape:shape spacing:spacing typography:typography');
    var link = document.getElementById('preview-theme');
    if (!link) { link = document.createElement('link'); link.id = 'preview-theme'; link.rel = 'stylesheet'; document.head.appendChild(link); }
    link.href = '/__preview/theme.css?mode=' + mode;
    document.body && (document.body.style.background = mode === 'dark' ? '#1D2125' : '');
  }
  // Modals this frame opened, by id: their onClose runs when the host page closes them.
  var modals = {};
  var modalSeq = 0;
  window.addEventListener('message', function (e) {
    var m = e.data;
    if (!m || m.source !== 'forge-preview-host') return;
    if (m.type === 'modal-closed') {
      var onClose = modals[m.modalId];
      delete modals[m.modalId];
      if (onClose) { try { onClose(m.payload); } catch (err) { console.error(err); } }
      return;
    }
    (listeners[m.event] || []).forEach(function (cb) { try { cb(m.payload); } catch (err) { console.error(err); } });
  });
  // Jira sizes a gadget's iframe to its content; so does the preview host page.
  // The content's own height: the document's would include the frame's current height and only grow.
  function reportHeight() { var root = document.getElementById('root') || document.body; post('resize', Math.ceil(root.getBoundingClientRect().bottom) + 8); }
  // In a modal: Escape closes it, as Jira's dialog does (unless the opener said closeOnEscape: false).
  if (frame.modal && frame.modal.closeOnEscape) {
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && !e.defaultPrevented) post('close'); });
  }
  window.addEventListener('load', function () {
    reportHeight();
    if (window.ResizeObserver) new ResizeObserver(reportHeight).observe(document.getElementById('root') || document.body);
  });
  window.__bridge = {
    callBridge: function (op, args) {
      switch (op) {
        case 'getContext': return Promise.resolve(frame.context);
        case 'invoke': return json('/__preview/invoke', { frame: frame.id, functionKey: args.functionKey, payload: args.payload || {} });
        case 'submit': return json('/__preview/submit', { frame: frame.id, payload: args }).then(function () { post('submitted'); return true; });
        case 'close': post('close', args); return Promise.resolve();
        case 'openModal':
          var modalId = frame.id + '#' + (++modalSeq);
          return json('/__preview/modal', { frame: frame.id, resource: args.resource || frame.resource, context: args.context || {}, closeOnEscape: args.closeOnEscape !== false })
            .then(function (r) {
              modals[modalId] = args.onClose;
              post('modal', { modalId: modalId, frame: r.frame, url: r.url, size: args.size, title: args.title, closeOnOverlayClick: args.closeOnOverlayClick !== false, closeOnEscape: args.closeOnEscape !== false });
              return true;
            });
        case 'refresh': window.location.reload(); return Promise.resolve();
        case 'enableTheming': applyTheme(frame.context.theme.colorMode); return Promise.resolve();
        case 'on':
          (listeners[args.event] = listeners[args.event] || []).push(args.callback);
          return Promise.resolve({ unsubscribe: function () { listeners[args.event] = (listeners[args.event] || []).filter(function (c) { return c !== args.callback; }); } });
        case 'emit': case 'emitPublic': post('event', { event: args.event, payload: args.payload }); return Promise.resolve();
        case 'showFlag': post('flag', args); return Promise.resolve();
        case 'closeFlag': return Promise.resolve();
        case 'navigate':
          // router.navigate/open also take a target ({target: 'userProfile', accountId}…): the preview's own pages answer them.
          var url = args.url || (args.target === 'userProfile' ? '/jira/people/' + encodeURIComponent(args.accountId)
            : args.target === 'issue' ? '/browse/' + encodeURIComponent(args.issueKey)
            : args.target === 'module' ? (MODULE_PAGES[args.moduleKey] || '/dashboard') : '/dashboard');
          if (args.type === 'new-tab') window.open(url, '_blank', 'noopener'); else window.top.location.assign(url);
          return Promise.resolve();
        case 'open': post('open', args); return Promise.resolve(true);
        case 'getFrameId': return Promise.resolve(frame.id);
        default: console.warn('preview bridge: ' + op + ' is not emulated'); return Promise.resolve(undefined);
      }
    }
  };
})();
`;
