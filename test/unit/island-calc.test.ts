/**
 * The island receives a slimmer definition (src/components/island-calc.ts): for every calculator and
 * worked example, what the island computes from it — read values, interpreted results with bands and
 * next steps, the "copy to note" text — is the same as from the full definition.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { modelRef } from '../../src/definitions/models';
import { islandCalc } from '../../src/components/island-calc';
import { noteText, type EnteredValue } from '../../src/components/note';
import { computeRows, readAll } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';

const { entries } = loadCatalog();
const runner = nodeRunner();

describe('the island computes the same from its slimmer definition', () => {
  test.each(entries.map((e) => [e.id, e] as const))('%s', async (id, { calc, cases }) => {
    const slim = islandCalc(calc);
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(calc).length);
    for (const c of cases) {
      const full = readAll(calc, c.inputs);
      expect(readAll(slim, c.inputs)).toEqual(full);
      if (!full.ok) continue;
      const [a] = await computeRows(runner, modelRef(id), calc, [full.values]);
      const [b] = await computeRows(runner, modelRef(id), slim, [full.values]);
      expect(b).toEqual(a);
      const entered = Object.fromEntries(
        calc.inputs.map((i) => [
          i.id,
          { text: String(c.inputs[i.id] ?? ''), unit: i.type === 'number' ? i.unit : '', result: full.fields[i.id] } satisfies EnteredValue,
        ]),
      );
      expect(noteText(slim, entered, b, '2026-01-01')).toBe(noteText(calc, entered, a, '2026-01-01'));
    }
  });
});
