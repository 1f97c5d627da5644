/**
 * The patient context (src/context/): kept in sessionStorage for one sitting, read back through
 * zod, matched by concept only, pre-filling a field in the unit it was entered in or converted.
 * (The real sessionStorage, the page and the privacy rules are tested in e2e/patient.spec.ts.)
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { CONTEXT_KEY, CONTEXT_TTL_MS, ago, clearContext, expiresAt, putEntries, readContext, removeEntry, type ContextEntry } from '../../src/context/patient';
import { entriesFromPaste, entryOf, prefillFor } from '../../src/context/prefill';
import { parseReport } from '../../src/paste/parse';
import { readNumber, readValue } from '../../src/runtime/values';
import type { NumberInput } from '../../src/schema';
import { memoryStorage } from '../helpers';

const T0 = Date.UTC(2026, 11, 3, 9, 0);
const from = { id: 'ckd-epi-2021', title: 'CKD-EPI 2021' };
const scr = (value: number, text: string, unit: string, at = T0): ContextEntry => ({ value, text, unit, from, source: 'typed', at });

const { entries } = loadCatalog(undefined, ['ckd-epi-2021', 'cockcroft-gault', 'meld-3', 'ranson', 'bmi']);
const calc = (id: string) => entries.find((e) => e.id === id)!.calc;

describe('the context in storage', () => {
  test('a value is kept, read back, and the sitting ends four hours after its first value', () => {
    const s = memoryStorage();
    putEntries(s, { creatinine: scr(1.2, '1.2', 'mg/dL') }, T0);
    putEntries(s, { age: { value: 60, text: '60', unit: 'years', from, source: 'typed', at: T0 + 3 * 3600_000 } }, T0 + 3 * 3600_000);
    const ctx = readContext(s, T0 + 3.9 * 3600_000)!;
    expect(Object.keys(ctx.entries).sort()).toEqual(['age', 'creatinine']);
    expect(expiresAt(ctx)).toBe(T0 + CONTEXT_TTL_MS);
    expect(readContext(s, T0 + CONTEXT_TTL_MS)).toBeUndefined();
    expect(s.data.has(CONTEXT_KEY)).toBe(false); // dropped, not left behind
  });

  test('anything stored that is not a context of ours is dropped, never trusted', () => {
    const bad = [
      'not json',
      'null',
      '5',
      '{}',
      JSON.stringify({ v: 2, started: T0, entries: {} }),
      JSON.stringify({ v: 1, started: T0, entries: { creatinine: { value: 'x' } } }),
      JSON.stringify({ v: 1, started: T0, entries: { creatinine: { ...scr(1, '1', 'mg/dL'), extra: '<img src=x>' } } }),
      JSON.stringify({ v: 1, started: T0 + 86_400_000, entries: {} }), // from the future
      JSON.stringify({ v: 1, started: T0, entries: { creatinine: { ...scr(1, '1', 'mg/dL'), text: 'x'.repeat(65) } } }),
    ];
    for (const raw of bad) {
      const s = memoryStorage();
      s.setItem(CONTEXT_KEY, raw);
      expect(readContext(s, T0), raw).toBeUndefined();
      expect(s.data.has(CONTEXT_KEY), raw).toBe(false);
    }
  });

  test('entries for unknown concepts or of the wrong kind are left out; a bad entry is not written', () => {
    const s = memoryStorage();
    s.setItem(
      CONTEXT_KEY,
      JSON.stringify({ v: 1, started: T0, entries: { potion: scr(1, '1', 'mg/dL'), sex: scr(1, '1', 'mg/dL'), creatinine: scr(1, '1', 'mg/dL') } }),
    );
    expect(Object.keys(readContext(s, T0)!.entries)).toEqual(['creatinine']);
    const before = s.getItem(CONTEXT_KEY);
    putEntries(s, { creatinine: { ...scr(1, '1', 'mg/dL'), value: Number.NaN } }, T0);
    expect(s.getItem(CONTEXT_KEY)).toBe(before);
  });

  test('New patient clears everything; removing the last value ends the sitting', () => {
    const s = memoryStorage();
    putEntries(s, { creatinine: scr(1.2, '1.2', 'mg/dL') }, T0);
    expect(removeEntry(s, 'creatinine', T0)).toBeUndefined();
    expect(s.data.size).toBe(0);
    putEntries(s, { creatinine: scr(1.2, '1.2', 'mg/dL') }, T0);
    clearContext(s);
    expect(readContext(s, T0)).toBeUndefined();
  });

  test('storage that refuses to work leaves the calculator working', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(readContext(broken, T0)).toBeUndefined();
    expect(putEntries(broken, { creatinine: scr(1.2, '1.2', 'mg/dL') }, T0)).toBeUndefined();
    expect(() => clearContext(broken)).not.toThrow();
  });

  test('how long ago', () => {
    expect(ago(T0, T0 + 20_000)).toBe('just now');
    expect(ago(T0, T0 + 3 * 60_000)).toBe('3 min ago');
    expect(ago(T0, T0 + 80 * 60_000)).toBe('1 h 20 min ago');
  });
});

describe('pre-filling by concept', () => {
  const ctxWith = (e: Record<string, ContextEntry>) => ({ v: 1 as const, started: T0, entries: e });

  test('a creatinine typed in µmol/L pre-fills another calculator in µmol/L when it offers it, converted otherwise', () => {
    const ctx = ctxWith({ creatinine: scr(106 / 88.4, '106', 'umol/L') });
    const ckd = prefillFor(calc('ckd-epi-2021'), ctx).scr;
    expect(ckd).toMatchObject({ text: '106', unit: 'umol/L', converted: false });
    const meld = calc('meld-3');
    const m = prefillFor(meld, ctx).creatinine;
    const offered = meld.inputs.find((i) => i.id === 'creatinine') as NumberInput;
    if ([offered.unit, ...offered.units].includes('umol/L')) expect(m).toMatchObject({ text: '106', unit: 'umol/L' });
    else expect(m).toMatchObject({ unit: offered.unit, converted: true });
  });

  test('sex is carried as the option labelled the same; weight is not height; nothing fills an input without a concept', () => {
    const ctx = ctxWith({
      sex: { sex: 'female', text: '1', from, source: 'typed', at: T0 },
      weight: { value: 70, text: '70', unit: 'kg', from, source: 'typed', at: T0 },
    });
    const cg = calc('cockcroft-gault');
    const p = prefillFor(cg, ctx);
    const sex = cg.inputs.find((i) => i.id === 'sex')!;
    expect(sex.type === 'choice' && sex.options.find((o) => String(o.value) === p.sex.text)!.label).toBe('Female');
    expect(p.weight).toMatchObject({ text: '70', unit: 'kg' });
    expect(p.height).toBeUndefined();
    // Ranson's glucose is a timed value (concept: none): a glucose in the context does not fill it.
    expect(prefillFor(calc('ranson'), ctxWith({ glucose: { value: 150, text: '150', unit: 'mg/dL', from, source: 'typed', at: T0 } })).glucose).toBeUndefined();
  });

  test('a value outside this calculator’s limits is not pre-filled', () => {
    const ctx = ctxWith({ age: { value: 12, text: '12', unit: 'years', from, source: 'typed', at: T0 } });
    const ckd = calc('ckd-epi-2021');
    const age = ckd.inputs.find((i) => i.id === 'age') as NumberInput;
    const ok = readNumber(age, '12', 'years').status === 'ok';
    expect(Boolean(prefillFor(ckd, ctx).age)).toBe(ok);
  });

  test('a typed value becomes an entry in the concept’s unit, keeping what was typed', () => {
    const ckd = calc('ckd-epi-2021');
    const input = ckd.inputs.find((i) => i.id === 'scr')!;
    const e = entryOf(input, ' 106 ', 'umol/L', readNumber(input as NumberInput, '106', 'umol/L'), from, T0)!;
    expect(e.concept).toBe('creatinine');
    expect(e.entry.value).toBeCloseTo(106 / 88.4, 10);
    expect(e.entry).toMatchObject({ text: '106', unit: 'umol/L', source: 'typed' });
    const sex = ckd.inputs.find((i) => i.id === 'sex')!;
    const female = sex.type === 'choice' ? sex.options.find((o) => o.label === 'Female')!.value : -1;
    expect(entryOf(sex, String(female), undefined, readValue(sex, String(female)), from, T0)!.entry.sex).toBe('female');
    // An unaccepted value is not carried.
    expect(entryOf(input, '99999', 'mg/dL', readNumber(input as NumberInput, '99999', 'mg/dL'), from, T0)).toBeUndefined();
  });

  test('a paste fills the context with the line each value came from; BUN is urea', () => {
    const r = parseReport('Creatinine 1.2 mg/dL (H)\nBUN 28 mg/dL\nNa 134 mmol/L');
    const e = entriesFromPaste(r.readings, T0);
    expect(e.creatinine).toMatchObject({ value: 1.2, unit: 'mg/dL', source: 'paste', line: 'Creatinine 1.2 mg/dL (H)' });
    expect(e.urea.value).toBeCloseTo(28 / 2.8, 10);
    expect(e.sodium).toMatchObject({ value: 134, unit: 'mmol/L' });
  });
});
