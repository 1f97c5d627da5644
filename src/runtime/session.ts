import type * as OrtModule from 'onnxruntime-web';
import { loadOrt } from './engine';
import { prepare, type Program } from './evaluator/graph';
import { EvalError } from './evaluator/tensor';
import { completeFeeds } from './feeds';
import { sha256Hex } from './sha256';

/** What the runtime needs to know about a model: where it is, its pinned hash, its tensor names. */
export interface ModelRef {
  id: string;
  /** URL (browser) or file path (Node) of the .onnx file. */
  url: string;
  /** Hex sha256 pinned at build time (models/manifest.json). */
  sha256: string;
  inputs: string[];
  outputs: string[];
}

/** Reads the bytes of a model: `fetch` in the browser, the file system in Node. */
export type FetchBytes = (url: string) => Promise<Uint8Array>;

/** A model that cannot be used, with one sentence a clinician can read. */
export class ModelError extends Error {}

/** Which engine runs a model: the small evaluator, or onnxruntime-web. */
export type EngineName = 'evaluator' | 'onnxruntime-web';

/** A ready model, whichever engine runs it. */
export interface Session {
  engine: EngineName;
  inputNames: readonly string[];
  outputNames: readonly string[];
  /** Why the evaluator did not take this model (onnxruntime-web sessions only). */
  fallbackReason?: string;
  run(feeds: Record<string, Float64Array>, outputs: readonly string[]): Promise<Record<string, Float64Array>>;
}

/**
 * 'auto' (the page): the evaluator when it supports every node of the model, onnxruntime-web
 * otherwise. 'onnxruntime-web' or 'evaluator' force one engine (the dual-engine tests, the bench);
 * a model the forced evaluator does not support is a ModelError.
 */
export type EngineChoice = 'auto' | EngineName;

interface Entry {
  session: Promise<Session>;
  /** Tail of the queue of runs: ORT must never run twice at once on one session. */
  queue: Promise<unknown>;
}

/**
 * Session options. 'basic' graph optimisation (constant folding, redundant-node elimination) and not
 * 'all': measured on onnxruntime-web 1.30 (wasm, one thread), 'all' made APACHE II's 233-node graph
 * twice as slow to create (35 vs 18 ms) and to run (464 vs 197 µs per call) with no gain elsewhere
 * (BENCHMARKS.md, engine table). Every test runs the
 * same options, so results are checked under exactly what the browser does.
 */
export const SESSION_OPTIONS: OrtModule.InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'basic' };

/**
 * User Timing marks (`bedside:<name>`) at each step of starting the engine: DevTools' performance
 * panel and `npm run bench` (the warm-visit breakdown) read them. A mark costs microseconds.
 */
function mark(name: string): void {
  globalThis.performance?.mark?.(`bedside:${name}`);
}
const tap =
  (name: string) =>
  <T>(x: T): T => (mark(name), x);

/** The evaluator's session: synchronous underneath, so it starts and runs in microseconds. */
function evaluatorSession(program: Program): Session {
  // One throw-away run while the page is idle (NaN in, discarded): the first real result then runs
  // JIT-compiled kernels instead of cold code.
  try {
    program.run(Object.fromEntries(program.inputNames.map((n) => [n, Float64Array.of(NaN)])));
  } catch {
    // a model that cannot take NaN (an int64 Cast) reports that on a real run, not here
  }
  return {
    engine: 'evaluator',
    inputNames: program.inputNames,
    outputNames: program.outputNames,
    async run(feeds, outputs) {
      let out: Record<string, Float64Array>;
      try {
        out = program.run(feeds);
      } catch (e) {
        if (e instanceof EvalError) throw new ModelError(`The model could not be evaluated for these values (${e.message}).`);
        throw e;
      }
      return Object.fromEntries(outputs.map((n) => [n, out[n]]));
    },
  };
}

async function ortSession(bytes: Uint8Array, fallbackReason: string | undefined): Promise<Session> {
  const ort = await loadOrt().then(tap('ort-loaded'));
  mark('session-create');
  const session = await ort.InferenceSession.create(bytes, SESSION_OPTIONS);
  return {
    engine: 'onnxruntime-web',
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    fallbackReason,
    async run(feeds, outputs) {
      const tensors = Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, new ort.Tensor('float64', v, [v.length])]));
      const out = await session.run(tensors);
      return Object.fromEntries(outputs.map((n) => [n, Float64Array.from(out[n].data as Float64Array)]));
    },
  };
}

/** Loads, verifies and runs models; one cached session promise per model. */
export class ModelRunner {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly fetchBytes: FetchBytes,
    private readonly engine: EngineChoice = 'auto',
  ) {}

  /** The session for a model, created once; a failure is dropped from the cache so a retry works. */
  session(model: ModelRef): Promise<Session> {
    const hit = this.cache.get(model.url);
    if (hit) return hit.session;
    const session = this.create(model);
    this.cache.set(model.url, { session, queue: Promise.resolve() });
    session.catch(() => this.cache.delete(model.url));
    return session;
  }

  private async create(model: ModelRef): Promise<Session> {
    mark('engine-start');
    // onnxruntime-web is only loaded once the bytes say the evaluator cannot run them: a compiled
    // calculator never downloads it. (A page that will need it may call loadOrt() early, in parallel.)
    const bytes = await this.fetchBytes(model.url).then(tap('model-fetched'));
    const actual = await sha256Hex(bytes);
    if (actual !== model.sha256)
      throw new ModelError(
        `The ${model.id} model failed its integrity check (sha256 ${actual.slice(0, 12)}… instead of ${model.sha256.slice(0, 12)}…), so it was not used.`,
      );
    const prepared = this.engine === 'onnxruntime-web' ? undefined : prepare(bytes);
    if (this.engine === 'evaluator' && !prepared?.ok)
      throw new ModelError(`The ${model.id} model cannot be run by the evaluator (${prepared && !prepared.ok ? prepared.reason : ''}).`);
    const session = prepared?.ok ? evaluatorSession(prepared.program) : await ortSession(bytes, prepared && !prepared.ok ? prepared.reason : undefined);
    mark('session-ready');
    const missing = model.inputs.filter((n) => !session.inputNames.includes(n));
    const absent = model.outputs.filter((n) => !session.outputNames.includes(n));
    if (missing.length || absent.length)
      throw new ModelError(`The ${model.id} model does not match its definition (missing ${[...missing, ...absent].join(', ')}).`);
    return session;
  }

  /**
   * Runs a batch: every input is a Float64Array of the same length N (canonical units); returns
   * every output as a Float64Array of length N. Runs on one session are queued, never concurrent.
   */
  async run(model: ModelRef, given: Record<string, Float64Array>): Promise<Record<string, Float64Array>> {
    const feeds = completeFeeds(model.inputs, given);
    const missing = model.inputs.filter((n) => !(n in feeds));
    if (missing.length) throw new Error(`missing inputs for ${model.id}: ${missing.join(', ')}`);
    const unknown = Object.keys(feeds).filter((n) => !model.inputs.includes(n));
    if (unknown.length) throw new Error(`unknown inputs for ${model.id}: ${unknown.join(', ')}. Expected: ${model.inputs.join(', ')}`);
    const lengths = new Set(Object.values(feeds).map((f) => f.length));
    if (lengths.size !== 1) throw new Error(`inputs for ${model.id} differ in batch length (${[...lengths].join(', ')})`);
    const session = await this.session(model);
    const entry = this.cache.get(model.url)!;
    const job = entry.queue.then(() => session.run(feeds, model.outputs));
    entry.queue = job.catch(() => undefined);
    return job;
  }
}
