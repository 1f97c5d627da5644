import { z } from 'zod';
import { ReferenceSchema } from './reference';
import { InputSchema } from './input';
import { OutputSchema } from './output';
import { InterpretationSchema, NextStepsSchema } from './interpretation';
import { ReviewFields } from './review';
import { ContributedModelSchema, ModelCardSchema } from './model';
import { TableSchema, tableRows } from './table';

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
    purpose: z
      .array(z.enum(['diagnosis', 'prognosis', 'treatment', 'formula']))
      .min(1)
      .optional(),
    /** Other names and abbreviations people search for. */
    synonyms: z.array(z.string().min(1)).default([]),
    /** The inputs, in display order. */
    inputs: z.array(InputSchema).min(1),
    /**
     * Points-by-range tables and single cut-offs over number inputs, declared per unit as the source
     * prints them; formulas use them by id (see src/schema/table.ts).
     */
    tables: z.array(TableSchema).default([]),
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
      if (prior)
        ctx.addIssue({ code: 'custom', path, message: `"${id}" is already the id of ${prior}; ids of inputs, outputs and where-names must be unique` });
      else ids.set(id, what);
    };
    c.inputs.forEach((i, k) => claim(i.id, ['inputs', k, 'id'], `inputs[${k}]`));
    c.tables.forEach((t, k) => {
      claim(t.id, ['tables', k, 'id'], `tables[${k}]`);
      checkTable(c, k, ctx);
    });
    c.outputs.forEach((o, k) => {
      claim(o.id, ['outputs', k, 'id'], `outputs[${k}]`);
      for (const name of Object.keys(o.scored))
        if (!(name in o.where))
          ctx.addIssue({
            code: 'custom',
            path: ['outputs', k, 'scored', name],
            message: `"${name}" is not a where-name of output ${o.id}. Expected one of: ${Object.keys(o.where).join(', ') || '(none: the output has no where:)'}`,
          });
      const choices = c.inputs.filter((i) => i.type === 'choice').map((i) => i.id);
      for (const [, id] of o.chosen_label?.matchAll(/\{([^}]*)\}/g) ?? [])
        if (!choices.includes(id))
          ctx.addIssue({
            code: 'custom',
            path: ['outputs', k, 'chosen_label'],
            message: `{${id}} is not a choice input. Expected one of: ${choices.map((x) => `{${x}}`).join(', ') || '(none: the definition has no choice input)'}`,
          });
      Object.keys(o.where).forEach((w) => claim(w, ['outputs', k, 'where', w], `a where-name of outputs[${k}]`));
    });
    const outputIds = c.outputs.map((o) => o.id);
    c.interpretation.forEach((it, k) => {
      if (!outputIds.includes(it.output))
        ctx.addIssue({
          code: 'custom',
          path: ['interpretation', k, 'output'],
          message: `"${it.output}" is not an output. Expected one of: ${outputIds.join(', ')}`,
        });
      if (c.interpretation.findIndex((o) => o.output === it.output) !== k)
        ctx.addIssue({ code: 'custom', path: ['interpretation', k, 'output'], message: `"${it.output}" already has bands; put all its bands in one entry` });
      const out = c.outputs.find((o) => o.id === it.output);
      const categorical = out?.format === 'category';
      it.bands.forEach((b, j) => {
        if (categorical && b.value === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['interpretation', k, 'bands', j],
            message: `${it.output} is a categorical output (format: category), so each band labels one code: write \`value: <code>\` instead of min/max`,
          });
        if (!categorical && b.value !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['interpretation', k, 'bands', j, 'value'],
            message: `\`value:\` labels one code of a categorical output, but ${it.output} is not \`format: category\`: add "format: category" to output ${it.output}, or use min/max`,
          });
      });
      if (categorical) {
        const seen = new Set<number>();
        it.bands.forEach((b, j) => {
          if (b.value !== undefined && seen.has(b.value))
            ctx.addIssue({ code: 'custom', path: ['interpretation', k, 'bands', j, 'value'], message: `code ${b.value} already has a band` });
          if (b.value !== undefined) seen.add(b.value);
        });
        return;
      }
      const sorted = it.bands.map((b, j) => ({ lo: b.min ?? -Infinity, hi: b.max ?? Infinity, j })).sort((a, b) => a.lo - b.lo);
      for (let j = 1; j < sorted.length; j++) {
        if (sorted[j].lo < sorted[j - 1].hi)
          ctx.addIssue({
            code: 'custom',
            path: ['interpretation', k, 'bands', sorted[j].j],
            message: `overlaps bands[${sorted[j - 1].j}] (min is inclusive, max exclusive: a band ending at 60 and one starting at 60 do not overlap)`,
          });
        else if (sorted[j].lo > sorted[j - 1].hi)
          ctx.addIssue({
            code: 'custom',
            path: ['interpretation', k, 'bands', sorted[j].j, 'min'],
            message: `leaves a gap after bands[${sorted[j - 1].j}] (which ends before ${sorted[j - 1].hi}): values from ${sorted[j - 1].hi} up to ${sorted[j].lo} get no band. Set min: ${sorted[j - 1].hi} (min is inclusive, max exclusive)`,
          });
      }
    });
    const primaries = c.references.filter((r) => r.primary).length;
    if (primaries !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['references'],
        message: `exactly one reference must be \`primary: true\` (found ${primaries}): the paper the formula or points come from`,
      });
    if (c.status === 'reviewed' && (c.reviewers.length === 0 || !c.last_reviewed))
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'a reviewed calculator names its reviewers and last_reviewed date' });
    if (c.changelog.length && c.changelog[0].version !== c.version)
      ctx.addIssue({
        code: 'custom',
        path: ['changelog', 0, 'version'],
        message: `the newest change log entry is ${c.changelog[0].version} but the definition is version ${c.version}: add an entry for ${c.version} at the top`,
      });
    if (c.model) {
      if (!c.model_card)
        ctx.addIssue({
          code: 'custom',
          path: ['model_card'],
          message: 'a contributed model needs its model card (intended use, population, outcome, data, discrimination, calibration, limitations…)',
        });
      c.model.features.forEach((f, k) => {
        if (!c.inputs.some((i) => i.id === f))
          ctx.addIssue({
            code: 'custom',
            path: ['model', 'features', k],
            message: `"${f}" is not an input. Expected one of: ${c.inputs.map((i) => i.id).join(', ')}`,
          });
      });
      c.inputs.forEach((i, k) => {
        if (!c.model!.features.includes(i.id))
          ctx.addIssue({
            code: 'custom',
            path: ['inputs', k, 'id'],
            message: `"${i.id}" is not one of the model's features (${c.model!.features.join(', ')}); every input of a contributed model feeds it`,
          });
        if (i.type === 'number' && !i.training_range)
          ctx.addIssue({
            code: 'custom',
            path: ['inputs', k],
            message: `a feature of a contributed model needs its training_range (the range seen in the training data), so the page can warn outside it`,
          });
      });
      c.outputs.forEach((o, k) => {
        if (o.formula !== undefined || o.points !== undefined || o.dose !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['outputs', k],
            message: 'outputs of a contributed model read the model: use `from_model: { tensor, column }` instead of a formula',
          });
      });
    } else {
      c.outputs.forEach((o, k) => {
        if (o.from_model)
          ctx.addIssue({ code: 'custom', path: ['outputs', k, 'from_model'], message: '`from_model` needs a contributed `model:` in the definition' });
      });
    }
    if (c.outputs.filter((o) => o.primary).length > 1) ctx.addIssue({ code: 'custom', path: ['outputs'], message: 'only one output can be `primary: true`' });
  });

