/**
 * Reading a pasted lab report (src/paste/parse.ts) over the corpus of realistic snippets in
 * test/fixtures/paste/corpus.ts: every expected value read with its unit (and flag, date, whether
 * the unit was inferred), nothing else read, and each trap listed with its reason.
 */
import { describe, expect, test } from 'vitest';
import { MAX_PASTE_LENGTH, parseReport } from '../../src/paste/parse';
import { LAB_TESTS, OTHER_TESTS, labTestByName } from '../../src/units/lab-tests';
import { lookupUnit } from '../../src/units';
import { CORPUS } from '../fixtures/paste/corpus';

describe('paste corpus', () => {
  test('has at least 40 snippets', () => expect(CORPUS.length).toBeGreaterThanOrEqual(40));

  for (const s of CORPUS) {
    test(s.name, () => {
      const r = parseReport(s.text);
      const got = Object.fromEntries(
        r.readings.map((x) => [
          x.test,
          {
            value: x.value,
            unit: x.unit,
            ...(x.date ? { date: x.date } : {}),
            ...(x.flag ? { flag: x.flag } : {}),
            ...(x.unitInferred ? { unitInferred: true } : {}),
          },
        ]),
      );
      expect(got).toEqual(s.expect);
      for (const why of s.unread ?? []) expect(r.unread.map((u) => u.reason).join('\n')).toContain(why);
      // Every reading says where it came from: its line, as pasted.
      const lines = s.text.split('\n');
      for (const x of r.readings) expect(lines[x.line - 1].replace(/\u03bc/g, 'µ').trimEnd()).toBe(x.text);
    });
  }

  test('extraction accuracy over the corpus (printed for the note)', () => {
    let expected = 0;
    let right = 0;
    let wrong = 0;
    for (const s of CORPUS) {
      const r = parseReport(s.text);
      for (const [id, e] of Object.entries(s.expect)) {
        expected++;
        const x = r.readings.find((y) => y.test === id);
        if (x && x.value === e.value && x.unit === e.unit) right++;
      }
      wrong += r.readings.filter((x) => !(x.test in s.expect) || s.expect[x.test].value !== x.value || s.expect[x.test].unit !== x.unit).length;
    }
    console.log(`paste corpus: ${CORPUS.length} snippets, ${right}/${expected} values read, ${wrong} wrong values read`);
    expect(right).toBe(expected);
    expect(wrong).toBe(0);
  });
});

describe('hostile and odd input', () => {
  test('a paste longer than a report is refused whole, quickly', () => {
    const r = parseReport('Creatinine 1.2 mg/dL\n'.repeat(MAX_PASTE_LENGTH));
    expect(r.readings).toEqual([]);
    expect(r.unread[0].reason).toMatch(/too long/);
  });

  test('pathological lines do not hang (regular expressions stay linear)', () => {
    const lines = ['Creatinine ' + '1.'.repeat(140), 'Sodium ' + '-'.repeat(280), 'K ' + '1,'.repeat(140), 'Hb ' + '(('.repeat(140), '9'.repeat(299)];
    const t0 = performance.now();
    for (const l of lines) parseReport(l);
    // Not a timing assertion of performance, a guard against catastrophic backtracking (seconds).
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  test('non-strings and empty text read nothing', () => {
    expect(parseReport('')).toEqual({ readings: [], unread: [] });
    expect(parseReport(undefined as unknown as string)).toEqual({ readings: [], unread: [] });
    expect(parseReport('\n\n   \n')).toEqual({ readings: [], unread: [] });
  });

  test('markup in a paste is text: it comes back as the line, never interpreted', () => {
    const r = parseReport('Sodium 140 mmol/L <img src=x onerror=alert(1)>');
    expect(r.readings[0]?.text ?? r.unread[0]?.text).toContain('<img');
  });
});

describe('the lab test table', () => {
  test('every unit is a catalogue unit, and each test has a canonical unit first', () => {
    for (const t of LAB_TESTS) for (const u of t.units) expect(lookupUnit(u), `${t.id}: ${u}`).toBeDefined();
  });

  test('no name stands for two tests, and no known name is also listed as another test', () => {
    const seen = new Map<string, string>();
    for (const t of LAB_TESTS)
      for (const n of t.names) {
        expect(seen.get(n), `${n} names ${seen.get(n)} and ${t.id}`).toBeUndefined();
        seen.set(n, t.id);
        expect(n).toBe(n.toLowerCase());
      }
    for (const n of OTHER_TESTS) expect(labTestByName(n), n).toBeUndefined();
  });

  test('LOINC codes are well formed (digits, a dash and the mod-10 check digit)', () => {
    for (const t of LAB_TESTS) {
      if (!t.loinc) continue;
      const m = /^(\d{1,7})-(\d)$/.exec(t.loinc);
      expect(m, t.id).not.toBeNull();
      // LOINC's check digit: Luhn (mod 10) over the code's digits.
      const digits = m![1].split('').map(Number).reverse();
      const sum = digits.reduce((acc, d, i) => acc + (i % 2 === 0 ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][d] : d), 0);
      expect((10 - (sum % 10)) % 10, `${t.id} ${t.loinc}`).toBe(Number(m![2]));
    }
  });
});
