/**
 * Bad-input hardening, over every calculator in the catalogue.
 *
 * 1. At least 10,000 random in-limit input sets per calculator, run in batches through the committed
 *    ONNX model with onnxruntime-web: every output is finite, except where an optional input was
 *    left empty or the output's declared `valid` condition excludes the inputs (the page shows "—").
 *    Never ±Infinity.
 * 2. Whatever is typed — out of limits, empty, not a number, negative where impossible, 1e308, a
 *    value typical in another unit, any string, any double — readValue refuses it or flags it, and
 *    never lets NaN or Infinity through as a value to compute with.
 * The figures (input sets tried, failures) are printed for the record.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { modelRef } from '../../src/definitions/models';
import { checkOutputs } from '../../src/compiler/check';
import { evaluateAll } from '../../src/compiler/evaluate';
import { computeRows, readAll } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';
import { readValue } from '../../src/runtime/values';
import type { Input } from '../../src/schema';
import { convert, displayUnit } from '../../src/units/convert';

const SETS = 10_000;
const ROWS_PER_RUN = 2_000;
const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const DAY_MS = 86_400_000;

const { entries } = loadCatalog();
const runner = nodeRunner();
const figures: { id: string; sets: number; failures: number; excused: number; typed: number; typedFailures: number }[] = [];

const uniform = (lo: number, hi: number) => fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });

/** A value a user could give within the limits: anywhere, typical, or at an edge; empty if optional. */
function inLimit(input: Input): fc.Arbitrary<number> {
  switch (input.type) {
    case 'number': {
      const [lo, hi] = input.limits;
      const given = fc.oneof(
        { arbitrary: uniform(lo, hi), weight: 4 },
        { arbitrary: uniform(Math.max(lo, input.typical[0]), Math.min(hi, input.typical[1])), weight: 4 },
        { arbitrary: fc.constantFrom(lo, hi, ...input.typical.filter((t) => t >= lo && t <= hi)), weight: 1 },
      );
      return input.optional ? fc.oneof({ arbitrary: given, weight: 4 }, { arbitrary: fc.constant(NaN), weight: 1 }) : given;
    }
    case 'choice':
      return fc.constantFrom(...input.options.map((o) => o.value));
    case 'yesno':
      return fc.constantFrom(0, 1);
    case 'date':
      return fc.integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS });
  }
}

describe(`random in-limit inputs give finite outputs (${SETS} sets per calculator, seed ${SEED})`, () => {
  test('the catalogue is not empty', () => expect(entries.length).toBeGreaterThan(0));

  test.each(entries.map((e) => [e.id, e] as const))('%s', async (id, { calc }) => {
    const ref = modelRef(id);
    const { outputs } = checkOutputs(calc);
    const row = fc.record(Object.fromEntries(calc.inputs.map((i) => [i.id, inLimit(i)])) as Record<string, fc.Arbitrary<number>>);
    const rows = fc.sample(row, { numRuns: SETS, seed: SEED });
    const failures: string[] = [];
    let excused = 0;
    for (let start = 0; start < rows.length; start += ROWS_PER_RUN) {
      const batch = rows.slice(start, start + ROWS_PER_RUN);
      const results = await computeRows(runner, ref, calc, batch);
      results.forEach((outs, n) => {
        for (const o of outs) {
          if (Number.isFinite(o.value)) continue;
          const r = batch[n];
          // Excused only as NaN, and only where the definition itself says "not computable here".
          const emptyOptional = calc.inputs.some((i) => i.type === 'number' && i.optional && Number.isNaN(r[i.id]));
          const declared = Number.isNaN(evaluateAll(outputs, r)[o.id]);
          if (Number.isNaN(o.value) && (emptyOptional || declared)) excused++;
          else failures.push(`${o.id} = ${o.value} for ${JSON.stringify(r)}`);
        }
      });
    }
    const entry = figures.find((f) => f.id === id) ?? { id, sets: 0, failures: 0, excused: 0, typed: 0, typedFailures: 0 };
    Object.assign(entry, { sets: rows.length, failures: failures.length, excused });
    if (!figures.includes(entry)) figures.push(entry);
    expect(rows.length).toBeGreaterThanOrEqual(SETS);
    expect(failures.slice(0, 5), `${failures.length} non-finite outputs`).toEqual([]);
  });
});

/** Texts a person might type into a number field that must never be computed as they stand. */
function badTexts(input: Extract<Input, { type: 'number' }>): string[] {
  const [lo, hi] = input.limits;
  const span = Math.max(1, hi - lo);
  const texts = [
    'abc',
    '1e308',
    '-1e308',
    '1e309',
    'NaN',
    'Infinity',
    '-Infinity',
    '∞',
    '12..5',
    '1,2,3',
    '0x10',
    '--5',
    '5-',
    String(hi + span),
    String(lo - span),
  ];
  if (lo >= 0) texts.push('-5', '-0.5', String(-hi));
  if (!input.optional && input.default === undefined) texts.push('', '   ');
  return texts;
}

