/**
 * Differential test: for every calculator, random in-limit inputs give the same outputs (and the same
 * interpretation band) from the committed ONNX model, run by onnxruntime-web, as from evaluating the
 * checked AST directly in JavaScript.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { modelRef } from '../../src/definitions/models';
import { checkOutputs } from '../../src/compiler/check';
import { bandOutputName } from '../../src/compiler/compile';
import { warningOutputName } from '../../src/schema/graph';
import { bandIndex, evaluateAll } from '../../src/compiler/evaluate';
import { nodeRunner } from '../../src/runtime/node';
import { valueOf } from '../arbitraries';
import { close } from '../helpers';

const ROWS_PER_RUN = 200;
const RUNS = 6; // 1200 input sets per calculator
const REL_TOL = 1e-9;

const { entries } = loadCatalog();
const runner = nodeRunner();

describe('ONNX model == AST evaluator on random in-limit inputs', () => {
  test('the catalogue is not empty', () => expect(entries.length).toBeGreaterThan(0));

  // Contributed models have no formula to evaluate: test/unit/contributed-models.test.ts compares them with the source model.
  test.each(entries.filter((e) => !e.calc.model).map((e) => [e.id, e.calc] as const))('%s', async (id, calc) => {
    const ref = modelRef(id);
    const { outputs, problems } = checkOutputs(calc);
    expect(problems).toEqual([]);
    expect(outputs.map((o) => o.id)).toEqual(calc.outputs.map((o) => o.id));
    const row = fc.record(Object.fromEntries(calc.inputs.map((i) => [i.id, valueOf(i)])) as Record<string, fc.Arbitrary<number>>);
    let checked = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: ROWS_PER_RUN, maxLength: ROWS_PER_RUN }), async (rows) => {
        const feeds = Object.fromEntries(calc.inputs.map((i) => [i.id, Float64Array.from(rows, (r) => r[i.id])]));
        const out = await runner.run(ref, feeds);
        rows.forEach((r, n) => {
          const complete = Object.values(r).every((v) => !Number.isNaN(v));
          const all = evaluateAll(outputs, r);
          // Without the validity conditions, to tell "not valid here" (declared) from a NaN bug.
          const unconditioned = evaluateAll(
            outputs.map(({ valid: _v, plausible: _p, ...o }) => o),
            r,
          );
          for (const o of outputs) {
            const def = calc.outputs.find((d) => d.id === o.id)!;
            const expected = all[o.id];
            const actual = out[o.id][n];
            const at = `${id}.${o.id} at ${JSON.stringify(r)}: model ${actual}, evaluator ${expected}`;
            // NaN is declared when it disappears without the validity conditions and plausible ranges.
            const declaredInvalid = Number.isNaN(expected) && Number.isFinite(unconditioned[o.id]);
            if (complete && !declaredInvalid && !(Number.isFinite(actual) && Number.isFinite(expected))) throw new Error(`not finite: ${at}`);
            if (!close(actual, expected, REL_TOL)) throw new Error(`differ: ${at}`);
            // Applicability warnings: the same 0/1 from the model as from the oracle.
            def.warnings.forEach((_, j) => {
              const w = warningOutputName(o.id, j);
              if (out[w][n] !== all[w]) throw new Error(`warning ${j}: model ${out[w][n]}, evaluator ${all[w]}: ${at}`);
            });
            const bands = calc.interpretation.find((it) => it.output === o.id)?.bands;
            if (bands) {
              const want = bandIndex(expected, def.decimals, bands);
              const got = out[bandOutputName(o.id)][n];
              if (got !== want) throw new Error(`band ${got} instead of ${want}: ${at}`);
            }
          }
        });
        checked += rows.length;
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(checked).toBeGreaterThanOrEqual(1000);
  });
});
