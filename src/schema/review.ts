import { z } from 'zod';

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD, e.g. 2026-11-26');

/** One clinical reviewer of a definition. */
export const ReviewerSchema = z
  .object({
    /** Name as it should be shown. */
    name: z.string().min(1),
    /** Role or qualification, e.g. "nephrologist". */
    role: z.string().optional(),
  })
  .strict();

/** One entry of a calculator's change log. */
export const ChangeSchema = z
  .object({
    /** Version this entry describes (MAJOR.MINOR.PATCH). */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version is MAJOR.MINOR.PATCH, e.g. 1.0.0'),
    /** When it was released. */
    date: DateSchema,
    /** What changed, in a sentence or two. */
    changes: z.string().min(1),
  })
  .strict();

/** Review status, reviewers and history of a definition. */
export const ReviewFields = {
  /** draft until a clinician other than the author has checked it against the primary source. */
  status: z.enum(['draft', 'reviewed']).default('draft'),
  /** Who reviewed it (required when status is reviewed). */
  reviewers: z.array(ReviewerSchema).default([]),
  /** Date of the last clinical review. */
  last_reviewed: DateSchema.optional(),
  /** Change log, newest first. */
  changelog: z.array(ChangeSchema).default([]),
  /** This calculator is an older version: the id of the current one, what changed and the source. */
  superseded_by: z
    .object({
      /** Id of the calculator that replaces this one. */
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is kebab-case'),
      /** What changed between the versions. */
      what_changed: z.string().min(1),
      /** Where the change comes from (guideline or paper). */
      source: z.string().min(1),
    })
    .strict()
    .optional(),
};

export type Reviewer = z.infer<typeof ReviewerSchema>;
export type Change = z.infer<typeof ChangeSchema>;
