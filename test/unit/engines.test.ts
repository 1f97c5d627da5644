/**
 * Dual-engine test: onnxruntime-web is the oracle of the small evaluator. For every model in
 * models/manifest.json (new models are covered without anyone writing a test), every worked example
 * of its calculator and 1,000 random in-limit input sets run through both engines:
 *
 * - node by node: each node, fed onnxruntime's values of its inputs, must give onnxruntime's value of
 *   its output bit for bit (NaN for NaN, -0 for -0). Exp, Log, Pow and Sigmoid may differ by 1 ulp:
 *   onnxruntime-web computes them with the C library compiled into its wasm (musl), the evaluator
 *   with the JavaScript engine's Math.exp/log/pow (fdlibm-derived in V8); neither library is
 *   correctly rounded, both are within 1 ulp of the exact value, and they disagree in the last bit
 *   on roughly 1 input in 10. A difference elsewhere, or larger, fails naming the node;
 * - end to end: every output identical bit for bit, except downstream of those 1-ulp differences,
 *   where the value may differ by at most 1e-12 relative (framingham-chd's 1 − S₀^exp(…) amplifies
 *   the last bit to ~430 ulp ≈ 1e-13) and what the clinician sees — the value rounded to its
 *   declared decimals and the interpretation band — must be identical.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { modelFile, modelRef, readManifest } from '../../src/definitions/models';
import { decodeModel, encodeModel } from '../../src/compiler/onnx-proto';
import { formatOutput, readAll } from '../../src/runtime/calculate';
import { loadOrt, type OrtSession } from '../../src/runtime/engine';
import { prepare, type Program } from '../../src/runtime/evaluator/graph';
import type { Tensor } from '../../src/runtime/evaluator/tensor';
import { nodeRunner } from '../../src/runtime/node';
import { SESSION_OPTIONS } from '../../src/runtime/session';
import type { Calculator } from '../../src/schema';
import { valueOf } from '../arbitraries';

const RANDOM_ROWS = 1000;
const BATCH = 250;
/** Operators whose float64 results come from a C library in onnxruntime-web: 1 ulp allowed (see above). */
const LIBM = new Set(['Exp', 'Log', 'Pow', 'Sigmoid']);
const REL_TOL = 1e-12;

const manifest = readManifest();
const { entries } = loadCatalog();
const ort = nodeRunner('onnxruntime-web');

const bits = new BigInt64Array(1);
const asDouble = new Float64Array(bits.buffer);
function ulps(a: number, b: number): number {
  if (Object.is(a, b) || (a !== a && b !== b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.sign(a) !== Math.sign(b)) return Infinity;
  asDouble[0] = a;
  const x = bits[0];
  asDouble[0] = b;
  return Number(x > bits[0] ? x - bits[0] : bits[0] - x);
}
const same = (a: number, b: number) => ulps(a, b) === 0;

/** The model with every node's output made a graph output, so onnxruntime shows its intermediate values (one session per model). */
const augmented = new Map<Uint8Array, Promise<OrtSession>>();
function augment(bytes: Uint8Array, program: Program, feeds: Record<string, Float64Array>): Promise<OrtSession> {
  let session = augmented.get(bytes);
  if (!session) {
    const types = new Map<string, number>();
    program.run(feeds, (_node, _op, output, value) => void types.set(output, value.type));
    // Test-only: the decoded model as a plain object, to add every intermediate tensor as an output.
    const model = decodeModel(bytes) as unknown as { graph: { output: { name: string; type?: unknown }[]; node: { op_type: string }[] } };
    const declared = new Set(model.graph.output.map((o: { name: string }) => o.name));
    for (const [name, elem_type] of types) if (!declared.has(name)) model.graph.output.push({ name, type: { tensor_type: { elem_type } } });
    session = loadOrt().then((o) => o.InferenceSession.create(encodeModel(model as unknown as Record<string, unknown>), SESSION_OPTIONS));
    augmented.set(bytes, session);
  }
  return session;
}

async function intermediates(bytes: Uint8Array, program: Program, feeds: Record<string, Float64Array>) {
  const [o, session] = await Promise.all([loadOrt(), augment(bytes, program, feeds)]);
  return session.run(Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, new o.Tensor('float64', v, [v.length])])));
}

