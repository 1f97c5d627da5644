/** fast-check arbitraries for input values a user could give (shared by the property tests). */
import fc from 'fast-check';
import type { Input } from '../src/schema';
import { roundHalfAway } from '../src/units/round';

const DAY_MS = 86_400_000;
const uniform = (lo: number, hi: number) =>
  fc.noBias(fc.integer({ min: 0, max: 2 ** 31 - 1 })).map((k) => (k === 2 ** 31 - 1 ? hi : lo + ((hi - lo) * k) / (2 ** 31 - 1)));

/**
 * Values a user could give: uniform within the limits or within the typical range (where most
 * patients are, and where scores are not saturated), as typed (rounded to the input's decimals), or
 * at an edge of either range.
 */
export function valueOf(input: Input): fc.Arbitrary<number> {
  switch (input.type) {
    case 'number': {
      const [lo, hi] = input.limits;
      const typical = uniform(...input.typical);
      const typed = fc.oneof(uniform(lo, hi), typical).map((v) => Math.min(hi, Math.max(lo, roundHalfAway(v, input.decimals))));
      const edges = fc.constantFrom(lo, hi, ...input.typical);
      const given = fc.oneof(
        { arbitrary: uniform(lo, hi), weight: 3 },
        { arbitrary: typical, weight: 3 },
        { arbitrary: typed, weight: 3 },
        { arbitrary: edges, weight: 1 },
      );
      const optional = (input as { optional?: boolean }).optional === true;
      return optional ? fc.oneof({ arbitrary: given, weight: 4 }, { arbitrary: fc.constant(NaN), weight: 1 }) : given;
    }
    case 'choice':
      return fc.constantFrom(...input.options.map((o) => o.value));
    case 'yesno':
      return fc.constantFrom(0, 1);
    case 'date':
      return fc.noBias(fc.integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2100, 11, 31) / DAY_MS }));
  }
}