/** Checks one table against the input it scores: its units, its columns, its rows' order. */
function checkTable(c: { inputs: z.infer<typeof InputSchema>[]; tables: z.infer<typeof TableSchema>[] }, k: number, ctx: z.RefinementCtx) {
  const t = c.tables[k];
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['tables', k, ...path], message });
  const input = c.inputs.find((i) => i.id === t.input);
  if (!input)
    return issue(
      ['input'],
      `"${t.input}" is not an input. Expected one of: ${c.inputs
        .filter((i) => i.type === 'number')
        .map((i) => i.id)
        .join(', ')}`,
    );
  if (input.type !== 'number')
    return issue(['input'], `${t.input} is a ${input.type} input; tables score number inputs (choice and yes/no inputs carry their points on their options)`);
  const offered = [input.unit, ...input.units];
  const columns = tableRows(t);
  const field = t.rows ? 'rows' : (['above', 'from', 'below', 'upto'] as const).find((f) => t[f])!;
  for (const unit of Object.keys(columns))
    if (!offered.includes(unit)) issue([field, unit], `"${unit}" is not a unit of ${t.input}. Expected one of: ${offered.join(', ')}`);
  if (!columns[input.unit])
    issue(
      [field],
      `has no column for ${t.input}'s canonical unit ${input.unit}; every table scores values in the canonical unit (add a "${input.unit}" column)`,
    );
  for (const unit of t.printed) if (!columns[unit]) issue(['printed'], `"${unit}" is listed as printed, but the table has no ${unit} column`);
  const converted = Object.keys(columns).filter((u) => !t.printed.includes(u));
  if (converted.length && !t.conversion)
    issue(
      ['printed'],
      `the ${converted.join(', ')} column${converted.length > 1 ? 's are' : ' is'} not printed by the source: say how ${converted.length > 1 ? 'they were' : 'it was'} derived in \`conversion\` (e.g. "µmol/L = mg/dL × 88.4, conventional factor")`,
    );
  if (!t.rows) return;
  for (const [unit, rows] of Object.entries(t.rows)) {
    rows.forEach((r, j) => {
      const edge = r.from ?? r.above;
      if (j === 0 && edge !== undefined) issue(['rows', unit, 0], 'the first row holds everything below the second row, so it has no `from` or `above`');
      if (j > 0 && edge === undefined) issue(['rows', unit, j], 'every row after the first needs its lower edge: `from` (>=) or `above` (>)');
      if (j > 1 && edge !== undefined) {
        const prev = rows[j - 1];
        const pe = prev.from ?? prev.above;
        if (pe !== undefined && (edge < pe || (edge === pe && !(prev.from !== undefined && r.above !== undefined))))
          issue(
            ['rows', unit, j],
            `edges must rise from row to row: ${edge} does not come after ${pe} (list rows from the lowest values up; "from: x" then "above: x" is the only way to repeat an edge)`,
          );
      }
    });
  }
}

/** A parsed definition, as the compiler, runtime and pages use it. */
export type Calculator = z.infer<typeof CalculatorSchema>;
/** A definition as an author writes it (defaults not yet applied). */
export type CalculatorInput = z.input<typeof CalculatorSchema>;
