/**
 * Every calculator's worked examples (calculators/<id>/cases.yaml), run through its committed ONNX
 * model with onnxruntime-web, exactly as the page runs them. The runner (src/definitions/cases.ts) is the
 * one `npm run check` uses, so a failure here reads the same as there.
 */
import { describe, expect, test } from 'vitest';
import { checkCases } from '../src/definitions/cases';
import { loadCatalog } from '../src/definitions/load';
import { modelRef } from '../src/definitions/models';
import { nodeRunner } from '../src/runtime/node';

const { entries } = loadCatalog();
const runner = nodeRunner();

// Folders with problems are not in `entries`: test/unit/schema.test.ts fails for them and shows why.
test('the catalogue has calculators with cases', () => {
  expect(entries.length).toBeGreaterThan(0);
  for (const e of entries) expect(e.cases.length, e.id).toBeGreaterThanOrEqual(3);
});

for (const { id, calc, cases } of entries) {
  describe(id, () => {
    test.each(cases.map((c, k) => [c.name, c, k] as const))('%s', async (_name, c, k) => {
      const [mismatches] = await checkCases(runner, modelRef(id), calc, [c], k);
      expect(mismatches.map((m) => m.message)).toEqual([]);
    });
  });
}
