/** The runtime as the page uses it: the same ModelRunner, fetching models same-origin. */
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { loadOrt, setWasmUrl } from './engine';
import { ModelError, ModelRunner } from './session';

setWasmUrl(wasmUrl);

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new ModelError(`The model could not be downloaded (HTTP ${res.status}).`);
  return new Uint8Array(await res.arrayBuffer());
}

/** One runner for the page. */
export const runner = new ModelRunner(fetchBytes);
// prepare: the evaluator's decode + validate step, exported for `npm run bench`'s engine table.
export { loadOrt, ModelError };
export { prepare } from './evaluator/graph';
