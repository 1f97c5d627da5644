/** Reading what a person typed: numbers with units, limits and typical ranges, choices, yes/no, dates. */
import { describe, expect, test } from 'vitest';
import { formatOutput } from '../../src/runtime/calculate';
import {
  fieldValues,
  fmt,
  formatDate,
  offeredUnitIn,
  parseDecimal,
  readChoice,
  readDate,
  readNumber,
  readNumberText,
  readValue,
  readYesNo,
  todayDays,
} from '../../src/runtime/values';
import { ChoiceInputSchema, DateInputSchema, NumberInputSchema, YesNoInputSchema, type NumberInput } from '../../src/schema';

const scr = NumberInputSchema.parse({
  id: 'scr',
  label: 'Serum creatinine',
  type: 'number',
  unit: 'mg/dL',
  units: ['umol/L'],
  analyte: 'creatinine',
  limits: [0.1, 20],
  limits_reason: 'outside this range the value is almost certainly a typing or unit error',
  typical: [0.4, 4],
  decimals: 2,
});
const UMOL_PER_MGDL = 88.4; // the conventional factor (src/units/catalogue.ts)
const sex = ChoiceInputSchema.parse({
  id: 'sex',
  label: 'Sex',
  type: 'choice',
  options: [
    { value: 0, label: 'Male' },
    { value: 1, label: 'Female' },
  ],
});
const chf = YesNoInputSchema.parse({ id: 'chf', label: 'Heart failure', type: 'yesno' });
const lmp = DateInputSchema.parse({ id: 'lmp', label: 'Last menstrual period', type: 'date' });

describe('readNumber', () => {
  test('empty: asks for the value, or takes the default, or skips an optional input', () => {
    expect(readNumber(scr, '  ')).toEqual({ status: 'empty', message: 'Enter serum creatinine.' });
    expect(readNumber({ ...scr, default: 1 }, '')).toEqual({ status: 'ok', value: 1 });
    const skipped = readNumber({ ...scr, optional: true } as NumberInput, '');
    expect(skipped.status).toBe('skipped');
    expect(Number.isNaN((skipped as { value: number }).value)).toBe(true);
  });

  test.each(['abc', '1..2', 'Infinity', '-Infinity', 'NaN', '1e309', '--1', '1,2,3', '0x10', '1 2', '.', '-'])('"%s" is not a number', (text) => {
    expect(readNumber(scr, text)).toEqual({ status: 'error', message: `“${text}” is not a number. Enter serum creatinine as a number, e.g. 0.4.` });
  });

  test('the example in the not-a-number message is in the unit being typed', () => {
    expect(readNumber(scr, 'x', 'umol/L')).toEqual({ status: 'error', message: '“x” is not a number. Enter serum creatinine as a number, e.g. 35.36.' });
  });

  test('1e308 is a number, but far outside the limits', () => {
    expect(readNumber(scr, '1e308')).toEqual({
      status: 'error',
      message: 'Serum creatinine must be between 0.1 and 20 mg/dL (outside this range the value is almost certainly a typing or unit error).',
    });
  });

  test.each([
    ['0.8', 0.8],
    ['0,8', 0.8],
    [' 0.8 ', 0.8],
    ['+0.8', 0.8],
    ['.8', 0.8],
    ['8e-1', 0.8],
    ['1.', 1],
    ['20', 20],
    ['0.1', 0.1],
  ])('"%s" reads as %s (limits inclusive)', (text, value) => {
    expect(readNumber(scr, text)).toMatchObject({ status: 'ok', value });
  });

  test('limits are inclusive and named in the unit being typed', () => {
    expect(readNumber(scr, '20.01')).toEqual({
      status: 'error',
      message: 'Serum creatinine must be between 0.1 and 20 mg/dL (outside this range the value is almost certainly a typing or unit error).',
    });
    expect(readNumber(scr, '2000', 'umol/L')).toEqual({
      status: 'error',
      message: 'Serum creatinine must be between 8.84 and 1768 µmol/L (outside this range the value is almost certainly a typing or unit error).',
    });
    const noReason = NumberInputSchema.parse({ id: 'age', label: 'Age', type: 'number', unit: 'years', limits: [18, 120], typical: [18, 100] });
    expect(readNumber(noReason, '17')).toEqual({ status: 'error', message: 'Age must be between 18 and 120 years.' });
  });

  test('creatinine 80 typed as mg/dL: refused, with "Did you mean µmol/L?"', () => {
    expect(readNumber(scr, '80')).toEqual({
      status: 'error',
      message:
        'Serum creatinine must be between 0.1 and 20 mg/dL (outside this range the value is almost certainly a typing or unit error). Did you mean µmol/L?',
      suggestUnit: 'umol/L',
    });
    expect(readNumber(scr, '0.9', 'umol/L')).toEqual({
      status: 'error',
      message:
        'Serum creatinine must be between 8.84 and 1768 µmol/L (outside this range the value is almost certainly a typing or unit error). Did you mean mg/dL?',
      suggestUnit: 'mg/dL',
    });
  });

  test('inside the limits but not typical: computed, with a warning (and the likelier unit when there is one)', () => {
    const wide = { ...scr, limits: [0.1, 200] as [number, number] };
    expect(readNumber(wide, '80')).toEqual({
      status: 'ok',
      value: 80,
      warning: 'Unusual value (typical 0.4–4 mg/dL) — check the unit. Did you mean µmol/L?',
      suggestUnit: 'umol/L',
    });
    expect(readNumber(scr, '5')).toEqual({ status: 'ok', value: 5, warning: 'Unusual value (typical 0.4–4 mg/dL) — check the unit.' });
    expect(readNumber(scr, '20', 'umol/L')).toMatchObject({ status: 'ok', warning: 'Unusual value (typical 35.36–353.6 µmol/L) — check the unit.' });
  });

  test('converts to the canonical unit', () => {
    const r = readNumber(scr, '70.7', 'umol/L');
    expect(r.status).toBe('ok');
    expect((r as { value: number }).value).toBeCloseTo(70.7 / UMOL_PER_MGDL, 12);
  });

  test('keeps what was typed: the unit index and the number in that unit, for per-unit tables', () => {
    expect(readNumber(scr, '176.8', 'umol/L')).toEqual({ status: 'ok', value: 2, unitIndex: 1, typed: 176.8 });
    expect(readNumber(scr, '2', 'mg/dL')).toEqual({ status: 'ok', value: 2 });
    expect(fieldValues('scr', readNumber(scr, '176.8', 'umol/L'))).toEqual({ scr: 2, 'scr.unit': 1, 'scr.typed': 176.8 });
    expect(fieldValues('scr', readNumber(scr, '2'))).toEqual({ scr: 2 });
    expect(fieldValues('scr', readNumber(scr, 'abc'))).toEqual({});
  });

  test('a unit the input does not accept', () => {
    expect(readNumber(scr, '5', 'mmol/L')).toEqual({ status: 'error', message: 'mmol/L is not a unit for serum creatinine. Use mg/dL or µmol/L.' });
  });
});

