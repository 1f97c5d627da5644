/** The runtime as the page uses it: the same ModelRunner, fetching models same-origin. */
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { loadOrt, setWasmUrl } from './engine';
import { ModelError, ModelRunner } from './session';

setWasmUrl(wasmUrl);

/** A model download that receives nothing for this long is abandoned, so "Try again" can start afresh. */
const STALL_MS = 20_000;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const ctl = new AbortController();
  let timer = setTimeout(() => ctl.abort(), STALL_MS);
  try {
    const res = await fetch(url, { signal: ctl.signal });
    if (!res.ok) throw new ModelError(`The model could not be downloaded (HTTP ${res.status}).`);
    const reader = res.body!.getReader();
    const parts: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      parts.push(r.value);
      clearTimeout(timer);
      timer = setTimeout(() => ctl.abort(), STALL_MS);
    }
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  } catch (e) {
    if (e instanceof ModelError) throw e;
    throw new ModelError(
      ctl.signal.aborted
        ? 'The model download stopped arriving (the network may be blocking it); try again.'
        : 'The model could not be downloaded; check the connection and try again.',
    );
  } finally {
    clearTimeout(timer);
  }
}

/** One runner for the page. */
export const runner = new ModelRunner(fetchBytes);
// prepare: the evaluator's decode + validate step, exported for `npm run bench`'s engine table.
export { loadOrt, ModelError };
export { prepare } from './evaluator/graph';
