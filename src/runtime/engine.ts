/**
 * The ONLY module that imports onnxruntime-web. It is imported dynamically, after the page has
 * mounted (never during the static build), and configured once.
 */
import type * as OrtModule from 'onnxruntime-web';

export type Ort = typeof OrtModule;
export type OrtSession = OrtModule.InferenceSession;

/** Where the wasm binary lives, when the bundler (not ORT's own lookup) decides it. */
let wasmUrl: string | undefined;
let ortPromise: Promise<Ort> | undefined;

/** Tells ORT where the wasm file is (the browser build passes Vite's hashed URL). Call before loadOrt(). */
export function setWasmUrl(url: string): void {
  wasmUrl = url;
}

/** Loads and configures onnxruntime-web once; a failed load is forgotten so a retry can succeed. */
export function loadOrt(): Promise<Ort> {
  ortPromise ??= import('onnxruntime-web/wasm')
    .then((mod) => {
      const ort = ((mod as unknown as { default?: Ort }).default?.InferenceSession ? (mod as unknown as { default: Ort }).default : mod) as Ort;
      // Static hosts cannot send COOP/COEP headers, so no SharedArrayBuffer: one thread.
      ort.env.wasm.numThreads = 1;
      if (wasmUrl) ort.env.wasm.wasmPaths = { wasm: wasmUrl };
      ort.env.logLevel = 'error';
      return ort;
    })
    .catch((e) => {
      ortPromise = undefined;
      throw e;
    });
  return ortPromise;
}
