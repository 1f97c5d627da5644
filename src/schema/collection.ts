import { z } from 'zod';
import { IdentifierSchema, ToneSchema } from './common';
import { ReferenceSchema } from './reference';

/** A calculator id as its folder is named (kebab-case), e.g. `wells-pe`. */
const CalculatorIdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a calculator id is its folder name under calculators/, kebab-case, e.g. "wells-pe"');

/** `<calculator id>.<output id>`, e.g. `wells-pe.two_tier`. */
export const CONDITION_KEY = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z][a-z0-9_]*)$/;

/** One calculator of a collection, in the order the page shows it. */
export const CollectionMemberSchema = z
  .object({
    /** Id of the calculator (its folder under calculators/), e.g. `wells-pe`. */
    id: CalculatorIdSchema,
    /** When in the question this calculator is used, e.g. "Once PE is confirmed: who can be treated at home". */
    use: z.string().min(1).optional(),
  })
  .strict();

/**
 * One step of the pathway. The page shows, as the next step, the first step (in order) whose `when`
 * holds: every `<calculator>.<output>` named there has a result in one of the bands listed (by the
 * band's label in that calculator's interpretation, as its own model chose it). A step without
 * `when` always holds: the "otherwise" step, last.
 */
export const PathwayStepSchema = z
  .object({
    /** Short id of the step, unique in the collection, e.g. `perc_negative`. */
    id: IdentifierSchema,
    /**
     * The bands that lead to this step: `<calculator id>.<output id>: [band label, …]`, e.g.
     * `wells-pe.two_tier: [PE unlikely]`. All entries must hold; within one entry, any band listed.
     */
    when: z
      .record(z.string().regex(CONDITION_KEY, 'a condition names `<calculator id>.<output id>`, e.g. "wells-pe.two_tier"'), z.array(z.string().min(1)).min(1))
      .optional(),
    /** What to do next, one or two sentences. */
    then: z.string().min(1),
    /** Colour of the step: ok, info, warn, danger. */
    tone: ToneSchema.default('info'),
    /** Where the decision comes from: the guideline or paper (with a DOI, a PMID or a URL), and where in it. */
    source: ReferenceSchema,
  })
  .strict();

/**
 * A stage of the pathway: an ordered list of steps, of which the page shows the first that holds as
 * this stage's next step. Stages are decided independently (e.g. "Diagnosis", then "Once PE is confirmed").
 */
export const PathwayStageSchema = z
  .object({
    /** What the stage decides, e.g. "Diagnosis" or "Once PE is confirmed: site of care". */
    stage: z.string().min(1),
    /** The steps, in the order they are tried; the last may have no `when` ("otherwise"). */
    steps: z.array(PathwayStepSchema).min(1),
  })
  .strict();

/** A collection: the contents of `collections/<id>.yaml`. */
export const CollectionSchema = z
  .object({
    /** Page title, e.g. "Suspected pulmonary embolism". */
    title: z.string().min(1),
    /** Short name for lists and the browser tab, e.g. "Suspected PE". */
    short: z.string().optional(),
    /** One or two sentences: what the collection helps decide. */
    summary: z.string().min(1),
    /** The clinical question, as a question, e.g. "Does this patient need imaging for PE, and can they be treated at home?". */
    question: z.string().min(1),
    /** Semantic version of this collection, e.g. 1.0.0. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version is MAJOR.MINOR.PATCH, e.g. 1.0.0'),
    /** Specialties it belongs to, lower case, e.g. [emergency medicine]. */
    specialties: z.array(z.string().regex(/^[a-z][a-z -]*$/, 'a specialty is lower-case words')).min(1),
    /** Other names people search for. */
    synonyms: z.array(z.string().min(1)).default([]),
    /** The calculators, in the order they are used (at least two). */
    members: z.array(CollectionMemberSchema).min(2),
    /** The stages of the pathway, each an ordered list of steps and decisions between the members. */
    pathway: z.array(PathwayStageSchema).min(1),
    /** Caveats, and values not confirmed from two sources, shown on the page. */
    notes: z.array(z.string().min(1)).default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.members.forEach((m, k) => {
      if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: ['members', k, 'id'], message: `"${m.id}" is already a member; list each calculator once` });
      seen.add(m.id);
    });
    const steps = new Set<string>();
    c.pathway.forEach((stage, g) =>
      stage.steps.forEach((s, k) => {
        if (steps.has(s.id))
          ctx.addIssue({ code: 'custom', path: ['pathway', g, 'steps', k, 'id'], message: `"${s.id}" is already the id of a step; step ids must be unique` });
        steps.add(s.id);
        if (!s.when && k < stage.steps.length - 1)
          ctx.addIssue({
            code: 'custom',
            path: ['pathway', g, 'steps', k],
            message: `a step without \`when\` always holds, so the ${stage.steps.length - 1 - k} step(s) after it are never reached: give it a \`when\` or move it last`,
          });
      }),
    );
  });

export type Collection = z.infer<typeof CollectionSchema>;
export type PathwayStage = z.infer<typeof PathwayStageSchema>;
export type PathwayStep = z.infer<typeof PathwayStepSchema>;
