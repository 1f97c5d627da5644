import { z } from 'zod';
import { ReferenceSchema } from './reference';
import { InputSchema } from './input';
import { OutputSchema } from './output';
import { InterpretationSchema, NextStepsSchema } from './interpretation';
import { ReviewFields } from './review';
import { ContributedModelSchema, ModelCardSchema } from './model';

/** A calculator definition: the contents of `calculators/<id>/calculator.yaml`. */
export const CalculatorSchema = z
  .object({
    /** Page title, e.g. "CKD-EPI Creatinine Equation (2021, race-free)". */
    title: z.string().min(1),
    /** Short name for lists and the browser tab, e.g. "CKD-EPI 2021". */
    short: z.string().optional(),
    /** One or two sentences: what it estimates and from what. */
    summary: z.string().min(1),
    /** The formula variant implemented, named precisely (year, version, race-free …). */
    variant: z.string().min(1),
    /** Semantic version of this definition, e.g. 1.0.0. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version is MAJOR.MINOR.PATCH, e.g. 1.0.0'),
    /** Specialties it belongs to, lower case, e.g. [nephrology]. */
    specialties: z.array(z.string().regex(/^[a-z][a-z -]*$/, 'a specialty is lower-case words')).min(1),
    /** What it is for, for browsing: diagnosis, prognosis, treatment (incl. dosing) or formula. */
    purpose: z.array(z.enum(['diagnosis', 'prognosis', 'treatment', 'formula'])).min(1).optional(),
    /** Other names and abbreviations people search for. */
    synonyms: z.array(z.string().min(1)).default([]),
    /** The inputs, in display order. */
    inputs: z.array(InputSchema).min(1),
    /** The outputs, in display order. */
    outputs: z.array(OutputSchema).min(1),
    /** Interpretation bands per output. */
    interpretation: z.array(InterpretationSchema).default([]),
    /** Advice that applies whatever the result. */
    next_steps: NextStepsSchema.optional(),
    /** References; exactly one is `primary: true`. */
    references: z.array(ReferenceSchema).min(1),
    ...ReviewFields,
    /** A contributed trained model instead of formulas (outputs then use `from_model`). */
    model: ContributedModelSchema.optional(),
    /** The model card of a contributed model (required with `model`). */
    model_card: ModelCardSchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const ids = new Map<string, string>();
    const claim = (id: string, path: (string | number)[], what: string) => {
      const prior = ids.get(id);
      if (prior) ctx.addIssue({ code: 'custom', path, message: `"${id}" is already the id of ${prior}; ids of inputs, outputs and where-names must be unique` });
      else ids.set(id, what);
    };
    c.inputs.forEach((i, k) => claim(i.id, ['inputs', k, 'id'], `inputs[${k}]`));
    c.outputs.forEach((o, k) => {
      claim(o.id, ['outputs', k, 'id'], `outputs[${k}]`);
      Object.keys(o.where).forEach((w) => claim(w, ['outputs', k, 'where', w], `a where-name of outputs[${k}]`));
    });
    const outputIds = c.outputs.map((o) => o.id);
    c.interpretation.forEach((it, k) => {
      if (!outputIds.includes(it.output))
        ctx.addIssue({ code: 'custom', path: ['interpretation', k, 'output'], message: `"${it.output}" is not an output. Expected one of: ${outputIds.join(', ')}` });
      if (c.interpretation.findIndex((o) => o.output === it.output) !== k)
        ctx.addIssue({ code: 'custom', path: ['interpretation', k, 'output'], message: `"${it.output}" already has bands; put all its bands in one entry` });
      const sorted = it.bands.map((b, j) => ({ lo: b.min ?? -Infinity, hi: b.max ?? Infinity, j })).sort((a, b) => a.lo - b.lo);
      for (let j = 1; j < sorted.length; j++)
        if (sorted[j].lo < sorted[j - 1].hi)
          ctx.addIssue({ code: 'custom', path: ['interpretation', k, 'bands', sorted[j].j], message: `overlaps bands[${sorted[j - 1].j}] (min is inclusive, max exclusive: a band ending at 60 and one starting at 60 do not overlap)` });
    });
    const primaries = c.references.filter((r) => r.primary).length;
    if (primaries !== 1)
      ctx.addIssue({ code: 'custom', path: ['references'], message: `exactly one reference must be \`primary: true\` (found ${primaries}): the paper the formula or points come from` });
    if (c.status === 'reviewed' && (c.reviewers.length === 0 || !c.last_reviewed))
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'a reviewed calculator names its reviewers and last_reviewed date' });
    if (c.changelog.length && c.changelog[0].version !== c.version)
      ctx.addIssue({ code: 'custom', path: ['changelog', 0, 'version'], message: `the newest change log entry is ${c.changelog[0].version} but the definition is version ${c.version}: add an entry for ${c.version} at the top` });
    if (c.model) {
      if (!c.model_card) ctx.addIssue({ code: 'custom', path: ['model_card'], message: 'a contributed model needs its model card (intended use, population, outcome, data, discrimination, calibration, limitations…)' });
      c.model.features.forEach((f, k) => {
        if (!c.inputs.some((i) => i.id === f)) ctx.addIssue({ code: 'custom', path: ['model', 'features', k], message: `"${f}" is not an input. Expected one of: ${c.inputs.map((i) => i.id).join(', ')}` });
      });
      c.inputs.forEach((i, k) => {
        if (!c.model!.features.includes(i.id)) ctx.addIssue({ code: 'custom', path: ['inputs', k, 'id'], message: `"${i.id}" is not one of the model's features (${c.model!.features.join(', ')}); every input of a contributed model feeds it` });
        if (i.type === 'number' && !i.training_range) ctx.addIssue({ code: 'custom', path: ['inputs', k], message: `a feature of a contributed model needs its training_range (the range seen in the training data), so the page can warn outside it` });
      });
      c.outputs.forEach((o, k) => {
        if (o.formula !== undefined || o.points !== undefined) ctx.addIssue({ code: 'custom', path: ['outputs', k], message: 'outputs of a contributed model read the model: use `from_model: { tensor, column }` instead of a formula' });
      });
    } else {
      c.outputs.forEach((o, k) => {
        if (o.from_model) ctx.addIssue({ code: 'custom', path: ['outputs', k, 'from_model'], message: '`from_model` needs a contributed `model:` in the definition' });
      });
    }
    if (c.outputs.filter((o) => o.primary).length > 1)
      ctx.addIssue({ code: 'custom', path: ['outputs'], message: 'only one output can be `primary: true`' });
  });

/** A parsed definition, as the compiler, runtime and pages use it. */
export type Calculator = z.infer<typeof CalculatorSchema>;
/** A definition as an author writes it (defaults not yet applied). */
export type CalculatorInput = z.input<typeof CalculatorSchema>;