describe('readValue: loose values from the CLI, share links and cases', () => {
  test.each([
    ['0.8mg/dL', 0.8],
    ['0.8 mg/dL', 0.8],
    ['0.8 mg/dl', 0.8],
    ['0,8 mg/dL', 0.8],
    ['0.8', 0.8],
    [0.8, 0.8],
    ['70 umol/L', 70 / UMOL_PER_MGDL],
    ['70umol/L', 70 / UMOL_PER_MGDL],
    ['70 µmol/L', 70 / UMOL_PER_MGDL],
  ])('%s', (raw, value) => {
    const r = readValue(scr, raw);
    expect(r.status).toBe('ok');
    expect((r as { value: number }).value).toBeCloseTo(value, 12);
  });

  test('a known unit the input does not take, and an unknown unit', () => {
    expect(readValue(scr, '0.8 mmol/L')).toEqual({ status: 'error', message: 'mmol/L is not a unit for serum creatinine. Use mg/dL or µmol/L.' });
    const r = readValue(scr, '0.8 furlongs');
    expect(r.status).toBe('error');
    expect((r as { message: string }).message).toMatch(/^“furlongs” is not a unit for serum creatinine\. Use mg\/dL or (umol|µmol)\/L\.$/);
  });

  test('a field shown in µmol/L reads "1.2 mg/dL" as 1.2 mg/dL; an exponent being typed is not a unit (issue 16, item 8)', () => {
    expect(readNumberText(scr, '1.2 mg/dL', 'umol/L')).toEqual({ status: 'ok', value: 1.2 });
    expect(readNumberText(scr, '106 µmol/L', 'mg/dL')).toMatchObject({ status: 'ok', unitIndex: 1, typed: 106 });
    expect(readNumberText(scr, '1.2', 'umol/L')).toMatchObject({ status: 'error', suggestUnit: 'mg/dL' });
    expect(readNumberText(scr, '5e', 'mg/dL')).toMatchObject({ status: 'error', message: expect.stringMatching(/is not a number/) });
    expect(offeredUnitIn(scr, ' 1,2mg/dl ')).toEqual({ number: '1,2', unit: 'mg/dL' });
    expect(offeredUnitIn(scr, '1.2 mmol/L')).toBeUndefined();
    expect(offeredUnitIn(scr, '1.2')).toBeUndefined();
  });

  test('a wrong unit suffix still gets the unit hint', () => {
    expect(readValue(scr, '80 mg/dL')).toMatchObject({ status: 'error', suggestUnit: 'umol/L' });
  });

  test('missing values', () => {
    expect(readValue(scr, undefined)).toEqual({ status: 'empty', message: 'Enter serum creatinine.' });
    expect(readValue(sex, undefined)).toEqual({ status: 'empty', message: 'Choose sex.' });
    expect(readValue(chf, undefined)).toEqual({ status: 'ok', value: 0 }); // criteria default to no
    expect(readValue(YesNoInputSchema.parse({ ...chf, default: true }), undefined)).toEqual({ status: 'ok', value: 1 });
    expect(readValue(lmp, undefined)).toEqual({ status: 'empty', message: 'Enter last menstrual period.' });
    expect(readValue(DateInputSchema.parse({ ...lmp, default: 'today' }), undefined)).toEqual({ status: 'ok', value: todayDays() });
  });
});