/** Runs each node on onnxruntime's values of its inputs; returns the first node that differs, if any. */
async function firstDifferentNode(bytes: Uint8Array, program: Program, feeds: Record<string, Float64Array>): Promise<string | undefined> {
  const theirs = await intermediates(bytes, program, feeds);
  let problem: string | undefined;
  program.run(feeds, (node, op, output, value) => {
    const t = theirs[output];
    const data = Float64Array.from(t.data as ArrayLike<number | bigint>, Number);
    if (!problem) {
      const allowed = LIBM.has(op) ? 1 : 0;
      if (data.length !== value.data.length) problem = `node ${node} (${op}) gives ${value.data.length} values, onnxruntime ${data.length}`;
      else
        for (let i = 0; i < data.length && !problem; i++) {
          const d = ulps(value.data[i], data[i]);
          if (d > allowed)
            problem = `node ${node} (${op} → ${output}) row ${i}: evaluator ${value.data[i]}, onnxruntime ${data[i]} (${d} ulp, allowed ${allowed})`;
        }
    }
    return { ...value, shape: [...t.dims], data: value.type === 9 ? Uint8Array.from(data) : data } as Tensor;
  });
  return problem;
}

async function compare(id: string, calc: Calculator | undefined, bytes: Uint8Array, program: Program, rows: Record<string, number>[]) {
  const ref = modelRef(id, manifest);
  const feeds = Object.fromEntries(ref.inputs.map((n) => [n, Float64Array.from(rows, (r) => r[n])]));
  const node = await firstDifferentNode(bytes, program, feeds);
  if (node) throw new Error(`${id}: the engines differ at ${node}`);
  const theirs = await ort.run(ref, feeds);
  const ours = program.run(feeds);
  const libm = (decodeModel(bytes).graph?.node ?? []).some((n: { op_type: string }) => LIBM.has(n.op_type));
  for (const name of ref.outputs) {
    const def = calc?.outputs.find((o) => o.id === name);
    for (let i = 0; i < rows.length; i++) {
      const [a, b] = [ours[name][i], theirs[name][i]];
      if (same(a, b)) continue;
      const at = `${id}.${name} at ${JSON.stringify(rows[i])}: evaluator ${a}, onnxruntime ${b}`;
      if (!libm || !def) throw new Error(`not identical: ${at}`);
      if (!(Math.abs(a - b) <= REL_TOL * Math.max(Math.abs(a), Math.abs(b)))) throw new Error(`beyond ${REL_TOL} relative: ${at}`);
      if (formatOutput(def, a) !== formatOutput(def, b)) throw new Error(`shown differently: ${at}`);
    }
  }
}

describe('the evaluator and onnxruntime-web give the same results', () => {
  const ids = Object.keys(manifest);
  test('every model of the catalogue is in the manifest', () => expect(ids.length).toBe(entries.length));

  test.each(ids)('%s', async (id) => {
    const bytes = new Uint8Array(readFileSync(modelFile(id)));
    const calc = entries.find((e) => e.id === id)?.calc;
    const prepared = prepare(bytes);
    if (!prepared.ok) {
      // Only contributed (trained) models may need onnxruntime-web; the page then uses it.
      expect(manifest[id].source, `${id} is compiled by Bedside, yet the evaluator refuses it: ${prepared.reason}`).toBeDefined();
      const session = await nodeRunner().session(modelRef(id, manifest));
      expect(session.engine).toBe('onnxruntime-web');
      return;
    }
    const cases = entries.find((e) => e.id === id)?.cases ?? [];
    const worked = calc
      ? cases
          .map((c) => readAll(calc, c.inputs))
          .filter((r) => r.ok)
          .map((r) => r.values)
      : [];
    expect(worked.length, 'worked examples readable').toBe(cases.length);
    await compare(id, calc, bytes, prepared.program, worked);
    if (!calc) return;
    const row = fc.record(Object.fromEntries(calc.inputs.map((i) => [i.id, valueOf(i)])) as Record<string, fc.Arbitrary<number>>);
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: BATCH, maxLength: BATCH }), async (rows) => {
        await compare(id, calc, bytes, prepared.program, rows);
        checked += rows.length;
      }),
      { numRuns: RANDOM_ROWS / BATCH, endOnFailure: true },
    );
    expect(checked).toBe(RANDOM_ROWS);
    await (await augmented.get(bytes))?.release();
  });
});
