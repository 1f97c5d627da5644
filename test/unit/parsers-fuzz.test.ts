/**
 * The number and date parsers under hostile input (issue 15, findings 5 and 6): shapes that were
 * quadratic (100,000 digits then "x"), up to 1 MB, are refused by the length bound before any regular
 * expression runs; any string gives a finite value or a message, never a throw, NaN or Infinity; real
 * numbers round-trip; dates outside their plausible window are refused with a message.
 * The parser's cost against input length is shown by `npm run bench` (bench/parse.mjs), not timed here.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { formatDate, MAX_INPUT_LENGTH, parseDecimal, readDate, readValue, splitUnit, todayDays } from '../../src/runtime/values';
import type { DateInput, NumberInput } from '../../src/schema';

const weight: NumberInput = {
  id: 'weight',
  label: 'Weight',
  type: 'number',
  unit: 'kg',
  units: ['lb'],
  limits: [1, 400],
  typical: [30, 150],
} as unknown as NumberInput;
const lmp: DateInput = { id: 'lmp', label: 'First day of the last period', type: 'date' } as unknown as DateInput;

/** Hostile shapes of length n: each made one of the old regular expressions backtrack. */
const SHAPES: [string, (n: number) => string][] = [
  ['digits then x', (n) => `${'1'.repeat(n)}x`],
  ['digits, dot, digits, x', (n) => `${'1'.repeat(n >> 1)}.${'1'.repeat(n >> 1)}x`],
  ['number then spaces then x', (n) => `1${' '.repeat(n)}x`],
  ['commas', (n) => `${'1,'.repeat(n >> 1)}x`],
  ['exponent run', (n) => `1e${'1'.repeat(n)}e`],
  ['spaces', (n) => ' '.repeat(n)],
  ['date-like', (n) => `2026-${'0'.repeat(n)}`],
];

afterEach(() => vi.restoreAllMocks());

describe('length bound', () => {
  test.each(SHAPES)('%s, up to 1 MB: refused before any regular expression runs', (_, make) => {
    for (const n of [MAX_INPUT_LENGTH + 1, 10_000, 100_000, 200_000, 1_000_000]) {
      const text = make(n);
      const test = vi.spyOn(RegExp.prototype, 'test');
      const exec = vi.spyOn(RegExp.prototype, 'exec');
      const r = readValue(weight, text);
      const d = readDate(lmp, text);
      const calls = test.mock.calls.length + exec.mock.calls.length;
      vi.restoreAllMocks();
      expect(r).toEqual({ status: 'error', message: `Weight is too long to be a value (${text.length} characters; at most ${MAX_INPUT_LENGTH}).` });
      expect(d.status).toBe('error');
      expect(parseDecimal(text)).toBeUndefined();
      expect(splitUnit(text)).toEqual({ number: text });
      expect(calls, `${n} characters`).toBe(0);
    }
  });
});

describe('number parser', () => {
  test('any string: a finite value in limits, or a message; never a throw, NaN or Infinity', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[-+ ]?[\d.,e ]{0,70}(kg|lb|x| )?$/)), (s) => {
        const r = readValue(weight, s);
        if (r.status === 'ok') {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(1);
          expect(r.value).toBeLessThanOrEqual(400);
        } else expect(r.status === 'error' || r.status === 'empty' ? r.message.length : 0).toBeGreaterThan(0);
        const n = parseDecimal(s);
        if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  test('every finite double, as JavaScript prints it, parses back to itself', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseDecimal(String(x))).toBe(x === 0 ? 0 : x); // String(-0) is "0"
      }),
      { numRuns: 5_000 },
    );
  });

  test('the forms people type still parse', () => {
    expect([' 12 ', '0,8', '+3', '.5', '5.', '1e3', '-2.5E-1'].map(parseDecimal)).toEqual([12, 0.8, 3, 0.5, 5, 1000, -0.25]);
    expect(['150,000', '1..2', 'e5', '1e', '--1', ''].map(parseDecimal)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(splitUnit(' 70 kg ')).toEqual({ number: '70', unit: 'kg' });
    expect(splitUnit('154lb')).toEqual({ number: '154', unit: 'lb' });
    expect(splitUnit('70 stone')).toEqual({ number: '70 stone' });
  });
});

describe('date parser', () => {
  const today = todayDays();
  test('the dates that gave impossible due dates are refused with the window', () => {
    const lo = formatDate(today - 150 * 366);
    const hi = formatDate(today + 10 * 366);
    for (const t of ['0100-01-01', '1000-06-15', '9999-12-31'])
      expect(readDate(lmp, t)).toEqual({ status: 'error', message: `First day of the last period must be between ${lo} and ${hi}.` });
  });

  test('a declared window applies on the page (today given), with its reason', () => {
    const declared = { ...lmp, plausible: { past_days: 300, future_days: 0, reason: 'an LMP is at most 300 days ago' } } as DateInput;
    expect(readDate(declared, formatDate(today - 301), today)).toEqual({
      status: 'error',
      message: `First day of the last period must be between ${formatDate(today - 300)} and ${formatDate(today)} (an LMP is at most 300 days ago).`,
    });
    expect(readDate(declared, formatDate(today - 300), today)).toEqual({ status: 'ok', value: today - 300 });
    // cases.yaml and the CLI (no today given) keep their fixed dates: only the broad default applies.
    expect(readDate(declared, '2024-01-01').status).toBe('ok');
  });

  test('any string: a date in the window, or a message; never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[+-]?\d{1,6}-\d{1,3}-\d{1,3}$/)), (s) => {
        const r = readDate(lmp, s, today);
        if (r.status === 'ok') {
          expect(Number.isInteger(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(today - 150 * 366);
          expect(r.value).toBeLessThanOrEqual(today + 10 * 366);
          expect(formatDate(r.value)).toBe(s.trim());
        } else expect('message' in r && r.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 5_000 },
    );
  });

  test('every day in the window round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: today - 150 * 366, max: today + 10 * 366 }), (d) => {
        expect(readDate(lmp, formatDate(d), today)).toEqual({ status: 'ok', value: d });
      }),
      { numRuns: 5_000 },
    );
  });
});
