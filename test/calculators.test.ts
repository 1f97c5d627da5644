/**
 * Every calculator's worked examples (calculators/<id>/cases.yaml), run through its committed ONNX
 * model with onnxruntime-web, exactly as the page runs them.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../src/definitions/load';
import { modelRef } from '../src/definitions/models';
import { computeRows, formatOutput, readAll } from '../src/runtime/calculate';
import { nodeRunner } from '../src/runtime/node';
import type { Case, Calculator, Expect } from '../src/schema';

const { entries } = loadCatalog();
const runner = nodeRunner();

// Folders with problems are not in `entries`: test/unit/schema.test.ts fails for them and shows why.
test('the catalogue has calculators with cases', () => {
  expect(entries.length).toBeGreaterThan(0);
  for (const e of entries) expect(e.cases.length, e.id).toBeGreaterThanOrEqual(3);
});

async function check(id: string, calc: Calculator, c: Case) {
  const { fields, values, ok } = readAll(calc, c.inputs);
  const refused = Object.entries(fields).filter(([, f]) => f.status === 'empty' || f.status === 'error');
  expect(refused, 'every input of the case is readable').toEqual([]);
  expect(ok).toBe(true);
  const [results] = await computeRows(runner, modelRef(id), calc, [values]);

  for (const [outputId, exp] of Object.entries(c.expect) as [string, Expect][]) {
    const o = calc.outputs.find((x) => x.id === outputId);
    expect(o, `output ${outputId}`).toBeDefined();
    const r = results.find((x) => x.id === outputId)!;
    const { value, tol, band } = typeof exp === 'object' ? exp : { value: exp, tol: undefined, band: undefined };
    if (typeof value === 'number') {
      const allowed = tol ?? 0.5 * 10 ** -o!.decimals;
      expect(Number.isFinite(r.value), `${outputId} is a number`).toBe(true);
      expect(Math.abs(r.value - value), `${outputId} = ${r.value}, expected ${value} ± ${allowed}`).toBeLessThanOrEqual(allowed + 1e-12);
      // Without an explicit tolerance, what the user sees is what the source says.
      if (tol === undefined) expect(r.display, `${outputId} as shown`).toBe(formatOutput(o!, value));
    } else if (typeof value === 'string') {
      expect(r.display, `${outputId} as shown`).toBe(value);
    }
    if (band !== undefined) expect(r.band?.label, `${outputId} band`).toBe(band);
  }
}

for (const { id, calc, cases } of entries) {
  describe(id, () => {
    test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => check(id, calc, c));
  });
}
