/**
 * Starts the engine before anyone types, so the result appears as soon as the form is filled.
 *
 * - On a calculator page (#bedside-model): at once, before the form's island has hydrated, so
 *   onnxruntime-web's 14 MB WebAssembly compile and the session creation overlap hydration.
 * - On other pages (#bedside-warmup: the home page, search, about): when the page is idle, with the
 *   smallest model, so the wasm is compiled before a calculator is chosen; with client-side
 *   navigation the engine stays alive and the calculator only creates its own session
 *   (BENCHMARKS.md, "in-app navigation").
 *
 * It only warms the runtime's cache: the island calls the same `runner.session(model)` and gets the
 * same promise (one module instance per document), and it alone reports errors — a failure here is
 * dropped from the cache, so the island's own attempt shows the message and can retry. Nothing the
 * user types is involved; the model and the wasm are same-origin files (precached for offline use).
 * Runs once per document (module script); pages reached client-side start theirs after the swap.
 */
import type { ModelRef } from './session';

function modelIn(doc: Document, id: string): ModelRef | undefined {
  const data = doc.getElementById(id)?.textContent;
  if (!data) return undefined;
  try {
    return JSON.parse(data) as ModelRef;
  } catch {
    return undefined;
  }
}

type Runtime = typeof import('./browser');
let runtime: Runtime | undefined;

function start(model: ModelRef): void {
  // Once loaded, the runtime is called directly: even an already-loaded dynamic import() resolves in
  // a later task, which after a client-side navigation would wait behind the new form's hydration.
  if (runtime) return void runtime.runner.session(model).catch(() => undefined);
  void import('./browser')
    .then((m) => {
      runtime = m;
      return m.runner.session(model);
    })
    .catch(() => undefined);
}

/** Warms the engine for this document's page; call once per document (the page's module script). */
export function prewarm(doc: Document = document): void {
  // A client-side navigation swaps in the next page without running this script again: start that
  // page's model as soon as its HTML is in, rather than when its form has hydrated.
  doc.addEventListener('astro:after-swap', () => {
    const next = modelIn(doc, 'bedside-model');
    if (next) start(next);
  });
  const model = modelIn(doc, 'bedside-model');
  if (model) return start(model);
  const warmup = modelIn(doc, 'bedside-warmup');
  if (!warmup) return;
  const w = window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
  if (w.requestIdleCallback) w.requestIdleCallback(() => start(warmup), { timeout: 3000 });
  else setTimeout(() => start(warmup), 1000);
}
