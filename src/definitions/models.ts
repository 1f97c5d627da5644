/** Where compiled models and their manifest live, and how to read them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestEntry } from '../compiler/compile';
import type { ModelRef } from '../runtime/session';
import { ROOT } from './load';

export const MODELS_DIR = join(ROOT, 'models');
export const MANIFEST_FILE = join(MODELS_DIR, 'manifest.json');
export const modelFile = (id: string) => join(MODELS_DIR, `${id}.onnx`);

export type Manifest = Record<string, ManifestEntry>;

export function readManifest(): Manifest {
  return existsSync(MANIFEST_FILE) ? JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) : {};
}

/** The committed model of a calculator, as the Node runtime loads it. */
export function modelRef(id: string, manifest: Manifest = readManifest()): ModelRef {
  const m = manifest[id];
  if (!m) throw new Error(`models/manifest.json has no entry for ${id}; run npm run models`);
  return { id, url: modelFile(id), sha256: m.sha256, inputs: m.inputs, outputs: m.outputs };
}
