/**
 * Generated boundary cases for every table of every calculator, in every unit it declares: a value at,
 * just below and just above each published edge, typed in that unit, scores the row the definition's
 * table gives it — through the committed ONNX model (onnxruntime-web in Node), read from the table's
 * own graph output. The step is one unit of the column's printed decimals (and a hundredth of it, for
 * values typed with more precision than the source prints).
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { modelRef } from '../../src/definitions/models';
import { columnPoints } from '../../src/compiler/ast';
import { rowsToFeeds } from '../../src/runtime/calculate';
import { readAll } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';
import { columnDecimals, tableRows, type Calculator, type NumberInput, type Table } from '../../src/schema';

const { entries } = loadCatalog();
const runner = nodeRunner();

interface Probe {
  unit: string;
  typed: number;
  expected: number;
}

/** At, below and above each edge of each column, inside the input's limits (checked by readAll). */
function probes(t: Table): Probe[] {
  const out: Probe[] = [];
  for (const [unit, rows] of Object.entries(tableRows(t))) {
    const step = 10 ** -columnDecimals(rows);
    const col = { unit: 0, edges: rows.slice(1).map((r) => ({ at: (r.from ?? r.above)!, incl: r.from !== undefined })), points: rows.map((r) => r.points) };
    for (const { at } of col.edges)
      for (const typed of [at - step, at - step / 100, at, at + step / 100, at + step].map((v) => Number(v.toPrecision(12))))
        out.push({ unit, typed, expected: columnPoints(col, typed) });
  }
  return out;
}

// Calculators whose only tables are over a computed value (`of`, e.g. pf-ratio's Berlin grade on the
// P/F ratio) have no input edge to probe here; their edges are worked examples in cases.yaml.
const tabled = entries.filter((e) => e.calc.tables.some((t) => !t.of));

describe('every table edge, in every declared unit, scores as the definition prints it', () => {
  test('some calculators declare tables', () => expect(tabled.length).toBeGreaterThan(0));

  test.each(tabled.map((e) => [e.id, e.calc, e.cases[0].inputs] as const))('%s', async (id, calc: Calculator, base) => {
    const ref = modelRef(id);
    let checked = 0;
    // A table over a computed value (`of`, e.g. the P/F ratio) has its edges on that value, not on the
    // input: its boundaries are worked examples in cases.yaml (e.g. SOFA at 40 kPa).
    for (const t of calc.tables.filter((x) => !x.of)) {
      const input = calc.inputs.find((i) => i.id === t.input) as NumberInput;
      const rows: Record<string, number>[] = [];
      const want: Probe[] = [];
      for (const p of probes(t)) {
        const { values, ok, fields } = readAll(calc, { ...base, [input.id]: `${p.typed} ${p.unit}` });
        // A probe outside the input's limits is refused before it reaches the model, as on the page.
        if (!ok) {
          expect(fields[input.id].status, `${id}.${t.id}: ${p.typed} ${p.unit}`).toBe('error');
          continue;
        }
        rows.push(values);
        want.push(p);
      }
      if (!rows.length) continue;
      const out = await runner.run(ref, rowsToFeeds(calc, rows));
      want.forEach((p, n) => expect(out[t.id][n], `${id}.${t.id} at ${p.typed} ${p.unit}`).toBe(p.expected));
      checked += want.length;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
