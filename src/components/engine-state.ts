/**
 * The calculation engine as the form sees it: idle until the first keystroke (or the page's prewarm),
 * loading, ready or failed with one sentence for the user; and the results of the current inputs,
 * recomputed when a field's reading changes. The page runs the shipped model only (src/runtime).
 */
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import type { Calculator } from '../schema';
import { interpret, type OutputResult } from '../runtime/calculate';
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
  const start = () => {
    if (state() !== 'idle') return;
    setState('loading');
    load()
      .then(async (m) => {
        runtime = m;
        await m.runner.session(model);
        setState('ready');
      })
      .catch((e: unknown) => {
        setState('error');
        setError(runtime && e instanceof runtime.ModelError ? e.message : LOAD_FAILED);
      });
  };
  return {
    state,
    error,
    start,
    retry() {
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
export function createResults(calc: Calculator, form: Form, engine: Engine): Accessor<OutputResult[] | undefined> {
  const [results, setResults] = createSignal<OutputResult[]>();
  let seq = 0;
  createEffect(
    on([form.fields, engine.state], ([f, state]) => {
      const mine = ++seq;
      if (!Object.values(f).every(usable)) return setResults(undefined);
      if (state !== 'ready') return;
      const feeds = Object.fromEntries(calc.inputs.map((i) => [i.id, Float64Array.of(form.values()[i.id])]));
      engine
        .run(feeds)
        ?.then((out) => mine === seq && setResults(interpret(calc, out, 0, form.skipped())))
        .catch(() => mine === seq && engine.fail(RUN_FAILED));
    }),
  );
  return results;
}
