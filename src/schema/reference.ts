import { z } from 'zod';

/** A bibliographic reference. At least one of `doi`, `pmid` or `url` locates it. */
export const ReferenceSchema = z
  .object({
    /** Citation as it should be printed, e.g. "Inker LA et al. N Engl J Med 2021;385:1737-49". */
    cite: z.string().min(1),
    /** DOI without the resolver prefix, e.g. `10.1056/NEJMoa2102953`. */
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1056/NEJMoa2102953 (no https://doi.org/ prefix)')
      .optional(),
    /** PubMed identifier (digits only). */
    pmid: z
      .union([z.string().regex(/^\d{1,9}$/, 'a PMID is digits only, e.g. "10744147"'), z.number().int().nonnegative().max(999_999_999)])
      .transform(String)
      .optional(),
    /** A stable URL, for guidelines and policies without a DOI. */
    url: z.string().url().optional(),
    /** The reference the formula or point values come from. Exactly one per calculator. */
    primary: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.doi || r.pmid || r.url, {
    message: 'a reference needs a doi, a pmid or a url so a reader can find it',
  });

export type Reference = z.infer<typeof ReferenceSchema>;
