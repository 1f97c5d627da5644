import { z } from 'zod';
import { IdentifierSchema, RangeSchema } from './common';

const base = {
  /** Identifier used in formulas and in share links, e.g. `scr`. */
  id: IdentifierSchema,
  /** Label shown next to the field, e.g. "Serum creatinine". */
  label: z.string().min(1),
  /** Optional hint shown under the field (definitions, how to measure). */
  help: z.string().optional(),
  /**
   * The quantity this input is (src/units/concepts.ts), e.g. `creatinine`, `age`, `sex`: a value
   * entered for the same concept in another calculator pre-fills it (the patient context). Declare it
   * only when the input is exactly that quantity (serum creatinine, not creatinine clearance; actual
   * weight, not ideal weight). `none` says it deliberately is not one (a fasting or a worst-in-24-h
   * value, a rectal temperature), which silences lint's `concept-missing` warning.
   */
  concept: z.string().min(1).optional(),
};

/** A measured quantity typed as a number. */
export const NumberInputSchema = z
  .object({
    ...base,
    type: z.literal('number'),
    /** Canonical unit: the unit the formula uses, e.g. `mg/dL`. */
    unit: z.string().min(1),
    /** Other units the user may type in; converted to `unit` before inference. */
    units: z.array(z.string().min(1)).default([]),
    /** Analyte whose molar mass converts between mass and molar units, e.g. `creatinine`. */
    analyte: z.string().optional(),
    /** Hard limits in the canonical unit (inclusive). Outside them the value is refused. */
    limits: RangeSchema,
    /** Why the limits are what they are; shown with the refusal. */
    limits_reason: z.string().optional(),
    /** Typical range in the canonical unit: outside it the result is flagged "unusual — check the unit". */
    typical: RangeSchema,
    /** Decimals a user would type (used for the field's step and for display). */
    decimals: z.number().int().min(0).max(6).default(1),
    /** Value used when the field is left empty; without it the field is required. */
    default: z.number().optional(),
    /**
     * The field may be left empty. The model then receives NaN for it, and outputs that use it show
     * "—" until it is given (e.g. a measured osmolality for the osmolal gap).
     */
    optional: z.boolean().default(false),
    /** For a contributed model: the range of this feature in the training data (canonical unit). */
    training_range: RangeSchema.optional(),
  })
  .strict();

/** One option of a choice input. */
export const OptionSchema = z
  .object({
    /** Number passed to the model when this option is chosen. Unique within the input. */
    value: z.number(),
    /** Label shown to the user; formulas may compare the input with it as a string. */
    label: z.string().min(1),
    /** Points this option scores, for points-based scores. */
    points: z.number().optional(),
  })
  .strict();

/** Exactly one of a list of options. */
export const ChoiceInputSchema = z
  .object({
    ...base,
    type: z.literal('choice'),
    /** The options, in display order. */
    options: z.array(OptionSchema).min(2),
    /** Value chosen before the user picks (optional; without it the field is required). */
    default: z.number().optional(),
  })
  .strict();

/** A yes/no criterion: 0 = no, 1 = yes. */
export const YesNoInputSchema = z
  .object({
    ...base,
    type: z.literal('yesno'),
    /** Points scored when the answer is yes. */
    points: z.number().optional(),
    /** Answer before the user picks; criteria of scores usually default to `false` (no). */
    default: z.boolean().default(false),
  })
  .strict();

/** A calendar date; the model receives days since 1970-01-01 (UTC). */
export const DateInputSchema = z
  .object({
    ...base,
    type: z.literal('date'),
    /** `today` pre-fills the field with the current date. */
    default: z.literal('today').optional(),
    /**
     * The plausible window relative to today, e.g. an LMP `{ past_days: 300, future_days: 0 }`: a
     * date outside is refused on the page with `reason`. Without it: 150 years back, 10 ahead.
     */
    plausible: z
      .object({ past_days: z.number().int().nonnegative(), future_days: z.number().int().nonnegative(), reason: z.string().min(1).optional() })
      .strict()
      .optional(),
  })
  .strict();

/** Any input of a calculator, told apart by `type`. */
export const InputSchema = z.discriminatedUnion('type', [NumberInputSchema, ChoiceInputSchema, YesNoInputSchema, DateInputSchema]).superRefine((i, ctx) => {
  if (i.type === 'number') {
    if (i.typical[0] < i.limits[0] || i.typical[1] > i.limits[1])
      ctx.addIssue({ code: 'custom', path: ['typical'], message: `typical [${i.typical}] must lie inside limits [${i.limits}]` });
    if (i.default !== undefined && (i.default < i.limits[0] || i.default > i.limits[1]))
      ctx.addIssue({ code: 'custom', path: ['default'], message: `default ${i.default} must lie inside limits [${i.limits}]` });
    if (i.optional && i.default !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['optional'],
        message: 'an input with a default is never empty, so it cannot also be optional: keep either `default` or `optional: true`',
      });
    if (i.units.includes(i.unit))
      ctx.addIssue({ code: 'custom', path: ['units'], message: `"${i.unit}" is the canonical unit already; list only the other units here` });
  }
  if (i.type === 'choice') {
    const seen = new Set<number>();
    i.options.forEach((o, k) => {
      if (seen.has(o.value))
        ctx.addIssue({ code: 'custom', path: ['options', k, 'value'], message: `value ${o.value} is used by two options; each option needs its own value` });
      seen.add(o.value);
    });
    if (i.default !== undefined && !seen.has(i.default))
      ctx.addIssue({ code: 'custom', path: ['default'], message: `default ${i.default} is not the value of any option (${[...seen].join(', ')})` });
  }
});

export type NumberInput = z.infer<typeof NumberInputSchema>;
export type ChoiceInput = z.infer<typeof ChoiceInputSchema>;
export type YesNoInput = z.infer<typeof YesNoInputSchema>;
export type DateInput = z.infer<typeof DateInputSchema>;
export type Input = NumberInput | ChoiceInput | YesNoInput | DateInput;
