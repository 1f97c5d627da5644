import { z } from 'zod';

/**
 * What models/manifest.json records for one compiled (or wrapped contributed) model. The one
 * definition of its shape: the compiler writes it, and the pages, exports, CLI and benchmarks read it
 * through this schema (src/definitions/models.ts), so a hand-edited or truncated manifest fails with
 * the field that is wrong instead of a page pinned to `undefined`.
 */
export const ManifestEntrySchema = z
  .object({
    /** Hex sha256 of models/<id>.onnx: the page checks the bytes it fetches against it. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().positive(),
    producer: z.string().min(1),
    ir_version: z.number().int().positive(),
    opset: z.record(z.string(), z.number().int()),
    /** Graph input names, in order. */
    inputs: z.array(z.string()),
    /** Graph output names, in order (each interpreted output adds `<id>.band`). */
    outputs: z.array(z.string()),
    /** For a contributed model: the file as contributed, and its sha256 (the shipped file wraps it). */
    source: z
      .object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), producer: z.string() })
      .strict()
      .optional(),
  })
  .strict();

export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

/** models/manifest.json: calculator id -> its model. */
export const ManifestSchema = z.record(z.string(), ManifestEntrySchema);
export type Manifest = z.infer<typeof ManifestSchema>;
