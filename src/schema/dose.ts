import { z } from 'zod';

/**
 * A dose quantity: a number, or a formula over the inputs, the output's `where:` names and earlier
 * outputs (e.g. `per_kg: "route == \"IV\" ? 15 : 20"`). Formulas follow the grammar of `formula`.
 */
const Quantity = z.union([z.number().positive(), z.string().min(1)]);

/** One row of a weight-band table: the dose for weights from its edge up to the next row's. */
export const DoseBandSchema = z
  .object({
    /** Lower edge, kg, inclusive (`weight >= from`); the first row has no edge. */
    from: z.number().positive().optional(),
    /** Lower edge, kg, exclusive (`weight > above`): for a source that prints "> 50 kg". */
    above: z.number().positive().optional(),
    /** A fixed dose for the band, in the output's unit (e.g. tenecteplase STEMI 60 to < 70 kg: 35 mg). */
    amount: z.number().positive().optional(),
    /** Or an amount per kg for the band (e.g. IV paracetamol ≤ 10 kg: 7.5 mg/kg). */
    per_kg: z.number().positive().optional(),
    /** The band as the source prints it, e.g. "60 to < 70 kg" (default: built from the edges). */
    label: z.string().min(1).optional(),
  })
  .strict()
  .refine((b) => (b.amount === undefined) !== (b.per_kg === undefined), { message: 'a band gives either `amount` or `per_kg`' })
  .refine((b) => b.from === undefined || b.above === undefined, { message: 'a band has one lower edge: `from` (>=) or `above` (>)' });

/** An adjustment the source gives (renal function, age): shown with the dose where `when` holds. */
export const DoseAdjustmentSchema = z
  .object({
    /** Condition over the inputs (e.g. `crcl < 30`); compiled into the model as `<id>.dose.adjust.<n>`. */
    when: z.string().min(1),
    /** What changes and why, shown beside the dose and in the note, e.g. "CrCl < 30 mL/min: give every 24 hours". */
    text: z.string().min(1),
    /** The interval that replaces `interval` where `when` holds, e.g. "every 24 hours". */
    interval: z.string().min(1).optional(),
  })
  .strict();

/**
 * A dose output (`dose:` instead of `formula:`): the amount for one administration, computed in the
 * model from the weight and the amount per kg (or per m², or a weight band), capped at the maximum
 * single dose and at the daily maximum divided by the doses a day, rounded to what can be measured;
 * the model also gives the uncapped amount, which cap applied, the daily total and the volume for the
 * chosen concentration (graph outputs `<id>.dose.<part>`, see src/schema/graph.ts).
 */
export const DoseSchema = z
  .object({
    /** The weight used, kg: an input id, an earlier output or where-name, or a formula (e.g. `ibw`). */
    weight: z.string().min(1),
    /** Which weight the source doses on; shown beside it ("× 65 kg actual body weight"). */
    basis: z.enum(['actual', 'ideal', 'adjusted', 'lean']).default('actual'),
    /** The body surface area used, m², when the dose is per m² (an input, an output or a formula). */
    bsa: z.string().min(1).optional(),
    /** Amount per kg per dose, in the output's unit per kg (e.g. 15 for 15 mg/kg). */
    per_kg: Quantity.optional(),
    /** Amount per m² per dose, in the output's unit per m² (with `bsa`). */
    per_m2: Quantity.optional(),
    /** A weight-band table, lightest band first (a band gives a fixed `amount` or a `per_kg`). */
    bands: z.array(DoseBandSchema).min(2).optional(),
    /** Maximum single dose, in the output's unit: the dose is capped at it (in the model). */
    max: Quantity.optional(),
    /** Maximum number of doses in 24 hours (e.g. 4 for "every 4–6 hours, at most 4 doses a day"). */
    per_day: Quantity.optional(),
    /** Maximum total in 24 hours, in the output's unit: a single dose is capped at it ÷ `per_day`. */
    max_daily: Quantity.optional(),
    /** Maximum total in 24 hours per kg (e.g. 60 mg/kg/day): capped at it × weight ÷ `per_day`. */
    max_daily_per_kg: Quantity.optional(),
    /**
     * What can be measured, in the output's unit: the dose is rounded to the nearest multiple (10 mg,
     * 250 mg for half a 500 mg tablet), never above a cap (then down to the multiple below it).
     */
    round: z.number().positive().optional(),
    /** The volume to give, for a concentration chosen on the page. */
    volume: z
      .object({
        /**
         * The concentration, in the output's unit per mL: usually a choice input whose options are the
         * marketed strengths (value 24 labelled "120 mg/5 mL (24 mg/mL)"), or a number input or formula.
         */
        concentration: z.string().min(1),
        /** What a syringe measures, mL: the volume is rounded to a multiple (0.1, 0.5), never above a cap. */
        round: z.number().positive(),
      })
      .strict()
      .optional(),
    /** Route, e.g. "oral", "IV infusion over 15 minutes". */
    route: z.string().min(1),
    /** Interval, e.g. "every 4–6 hours"; "single dose" for one. */
    interval: z.string().min(1),
    /** Adjustments the source gives (renal function, age…), each a condition and what changes. */
    adjustments: z.array(DoseAdjustmentSchema).max(8).default([]),
  })
  .strict()
  .superRefine((d, ctx) => {
    const amounts = (['per_kg', 'per_m2', 'bands'] as const).filter((k) => d[k] !== undefined);
    if (amounts.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `a dose gives exactly one of \`per_kg\`, \`per_m2\` or \`bands\` (found ${amounts.length ? amounts.join(', ') : 'none'})`,
      });
    if (d.per_m2 !== undefined && d.bsa === undefined)
      ctx.addIssue({ code: 'custom', path: ['bsa'], message: 'a dose per m² needs `bsa`: the body surface area it uses (an input, an output or a formula)' });
    if (d.per_m2 === undefined && d.bsa !== undefined) ctx.addIssue({ code: 'custom', path: ['bsa'], message: '`bsa` is used only with `per_m2`' });
    for (const k of ['max_daily', 'max_daily_per_kg'] as const)
      if (d[k] !== undefined && d.per_day === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `a daily maximum caps each dose at it ÷ the doses a day: give \`per_day\` (the most doses in 24 hours)`,
        });
    d.bands?.forEach((b, j) => {
      const edge = b.from ?? b.above;
      if (j === 0 && edge !== undefined)
        ctx.addIssue({ code: 'custom', path: ['bands', 0], message: 'the first band holds every weight below the second, so it has no edge' });
      if (j > 0 && edge === undefined)
        ctx.addIssue({ code: 'custom', path: ['bands', j], message: 'every band after the first needs its lower edge: `from` (>=) or `above` (>)' });
      const prev = j > 1 ? (d.bands![j - 1].from ?? d.bands![j - 1].above) : undefined;
      if (edge !== undefined && prev !== undefined && edge <= prev)
        ctx.addIssue({
          code: 'custom',
          path: ['bands', j],
          message: `edges must rise from band to band: ${edge} does not come after ${prev} (list the lightest band first)`,
        });
    });
  });

export type Dose = z.infer<typeof DoseSchema>;
