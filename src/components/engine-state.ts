/**
 * The calculation engine as the form sees it: idle until the first keystroke (or the page's prewarm),
 * loading, ready or failed with one sentence for the user; and the results of the current inputs,
 * recomputed when a field's reading changes. The page runs the shipped model only (src/runtime).
 */
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import type { Calculator } from '../schema';
import { fieldsToRow, interpret, rowsToFeeds, scoredTables, scoredTerms, type OutputResult } from '../runtime/calculate';
import type { ModelRef } from '../runtime/session';
import { usable, type Form } from './form-state';

export type EngineState = 'idle' | 'loading' | 'ready' | 'error';

/** What the engine needs of the runtime: src/runtime/browser.ts in the page, src/runtime/node.ts in tests. */
export interface RuntimeModule {
  runner: {
    session(model: ModelRef): Promise<unknown>;
    run(model: ModelRef, feeds: Record<string, Float64Array>): Promise<Record<string, Float64Array>>;
  };
  /** Errors whose message is written for the user (integrity check, download failed). */
  ModelError: abstract new (...args: never[]) => Error;
}

/** The page's runtime, loaded after mount (onnxruntime-web never loads during the static build). */
export const loadBrowserRuntime = (): Promise<RuntimeModule> => import('../runtime/browser');

export const LOAD_FAILED = 'The calculation engine could not be loaded. Check your connection and try again; the form stays usable.';
/** How long the engine (runtime and model) may take to load before the page says so. */
export const ENGINE_TIMEOUT_MS = 60_000;

/** What the page says when the engine did not load: the real cause where the page can know it. */
export function engineFailure(timedOut: boolean): string {
  // Only over plain http to another host is the context insecure (http://localhost is secure).
  if (typeof location !== 'undefined' && location.protocol === 'http:' && globalThis.isSecureContext === false)
    return 'This page was opened over an insecure connection (http:// on an address other than localhost), where the browser turns off what the calculator needs. Open it over https://; the form stays usable.';
  if (timedOut) return 'The calculation engine is taking too long to download (the network may be blocking it). Try again; the form stays usable.';
  return LOAD_FAILED;
}
export const RUN_FAILED = 'The calculation failed. Check the inputs and try again.';

export interface Engine {
  state: Accessor<EngineState>;
  /** The user-facing sentence while `state` is "error". */
  error: Accessor<string | undefined>;
  /** Starts loading, only from idle: after a failure typing does not refetch; `retry` does. */
  start(): void;
  retry(): void;
  /** Runs the model (undefined until the runtime has loaded). */
  run(feeds: Record<string, Float64Array>): Promise<Record<string, Float64Array>> | undefined;
  fail(message: string): void;
}

export function createEngine(model: ModelRef, load: () => Promise<RuntimeModule> = loadBrowserRuntime): Engine {
  const [state, setState] = createSignal<EngineState>('idle');
  const [error, setError] = createSignal<string>();
  let runtime: RuntimeModule | undefined;
  // The wasm runtime cannot be initialised twice in one document: after the runtime loaded but the
  // engine failed to start, a retry is a reload (typed values are kept, see kept-values.ts); after the
  // runtime module itself failed to download, a retry imports it again.
  let needsReload = false;
  const start = () => {
    if (state() !== 'idle') return;
    setState('loading');
    // A download that hangs (captive portal, dead proxy) must not leave "Loading engine…" for ever.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ENGINE_TIMEOUT_MS)));
    Promise.race([
      load().then(async (m) => {
        runtime = m;
        await m.runner.session(model);
      }),
      timeout,
    ])
      .then(() => setState('ready'))
      .catch((e: unknown) => {
        setState('error');
        const known = runtime && e instanceof runtime.ModelError;
        needsReload = !known && runtime !== undefined;
        setError(known ? (e as Error).message : engineFailure((e as Error)?.message === 'timeout'));
      })
      .finally(() => clearTimeout(timer));
  };
  return {
    state,
    error,
    start,
    retry() {
      if (needsReload) return location.reload();
      setState('idle');
      start();
    },
    run: (feeds) => runtime?.runner.run(model, feeds),
    fail(message) {
      setState('error');
      setError(message);
    },
  };
}

/**
 * The results for the current inputs: cleared while a field is missing or invalid; only the latest
 * run's answer is shown (an earlier, slower run never overwrites a later one).
 */
export function createResults(
  calc: Calculator,
  form: Form,
  engine: Engine,
): Accessor<OutputResult[] | undefined> & { tables: Accessor<string[]>; terms: Accessor<string[]> } {
  const [results, setResults] = createSignal<OutputResult[]>();
  /** What the model's tables scored, e.g. "Creatinine (+3)". */
  const [tables, setTables] = createSignal<string[]>([]);
  /** What the terms outputs list in `scored` scored, e.g. PSI's age points. */
  const [terms, setTerms] = createSignal<string[]>([]);
  let seq = 0;
  createEffect(
    on([form.fields, engine.state], ([f, state]) => {
      const mine = ++seq;
      if (!Object.values(f).every(usable)) return setResults(undefined);
      if (state !== 'ready') return;
      // The unit each value was typed in goes to the model too: tables score it on that unit's column.
      const feeds = rowsToFeeds(calc, [fieldsToRow(calc, f)]);
      engine
        .run(feeds)
        ?.then((out) => {
          if (mine !== seq) return;
          setTables(scoredTables(calc, out));
          setTerms(scoredTerms(calc, out));
          setResults(interpret(calc, out, 0, form.skipped(), feeds));
        })
        .catch(() => mine === seq && engine.fail(RUN_FAILED));
    }),
  );
  return Object.assign(results, { tables, terms });
}
