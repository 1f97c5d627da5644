import { z } from 'zod';
import { IdentifierSchema } from './common';
import { ModelOutputSchema } from './model';
import { DoseSchema } from './dose';

/** A computed result: a formula over the inputs, or a sum of points. */
export const OutputSchema = z
  .object({
    /** Identifier of the output (the ONNX output name), e.g. `egfr`. */
    id: IdentifierSchema,
    /** Label shown with the result, e.g. "eGFR". */
    label: z.string().min(1),
    /**
     * The label once the choice inputs it names are chosen: `{id}` is replaced by the chosen option's
     * label, e.g. "Equivalent dose of {drug_to}" → "Equivalent dose of Dexamethasone". `label` stays
     * where no choice is known (formula, what-if, interpretation table).
     */
    chosen_label: z.string().min(1).optional(),
    /** Unit of the result, e.g. `mL/min/1.73m²`; omit for scores. */
    unit: z.string().optional(),
    /** Named intermediate expressions, evaluated in order; later ones and the formula may use earlier ones. */
    where: z.record(IdentifierSchema, z.string().min(1)).default({}),
    /** The expression computing the result (see CONTRIBUTING.md for the grammar). */
    formula: z.string().min(1).optional(),
    /**
     * Where-names to list in the result's "scored" list with their value, by the label shown, e.g.
     * `{ age_pts: "Age (women: age − 10)" }` for PSI, whose age term is points but not a table.
     */
    scored: z.record(IdentifierSchema, z.string().min(1)).default({}),
    /**
     * A dose instead of a formula: the weight it uses, the amount per kg (or m², or a weight band),
     * the single and daily maxima applied in the model, rounding, volume, route and interval (src/schema/dose.ts).
     */
    dose: DoseSchema.optional(),
    /** Sum of points instead of a formula: `all` inputs with points, or a list of input ids. */
    points: z.union([z.literal('all'), z.array(IdentifierSchema).min(1)]).optional(),
    /** For a contributed model: the output tensor (and column) this output reads. */
    from_model: ModelOutputSchema.optional(),
    /** Decimals displayed; interpretation bands are matched on the value rounded to these. */
    decimals: z.number().int().min(0).max(6).default(0),
    /**
     * How the value is shown: a plain number, a date (days since 1970-01-01), a duration in weeks + days,
     * or `category`: a coded result (e.g. 0 low, 1 medium, 2 high) shown and copied as the label of its
     * interpretation band (bands then use `value:`), never as the code.
     */
    format: z.enum(['number', 'date', 'weeks-days', 'category']).default('number'),
    /** Other units the result is also shown in, converted from `unit` (e.g. LDL in mmol/L beside mg/dL). */
    units: z.array(z.object({ unit: z.string().min(1), decimals: z.number().int().min(0).max(6) }).strict()).default([]),
    /** Analyte whose conventional factor converts the result to `units` (e.g. `cholesterol`). */
    analyte: z.string().optional(),
    /**
     * The range a correct result can take (e.g. an LDL above 0, a body weight above 0). A value outside
     * it is shown as "not calculable" with `reason`, never banded (e.g. Friedewald LDL is negative when
     * HDL and triglycerides are high relative to total cholesterol).
     */
    plausible: z
      .object({
        /** Lowest plausible value (inclusive). */
        min: z.number().optional(),
        /** Highest plausible value (inclusive). */
        max: z.number().optional(),
        /** Why a value outside is not calculable, in a sentence a clinician reads. */
        reason: z.string().min(1),
      })
      .strict()
      .refine((p) => p.min !== undefined || p.max !== undefined, { message: 'give `min`, `max` or both' })
      .optional(),
    /** The headline result of the calculator (default: the first output). */
    primary: z.boolean().default(false),
    /**
     * When the formula is valid, e.g. Friedewald LDL only below 400 mg/dL of triglycerides. Outside
     * it the model gives NaN for this output (and no band) and the page shows "—" with `reason`.
     */
    valid: z
      .object({
        /** Condition over inputs and earlier names; the output exists only where it is true. */
        when: z.string().min(1),
        /** Shown instead of a value when the condition is false. */
        reason: z.string().min(1),
      })
      .strict()
      .optional(),
    /**
     * Applicability warnings: conditions under which the result is still computed and shown, but
     * carries a warning beside it, e.g. an age outside the derivation cohort's range. Each `when` is
     * compiled into the model (an output `<id>.warning.<n>`, 1 when it holds), like `valid`.
     */
    warnings: z
      .array(
        z
          .object({
            /** Condition over inputs, where-names, earlier outputs and this output; the warning shows where it is true. */
            when: z.string().min(1),
            /** The warning shown beside the result (and copied into the note), e.g. "Age outside 30–79 years, the range PREVENT was derived in". */
            text: z.string().min(1),
          })
          .strict(),
      )
      .max(8, 'at most 8 warnings on one output; combine conditions with `or`')
      .default([]),
    /** Short explanation shown under the result. */
    help: z.string().optional(),
  })
  .strict()
  .refine((o) => [o.formula, o.points, o.from_model, o.dose].filter((x) => x !== undefined).length === 1, {
    message: 'an output needs exactly one of `formula`, `points`, `dose` or `from_model`',
  });

export type Output = z.infer<typeof OutputSchema>;
