/**
 * Hostile share links (issue 15, finding 5): whatever the #fragment holds, decodeFragment returns only
 * known fields with values of a bounded length, fast, and never throws. The e2e half
 * (test/e2e/hostile.spec.ts) opens such links in the real page.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../src/catalog/load';
import { decodeFragment, MAX_FRAGMENT_LENGTH } from '../../src/components/share';
import { MAX_INPUT_LENGTH } from '../../src/runtime/values';

const bmi = loadCatalog(undefined, ['bmi']).entries[0].calc;
const ids = bmi.inputs.map((i) => i.id);

/** The fragments tried, named: each is a way a link could break the page. */
export const HOSTILE_FRAGMENTS: [string, string][] = [
  ['100,000 digits then x', `${ids[0]}=${'1'.repeat(100_000)}x`],
  ['200,000 digits then x', `${ids[0]}=${'1'.repeat(200_000)}x`],
  ['1 MB of one value', `${ids[0]}=${'9'.repeat(1 << 20)}`],
  ['10,000 parameters', Array.from({ length: 10_000 }, (_, k) => `p${k}=1`).join('&')],
  ['a value of 65 characters', `${ids[0]}=${'1'.repeat(65)}`],
  ['bad percent-encoding', `${ids[0]}=%ZZ%E0%A4%A&${ids[1]}=%`],
  ['prototype keys', `__proto__=1&constructor=2&${ids[0]}=70`],
  ['the same key twice', `${ids[0]}=70&${ids[0]}=1e400`],
  ['NaN and Infinity', `${ids[0]}=NaN&${ids[1]}=Infinity`],
  ['script in a value', `${ids[0]}=<script>alert(1)</script>`],
  ['an unknown unit', `${ids[0]}=70parsecs`],
  ['only #', '#'],
  ['only &&&', '&&&=&='],
];

describe('hostile fragments', () => {
  test.each(HOSTILE_FRAGMENTS)('%s', (_, frag) => {
    const s = decodeFragment(bmi, frag);
    expect(Object.keys(s.texts).every((k) => ids.includes(k))).toBe(true);
    expect(Object.values(s.texts).every((t) => t.length <= MAX_INPUT_LENGTH)).toBe(true);
    expect(Object.getPrototypeOf(s.texts)).toBe(Object.prototype);
    if (frag.length > MAX_FRAGMENT_LENGTH) expect(s.texts).toEqual({});
  });

  test('any fragment: only known fields, bounded values, no throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 6000 }), (frag) => {
      const s = decodeFragment(bmi, frag);
      expect(Object.keys(s.texts).every((k) => ids.includes(k))).toBe(true);
      expect(Object.values(s.texts).every((t) => t.length <= MAX_INPUT_LENGTH)).toBe(true);
    }), { numRuns: 2_000 });
  });

  test('an ordinary link still fills the form', () => {
    expect(decodeFragment(bmi, `#${ids[0]}=70&${ids[1]}=175`).texts).toEqual({ [ids[0]]: '70', [ids[1]]: '175' });
  });
});
