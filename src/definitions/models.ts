/** Where compiled models and their manifest live, and how to read them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestSchema, type Manifest } from '../schema/manifest';
import { formatPath } from '../schema/friendly';
import type { ModelRef } from '../runtime/session';
import { ROOT } from './load';

export const MODELS_DIR = join(ROOT, 'models');
export const MANIFEST_FILE = join(MODELS_DIR, 'manifest.json');
export const modelFile = (id: string) => join(MODELS_DIR, `${id}.onnx`);

export type { Manifest };

/** models/manifest.json, checked against its schema (empty before the first `npm run models`). */
export function readManifest(file = MANIFEST_FILE): Manifest {
  return existsSync(file) ? parseManifest(JSON.parse(readFileSync(file, 'utf8')), file) : {};
}

/** A manifest's JSON checked against ManifestSchema: every wrong field named, and how to fix it. */
export function parseManifest(json: unknown, where = 'models/manifest.json'): Manifest {
  const r = ManifestSchema.safeParse(json);
  if (r.success) return r.data;
  const wrong = r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; ');
  throw new Error(`${where} is not a valid manifest (${wrong}); it is generated: run npm run models`);
}

/** The committed model of a calculator, as the Node runtime loads it. */
export function modelRef(id: string, manifest: Manifest = readManifest()): ModelRef {
  const m = manifest[id];
  if (!m) throw new Error(`models/manifest.json has no entry for ${id}; run npm run models`);
  return { id, url: modelFile(id), sha256: m.sha256, inputs: m.inputs, outputs: m.outputs };
}
