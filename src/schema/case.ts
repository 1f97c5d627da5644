import { z } from 'zod';

/** Expected value of one output: a number, or a number with a tolerance and/or the expected band label. */
export const ExpectSchema = z.union([
  z.number(),
  z
    .object({
      /** Expected value (in the output's unit; dates as YYYY-MM-DD). */
      value: z.union([z.number(), z.string()]).optional(),
      /** Allowed absolute difference; default half a unit of the output's last displayed decimal. */
      tol: z.number().nonnegative().optional(),
      /** Expected interpretation band label. */
      band: z.string().optional(),
      /**
       * Expected applicability warning: `true` some warning of the output shows, `false` none does, or
       * the text of the one warning expected (exactly, and no other).
       */
      warning: z.union([z.boolean(), z.string().min(1)]).optional(),
      /** A dose output: which cap the dose was held to (`none`, the maximum `single` dose, the `daily` maximum ÷ doses a day). */
      capped: z.enum(['none', 'single', 'daily']).optional(),
      /** A dose output: the amount before any cap (per kg × weight, or the band's amount). */
      uncapped: z.number().optional(),
      /** A dose output: the volume at the case's concentration, mL (as shown, to the measuring step). */
      volume: z.number().optional(),
      /** A dose output: the dose × the most doses in 24 hours. */
      daily: z.number().optional(),
    })
    .strict(),
  z.string(),
]);

/** One worked example: inputs and the outputs the primary source gives for them. */
export const CaseSchema = z
  .object({
    /** What this case shows, e.g. "boundary: score exactly 4 is PE unlikely". */
    name: z.string().min(1),
    /** Where the expected values come from ("Inker 2021 Table 2", "hand-computed from ..."). */
    source: z.string().min(1),
    /** Input values: numbers (canonical unit) or strings with a unit ("0.8 mg/dL"), option labels, yes/no, dates. */
    inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    /** Expected outputs by output id. */
    expect: z.record(z.string(), ExpectSchema),
  })
  .strict();

/** The contents of a `cases.yaml`. */
export const CasesSchema = z.array(CaseSchema).min(3, 'a calculator needs at least 3 worked examples');

export type Case = z.infer<typeof CaseSchema>;
export type Expect = z.infer<typeof ExpectSchema>;
