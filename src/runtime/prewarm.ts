/**
 * Starts the engine for the page's model as soon as the page's scripts run, before the form's
 * island has hydrated: onnxruntime-web's 14 MB WebAssembly compile and the session creation then
 * overlap hydration instead of following it (BENCHMARKS.md, "where a warm visit's time goes").
 *
 * It only warms the runtime's cache: the island calls the same `runner.session(model)` and gets the
 * same promise (one module instance per page), and it alone reports errors — a failure here is
 * dropped from the cache, so the island's own attempt shows the message and can retry. Nothing the
 * user types is involved; the model and the wasm are same-origin files.
 */
import type { ModelRef } from './session';

export function prewarm(doc: Document = document): void {
  const data = doc.getElementById('bedside-model')?.textContent;
  if (!data) return;
  let model: ModelRef;
  try {
    model = JSON.parse(data) as ModelRef;
  } catch {
    return;
  }
  import('./browser')
    .then((m) => m.runner.session(model))
    .catch(() => undefined);
}
