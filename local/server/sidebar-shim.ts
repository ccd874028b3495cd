/**
 * The `google.script.run` / `google.script.host` stand-in injected into the real built Sidebar.html when
 * the local server serves it. Calls go over HTTP to the bundle's top-level server functions, with the same
 * handler-chaining API and the same Error-to-failure-handler behaviour as Apps Script.
 */
export const SIDEBAR_SHIM = `
(function () {
  function notifyParent() {
    try { parent.postMessage({ type: 'funnelroi:changed' }, location.origin); } catch (e) {}
  }
  function runner(h) {
    return new Proxy({}, {
      get: function (_, prop) {
        if (prop === 'withSuccessHandler') return function (f) { return runner(Object.assign({}, h, { ok: f })); };
        if (prop === 'withFailureHandler') return function (f) { return runner(Object.assign({}, h, { fail: f })); };
        if (prop === 'withUserObject') return function (o) { return runner(Object.assign({}, h, { user: o })); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ functionName: String(prop), args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              notifyParent();
              if (res.ok) { if (h.ok) h.ok(res.value, h.user); }
              else if (h.fail) h.fail(new Error(res.error), h.user);
            }, function (err) { if (h.fail) h.fail(err instanceof Error ? err : new Error(String(err)), h.user); });
        };
      }
    });
  }
  window.google = { script: {
    run: runner({}),
    host: {
      close: function () { fetch('/api/sidebar/close', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(notifyParent); },
      setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} }
    }
  } };
})();
`;

/** Puts the shim before any of the sidebar's own scripts. */
export function injectShim(html: string): string {
  const tag = `<script>${SIDEBAR_SHIM}</script>`;
  const head = /<head[^>]*>/iu.exec(html);
  return head ? html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length) : tag + html;
}
