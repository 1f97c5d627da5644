/**
 * HbA1c is carried in the catalogue's HbA1c percent (%DCCT, NGSP), not a generic percentage, so an
 * input that asks for it in mmol/mol (IFCC) gets the value converted by the IFCC–NGSP master
 * equation (NGSP % = 0.0915 × IFCC + 2.15, src/units/catalogue.ts), typed or pasted.
 */
import { describe, expect, test } from 'vitest';
import { entriesFromPaste, entryOf, prefillOf } from '../../src/context/prefill';
import { parseReport } from '../../src/paste/parse';
import { readNumberText } from '../../src/runtime/values';
import { concept } from '../../src/units/concepts';
import { loadCatalog } from '../../src/definitions/load';
import type { NumberInput } from '../../src/schema';

const input = (unit: string, units: string[] = []): NumberInput =>
  ({
    id: 'a1c',
    label: 'HbA1c',
    type: 'number',
    concept: 'hba1c',
    unit,
    units,
    limits: unit === 'mmol/mol' ? [9, 195] : [3, 20],
    typical: [4, 14],
    decimals: 1,
    optional: false,
  }) as NumberInput;
const ctxOf = (e: NonNullable<ReturnType<typeof entryOf>>) => ({ v: 1 as const, started: 0, entries: { [e.concept]: e.entry } });
const from = { id: 'x', title: 'X' };

describe('HbA1c between % (NGSP) and mmol/mol (IFCC)', () => {
  test('the concept is kept in %DCCT', () => expect(concept('hba1c')?.unit).toBe('%DCCT'));

  test('7.2 % typed in one calculator is 55.2 mmol/mol in one that asks in mmol/mol', () => {
    const pct = input('%DCCT');
    const e = entryOf(pct, '7.2', '%DCCT', readNumberText(pct, '7.2', '%DCCT'), from, 0)!;
    // (7.2 − 2.15) / 0.0915 = 55.191 mmol/mol
    expect(prefillOf(input('mmol/mol'), ctxOf(e))).toMatchObject({ text: '55.1913', unit: 'mmol/mol', converted: true });
  });

  test('53 mmol/mol typed is 6.9995 % where % is asked', () => {
    const ifcc = input('mmol/mol');
    const e = entryOf(ifcc, '53', 'mmol/mol', readNumberText(ifcc, '53', 'mmol/mol'), from, 0)!;
    // 0.0915 × 53 + 2.15 = 4.8495 + 2.15 = 6.9995 %
    expect(e.entry.value).toBeCloseTo(6.9995, 10);
    expect(prefillOf(input('%DCCT'), ctxOf(e))).toMatchObject({ text: '6.9995', unit: '%DCCT' });
    // A field that offers mmol/mol too gets the number as typed.
    expect(prefillOf(input('%DCCT', ['mmol/mol']), ctxOf(e))).toMatchObject({ text: '53', unit: 'mmol/mol', converted: false });
  });

  test('a pasted "HbA1c 7.2 %" reaches a mmol/mol field converted', () => {
    const r = parseReport('HbA1c 7.2 %');
    expect(r.readings.map((x) => [x.test, x.value, x.unit])).toEqual([['hba1c', 7.2, '%DCCT']]);
    const entries = entriesFromPaste(r.readings, 0);
    expect(prefillOf(input('mmol/mol'), { v: 1, started: 0, entries })).toMatchObject({ text: '55.1913', unit: 'mmol/mol' });
  });

  test('the HbA1c ↔ eAG calculator declares the concept, and its definition passes the concept lint', () => {
    const { entries, problems } = loadCatalog(undefined, ['hba1c-eag']);
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(entries[0].calc.inputs.find((i) => i.id === 'hba1c')?.concept).toBe('hba1c');
  });
});
