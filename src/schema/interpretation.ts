import { z } from 'zod';
import { IdentifierSchema, ToneSchema } from './common';

/** One interpretation band of an output: matched when min <= value < max (value as displayed). */
export const BandSchema = z
  .object({
    /** For a categorical output (`format: category`): the code this band labels, matched exactly. */
    value: z.number().optional(),
    /** Lower bound, inclusive. Omit for "everything below max". */
    min: z.number().optional(),
    /** Upper bound, exclusive. Omit for "everything from min up". */
    max: z.number().optional(),
    /**
     * The range as the source prints it, e.g. "over 7.5 to 30 mg/day", for the interpretation table;
     * by default it is derived from min/max and the output's decimals (src/format/band-range.ts).
     */
    range: z.string().min(1).optional(),
    /** What the value means, e.g. "G2 — mildly decreased". */
    label: z.string().min(1),
    /** Colour of the result: ok, info, warn, danger. */
    tone: ToneSchema.default('info'),
    /** A sentence or two more (risk figures and the like). */
    detail: z.string().optional(),
    /** What to do next for a patient in this band. */
    next: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .refine((b) => b.min === undefined || b.max === undefined || b.min < b.max, {
    message: 'min must be smaller than max (min is inclusive, max exclusive)',
  })
  .refine((b) => b.value === undefined || (b.min === undefined && b.max === undefined), {
    message: 'a band is either one code (`value`, for a categorical output) or a range (`min`/`max`), not both',
  });

/** The bands of one output and where they come from. */
export const InterpretationSchema = z
  .object({
    /** Id of the output these bands interpret. */
    output: IdentifierSchema,
    /** Guideline or paper the bands and next steps come from. */
    source: z.string().min(1),
    /** Bands; they must not overlap. */
    bands: z.array(BandSchema).min(1),
  })
  .strict();

/** General next steps that apply whatever the result. */
export const NextStepsSchema = z
  .object({
    /** Where the advice comes from. */
    source: z.string().min(1),
    /** The steps, one sentence each. */
    items: z.array(z.string().min(1)).min(1),
  })
  .strict();

export type Band = z.infer<typeof BandSchema>;
export type Interpretation = z.infer<typeof InterpretationSchema>;