describe('readChoice', () => {
  test.each([
    ['female', 1],
    ['FEMALE ', 1],
    ['Male', 0],
    ['1', 1],
    [0, 0],
  ] as const)('%s', (raw, value) => {
    expect(readChoice(sex, raw)).toEqual({ status: 'ok', value });
  });

  test('not an option, or nothing chosen', () => {
    expect(readChoice(sex, 'femal')).toEqual({ status: 'error', message: '“femal” is not an option for sex. Choose one of: Male, Female.' });
    expect(readChoice(sex, 2)).toEqual({ status: 'error', message: '“2” is not an option for sex. Choose one of: Male, Female.' });
    expect(readChoice(sex, '')).toEqual({ status: 'empty', message: 'Choose sex.' });
    expect(readChoice({ ...sex, default: 0 }, undefined)).toEqual({ status: 'ok', value: 0 });
  });
});

describe('readYesNo', () => {
  test.each(['yes', 'Y', 'TRUE', '1', 'present', ' yes '])('"%s" is yes', (raw) => expect(readYesNo(raw, 'Heart failure')).toEqual({ status: 'ok', value: 1 }));
  test.each(['no', 'N', 'false', '0', 'Absent'])('"%s" is no', (raw) => expect(readYesNo(raw, 'Heart failure')).toEqual({ status: 'ok', value: 0 }));

  test('booleans and numbers from YAML', () => {
    expect(readValue(chf, true)).toEqual({ status: 'ok', value: 1 });
    expect(readValue(chf, false)).toEqual({ status: 'ok', value: 0 });
    expect(readValue(chf, 1)).toEqual({ status: 'ok', value: 1 });
  });

  test('anything else is refused', () => {
    expect(readYesNo('maybe', 'Heart failure')).toEqual({ status: 'error', message: '“maybe” is not yes or no for heart failure.' });
    expect(readValue(chf, 2)).toEqual({ status: 'error', message: '“2” is not yes or no for heart failure.' });
    expect(readYesNo('', 'Heart failure')).toEqual({ status: 'empty', message: 'Answer heart failure.' });
  });
});

describe('dates', () => {
  test.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2024-02-29', 19782],
    ['2026-01-31', 20484],
    [' 2026-01-31 ', 20484],
  ])('%s is day %s', (text, days) => {
    expect(readDate(lmp, text)).toEqual({ status: 'ok', value: days });
    expect(formatDate(days)).toBe(text.trim());
  });

  test.each(['2023-02-29', '2024-13-01', '2024-2-3', '29/02/2024', 'yesterday'])('%s is not a date', (text) => {
    expect(readDate(lmp, text)).toEqual({ status: 'error', message: `“${text}” is not a date. Use YYYY-MM-DD, e.g. 2026-01-31.` });
  });

  test('empty', () => {
    expect(readDate(lmp, '')).toEqual({ status: 'empty', message: 'Enter last menstrual period.' });
  });

  test("today is the local calendar date, not UTC's", () => {
    expect(todayDays(new Date(2026, 0, 31, 0, 1))).toBe(20484);
    expect(todayDays(new Date(2026, 0, 31, 23, 59))).toBe(20484);
  });
});

describe('what is shown', () => {
  test('numbers rounded half away from zero to the declared decimals', () => {
    const n = (decimals: number, v: number) => formatOutput({ decimals, format: 'number' }, v);
    expect(n(0, 89.5)).toBe('90');
    expect(n(0, 89.49)).toBe('89');
    expect(n(2, 2.675)).toBe('2.68');
    expect(n(1, -1.25)).toBe('-1.3');
    expect(n(1, 22.857)).toBe('22.9');
    expect(n(1, 30)).toBe('30.0');
  });

  test('dates and durations', () => {
    expect(formatOutput({ decimals: 0, format: 'date' }, 20484)).toBe('2026-01-31');
    expect(formatOutput({ decimals: 0, format: 'weeks-days' }, 275)).toBe('39 weeks 2 days');
    expect(formatOutput({ decimals: 0, format: 'weeks-days' }, 274.6)).toBe('39 weeks 2 days');
    expect(formatOutput({ decimals: 0, format: 'weeks-days' }, 71)).toBe('10 weeks 1 day');
  });

  test('one week is "1 week"', () => {
    expect(formatOutput({ decimals: 0, format: 'weeks-days' }, 8)).toBe('1 week 1 day');
  });

  test('fmt: at most 4 significant digits, no float noise', () => {
    expect(fmt(0.1 * 88.402)).toBe('8.84');
    expect(fmt(1768.0400000000002)).toBe('1768');
    expect(fmt(0.30000000000000004)).toBe('0.3');
  });

  test('parseDecimal', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal('-1,5')).toBe(-1.5);
    expect(parseDecimal('1e3')).toBe(1000);
    expect(parseDecimal('1e999')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
  });
});
