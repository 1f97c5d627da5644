import { z } from 'zod';

/** Identifier usable in formulas: lower-case letters, digits and `_`, starting with a letter. */
export const IdentifierSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'an id is lower-case letters, digits and _ and starts with a letter, e.g. "scr" or "heart_rate"');

/** A `[low, high]` pair with low < high. */
export const RangeSchema = z
  .tuple([z.number(), z.number()])
  .refine(([lo, hi]) => lo < hi, { message: 'the first number must be smaller than the second, e.g. [18, 120]' });

/** How a result or band is coloured: ok (green), info (blue), warn (amber), danger (red). */
export const ToneSchema = z.enum(['ok', 'info', 'warn', 'danger']);
export type Tone = z.infer<typeof ToneSchema>;
