/**
 * Where a compiled model is published: content-addressed names, models/<id>.<sha256:16>.onnx, so a
 * new deploy never pairs an open page with a different model. Used by the pages (the island's
 * ModelRef), the models integration (which copies the files) and the benchmark.
 */
import type { ManifestEntry } from '../schema/manifest';
import type { ModelRef } from '../runtime/session';

/** File name a model is published under. */
export const publishedName = (id: string, sha256: string): string => `${id}.${sha256.slice(0, 16)}.onnx`;

/** The runtime's ModelRef for a models/manifest.json entry, as a page served under `base` fetches it. */
export const publishedRef = (id: string, m: Pick<ManifestEntry, 'sha256' | 'inputs' | 'outputs'>, base: string): ModelRef => ({
  id,
  url: `${base}models/${publishedName(id, m.sha256)}`,
  sha256: m.sha256,
  inputs: m.inputs,
  outputs: m.outputs,
});