/** A value typical in another unit typed in this one (and the reverse), e.g. creatinine 88 "mg/dL". */
function wrongUnitTexts(input: Extract<Input, { type: 'number' }>): string[] {
  const out: string[] = [];
  const mid = (input.typical[0] + input.typical[1]) / 2;
  const typicalHere = (v: number) => v >= input.typical[0] && v <= input.typical[1];
  for (const u of input.units) {
    const inU = convert(mid, input.unit, u, input.analyte);
    if (!typicalHere(inU)) out.push(String(inU)); // typed without a unit, read in the canonical unit
    const back = convert(mid, u, input.unit, input.analyte);
    if (!typicalHere(back)) out.push(`${mid} ${displayUnit(u)}`);
  }
  return out;
}

describe('what is typed is refused or flagged, never NaN or Infinity', () => {
  test.each(entries.map((e) => [e.id, e] as const))('%s', (id, { calc }) => {
    const failures: string[] = [];
    let typed = 0;
    const check = (input: Input, raw: string | number, mustRefuse: boolean, mayWarn = false) => {
      typed++;
      const r = readValue(input, raw);
      if (r.status === 'ok' && !Number.isFinite(r.value)) failures.push(`${input.id} = ${JSON.stringify(raw)}: ok with value ${r.value}`);
      if (r.status === 'ok' && input.type === 'number' && (r.value < input.limits[0] || r.value > input.limits[1]))
        failures.push(`${input.id} = ${JSON.stringify(raw)}: accepted ${r.value} outside the limits`);
      const flagged = r.status === 'error' || r.status === 'empty' || (mayWarn && r.status === 'ok' && !!r.warning);
      if (mustRefuse && !flagged) failures.push(`${input.id} = ${JSON.stringify(raw)}: ${r.status}, expected a refusal${mayWarn ? ' or a warning' : ''}`);
      if ((r.status === 'error' || r.status === 'empty') && (!r.message || /NaN|Infinity|undefined/.test(r.message.replace(/“[^”]*”/g, ''))))
        failures.push(`${input.id} = ${JSON.stringify(raw)}: message "${r.message}"`);
    };
    for (const input of calc.inputs) {
      if (input.type === 'number') {
        for (const t of badTexts(input)) check(input, t, true);
        for (const t of wrongUnitTexts(input)) check(input, t, true, true);
        // Any string and any double: if accepted, a finite value within the limits (checked in `check`).
        for (const s of fc.sample(fc.oneof(fc.string(), fc.stringMatching(/^-?\d{0,4}[.,]?\d{0,4}(e-?\d{1,3})?\s?[a-zµ/%]{0,6}$/)), {
          numRuns: 100,
          seed: SEED,
        }))
          check(input, s, false);
        for (const d of fc.sample(fc.double(), { numRuns: 100, seed: SEED })) check(input, d, !(d >= input.limits[0] && d <= input.limits[1]));
      } else if (input.type === 'date') {
        for (const t of ['abc', '2025-02-30', '2025-13-01', '31/01/2025', '1e308', 'NaN']) check(input, t, true);
        for (const s of fc.sample(fc.string(), { numRuns: 100, seed: SEED })) check(input, s, false);
      } else {
        for (const t of ['abc', 'maybe', '1e308', 'NaN', '-5', '2.5']) {
          const known = input.type === 'choice' ? input.options.some((o) => String(o.value) === t || o.label.toLowerCase() === t) : false;
          if (!known) check(input, t, true);
        }
        for (const s of fc.sample(fc.string(), { numRuns: 100, seed: SEED })) check(input, s, false);
      }
    }
    // A whole form read at once: nothing non-finite reaches the model.
    const { values, ok } = readAll(calc, Object.fromEntries(calc.inputs.map((i) => [i.id, 'abc'])));
    if (ok) failures.push('a form of "abc" everywhere was accepted');
    for (const [k, v] of Object.entries(values)) if (!Number.isFinite(v)) failures.push(`readAll passed ${k} = ${v}`);
    const entry = figures.find((f) => f.id === id) ?? { id, sets: 0, failures: 0, excused: 0, typed: 0, typedFailures: 0 };
    Object.assign(entry, { typed, typedFailures: failures.length });
    if (!figures.includes(entry)) figures.push(entry);
    expect(failures.slice(0, 10), `${failures.length} of ${typed} typed values got through`).toEqual([]);
  });
});

afterAll(() => {
  const sum = (k: 'sets' | 'failures' | 'excused' | 'typed' | 'typedFailures') => figures.reduce((a, f) => a + f[k], 0);
  const lines = figures
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(
      (f) =>
        `  ${f.id.padEnd(24)} ${String(f.sets).padStart(6)} sets, ${f.failures} failures, ${f.excused} declared "—"; ${f.typed} typed, ${f.typedFailures} got through`,
    );
  console.log(
    [
      `hardening (seed ${SEED}): ${figures.length} calculators`,
      ...lines,
      `  total: ${sum('sets')} in-limit input sets, ${sum('failures')} non-finite outputs (${sum('excused')} outputs "—" by declaration or empty optional input); ${sum('typed')} bad or random typed values, ${sum('typedFailures')} got through`,
    ].join('\n'),
  );
});
