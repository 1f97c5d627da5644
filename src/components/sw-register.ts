/**
 * When the service worker may be registered, and what the page says when offline storage failed.
 * Pure or DOM-only helpers for src/components/UpdatePrompt.astro.
 */

/** The engine state on a calculator page (Calculator.tsx sets data-engine) once its first result is possible. */
const SETTLED = ['ready', 'error'];

/**
 * Calls `go` once the page is quiet: on a calculator page after its engine is ready (or failed), so
 * the first result never waits for the 18 MB precache; elsewhere after load, at idle. `capMs` bounds
 * the wait (an engine that never settles must not keep offline storage off for ever).
 */
export function whenQuiet(doc: Document, go: () => void, capMs = 20_000): void {
  const w = doc.defaultView as (Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }) | null;
  let done = false;
  const idle = () => {
    if (done) return;
    done = true;
    if (w?.requestIdleCallback) w.requestIdleCallback(go, { timeout: 5_000 });
    else setTimeout(go, 500);
  };
  const afterLoad = (f: () => void) => (doc.readyState === 'complete' ? f() : w?.addEventListener('load', f, { once: true }));
  if (!doc.getElementById('bedside-model')) return afterLoad(idle);
  const settled = () => SETTLED.includes(doc.querySelector('[data-engine]')?.getAttribute('data-engine') ?? '');
  if (settled()) return afterLoad(idle);
  const obs = new MutationObserver(() => {
    if (!settled()) return;
    obs.disconnect();
    afterLoad(idle);
  });
  obs.observe(doc.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-engine'], childList: true });
  setTimeout(() => (obs.disconnect(), afterLoad(idle)), capMs);
}

/** What the page says once every file is stored and verified (issue 16, item 8). */
export const OFFLINE_READY = 'Ready to work offline: every calculator is stored on this device.';

/**
 * What the failed files of a precache mean to a user ("the meld-3 model", "the cockcroft-gault page"),
 * from the service worker's list (its first few URLs); `base` is the site's base URL.
 */
export function missingParts(urls: readonly unknown[], base: string): string[] {
  const names = urls.flatMap((u) => {
    if (typeof u !== 'string') return [];
    let path: string;
    try {
      path = new URL(u).pathname;
    } catch {
      return [];
    }
    const rel = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
    const model = /^models\/([a-z0-9-]+)\.onnx$/.exec(rel);
    if (model) return [`the ${model[1]} model`];
    const page = /^c\/([a-z0-9-]+)\//.exec(rel);
    if (page) return [`the ${page[1]} page`];
    if (rel.endsWith('.wasm')) return ['the engine for trained models'];
    return ['site files'];
  });
  return [...new Set(names)];
}

/** What the page says when offline storage could not be completed; failed = -1 when registration itself failed. */
export function offlineMessage(failed: number, total: number, retrySeconds: number, missing: readonly string[] = []): string {
  const what =
    failed < 0
      ? 'Offline use could not be set up'
      : total > 0
        ? `Offline use is not ready: ${failed} of ${total} files did not arrive intact (a network filter or a broken download)`
        : 'Part of the offline copy could not be repaired';
  const which = missing.length ? ` Not yet available offline: ${missing.join(', ')}${failed > missing.length ? ' and more' : ''}.` : '';
  return `${what}.${which} The calculators still work while you are online; trying again in ${retrySeconds} s.`;
}
