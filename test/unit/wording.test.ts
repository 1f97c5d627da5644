/**
 * Issue 16, item 4: results and interpretation tables say what the source says — the target drug of a
 * dose conversion, the age points in PSI's "scored" list, and band ranges as printed, not internal
 * cut-offs ("< 7.6") — for every calculator.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { modelRef } from '../../src/definitions/models';
import { bandRange } from '../../src/format/band-range';
import { computeRows, readAll, rowsToFeeds, scoredTables, scoredTerms } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';
import type { Band } from '../../src/schema';
import { defineCalc, numberInput } from '../helpers';

const { entries } = loadCatalog();
const byId = new Map(entries.map((e) => [e.id, e]));

describe('band ranges as the source prints them', () => {
  const band = (b: Partial<Band>): Band => ({ label: 'x', tone: 'info', next: [], ...b });
  const dose = { decimals: 1, format: 'number' as const, unit: 'mg' };
  const score = { decimals: 0, format: 'number' as const, unit: undefined };
  it.each([
    [band({ max: 7.6 }), dose, '≤ 7.5 mg'],
    [band({ min: 7.6, max: 30.1 }), dose, '> 7.5 to ≤ 30 mg'],
    [band({ min: 250 }), dose, '≥ 250 mg'],
    [band({ max: 5 }), { ...dose, unit: '%' }, '< 5 %'],
    [band({ min: 5, max: 7.5 }), { ...dose, unit: '%' }, '5 to < 7.5 %'],
    [band({ min: 10.6, max: 12 }), { ...dose, unit: 'mg/dL' }, '> 10.5 to < 12 mg/dL'],
    [band({ min: 8.5, max: 10.6 }), { ...dose, unit: 'mg/dL' }, '8.5–10.5 mg/dL'],
    [band({ min: 391, max: 450 }), { decimals: 0, format: 'number' as const, unit: 'ms' }, '> 390 to < 450 ms'],
    [band({ max: 15 }), { decimals: 0, format: 'number' as const, unit: 'mL/min' }, '< 15 mL/min'],
    [band({ max: 2 }), score, '≤ 1'],
    [band({ min: 2, max: 3 }), score, '2'],
    [band({ min: 4, max: 6 }), score, '4–5'],
    [band({ min: 6 }), score, '≥ 6'],
    [band({ min: -2, max: 0 }), score, '−2 to −1'],
    [band({ min: 1, max: 2.01 }), { decimals: 2, format: 'number' as const, unit: undefined }, '1–2'],
  ])('%o at %o reads %s', (b, o, text) => expect(bandRange(b, o)).toBe(text));

  it('an author range wins; a label that states its range, and a categorical band, get none', () => {
    expect(bandRange(band({ max: 2, range: '< 2 points' }), score)).toBe('< 2 points');
    expect(bandRange(band({ max: 5, label: '0–4 — appendicitis unlikely' }), score)).toBeUndefined();
    expect(bandRange(band({ max: 15, label: 'Below 15' }), score)).toBeUndefined();
    expect(bandRange(band({ value: 1, label: 'Class I' }), score)).toBeUndefined();
  });

  it('no calculator prints an internal cut-off one display step past a published one', () => {
    const wrong: string[] = [];
    for (const { id, calc } of entries)
      for (const it of calc.interpretation) {
        const o = calc.outputs.find((x) => x.id === it.output)!;
        for (const b of it.bands) {
          const r = bandRange(b, o);
          // e.g. "< 7.6", "≥ 30.1", "< 391": an edge ending in 1 at its last decimal, printed as is.
          if (r && /[<≥] (\d+\.\d*1|\d*[1-9]1)\b/.test(r)) wrong.push(`${id}.${o.id}: ${r} — ${b.label}`);
          if (r?.includes('NaN') || r?.includes('undefined')) wrong.push(`${id}.${o.id}: ${r}`);
        }
      }
    expect(wrong).toEqual([]);
  });
});

describe('the result names what it is', () => {
  const steroid = byId.get('steroid-conversion')!;
  it('the equivalent dose names the target drug; the table and formula keep the generic label', async () => {
    const { values } = readAll(steroid.calc, { drug_from: 'Prednisone', dose: 50, drug_to: 'Dexamethasone' });
    const [r] = await computeRows(nodeRunner(), modelRef('steroid-conversion'), steroid.calc, [values]);
    const target = r.find((x) => x.id === 'target_dose')!;
    expect(target.label).toBe('Equivalent dose of Dexamethasone');
    expect(target.display).toBe('7.50'); // 50 mg prednisone × 0.75 / 5
    expect(steroid.calc.outputs[0].label).toBe('Equivalent dose of the new corticosteroid');
  });

  it('PSI lists the age points among what scored, from the model', async () => {
    const psi = byId.get('psi')!;
    const raw = { ...psi.cases[0].inputs, age: 72, sex: 'Female' };
    const { values, ok } = readAll(psi.calc, raw);
    expect(ok).toBe(true);
    const out = await nodeRunner().run(modelRef('psi'), rowsToFeeds(psi.calc, [values]));
    expect(scoredTerms(psi.calc, out)).toEqual(['Age (women: age − 10) (+62)']);
    expect(scoredTables(psi.calc, out).join()).not.toContain('Age');
  });

  it('a definition naming an unknown choice or where-name is refused with the fix', () => {
    const bad = () =>
      defineCalc({
        inputs: [numberInput('x')],
        outputs: [{ id: 'y', label: 'Y', chosen_label: 'Y of {drug}', where: { a: 'x' }, scored: { b: 'B' }, formula: 'a' }],
      });
    expect(bad).toThrow(/\{drug\} is not a choice input/);
    expect(bad).toThrow(/b\W{0,2} is not a where-name of output y\. Expected one of: a/);
  });
});
