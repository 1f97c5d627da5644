/**
 * Hostile share links (issue 15, finding 5): whatever the #fragment holds, decodeFragment returns only
 * known fields with values of a bounded length, fast, and never throws. The e2e half
 * (test/e2e/hostile.spec.ts) opens such links in the real page.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { loadCatalog } from '../../src/definitions/load';
import { decodeFragment, MAX_FRAGMENT_LENGTH } from '../../src/components/share';
import { MAX_INPUT_LENGTH } from '../../src/runtime/values';
import { hostileFragments } from '../hostile-fragments';

const bmi = loadCatalog(undefined, ['bmi']).entries[0].calc;
const ids = bmi.inputs.map((i) => i.id);
const HOSTILE_FRAGMENTS = hostileFragments(ids);

describe('hostile fragments', () => {
  test.each(HOSTILE_FRAGMENTS)('%s', (_, frag) => {
    const s = decodeFragment(bmi, frag);
    expect(Object.keys(s.texts).every((k) => ids.includes(k))).toBe(true);
    expect(Object.values(s.texts).every((t) => t.length <= MAX_INPUT_LENGTH)).toBe(true);
    expect(Object.getPrototypeOf(s.texts)).toBe(Object.prototype);
    if (frag.length > MAX_FRAGMENT_LENGTH) expect(s.texts).toEqual({});
  });

  test('any fragment: only known fields, bounded values, no throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6000 }), (frag) => {
        const s = decodeFragment(bmi, frag);
        expect(Object.keys(s.texts).every((k) => ids.includes(k))).toBe(true);
        expect(Object.values(s.texts).every((t) => t.length <= MAX_INPUT_LENGTH)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  test('an ordinary link still fills the form', () => {
    expect(decodeFragment(bmi, `#${ids[0]}=70&${ids[1]}=175`).texts).toEqual({ [ids[0]]: '70', [ids[1]]: '175' });
  });
});
