/**
 * CI's "refuse hand-edited models" rule: a pull request that changes a generated model
 * (models/<id>.onnx, top level only) must also change what it is generated from — calculators/<id>/,
 * the contributed source it points at (contributed-models/<name>.onnx), or the compiler. A changed
 * contributed source is never refused here: `npm run models -- --check` then checks that the
 * committed wrapper matches it. Usage (as the workflow runs it): tsx src/cli/refuse-hand-edits.ts <base-sha>
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** models/<id>.onnx at the top of models/ (contributed sources live in contributed-models/). */
const GENERATED = /^models\/([a-z0-9-]+)\.onnx$/;

/** A generated model whose inputs did not change, with the message CI prints on the PR. */
export interface HandEdit {
  file: string;
  message: string;
}

/**
 * @param changed paths changed by the pull request (git diff --name-only base...HEAD)
 * @param sourceOf the contributed source a calculator's definition points at, if it has one
 * @param exists whether a path exists in the pull request's tree (a removed model is not an edit)
 */
export function handEditedModels(changed: string[], sourceOf: (id: string) => string | undefined, exists: (path: string) => boolean): HandEdit[] {
  const touched = (prefix: string) => changed.some((p) => p === prefix || p.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`));
  if (touched('src/compiler/')) return []; // a compiler change regenerates every model; --check verifies them
  return changed.flatMap((file) => {
    const m = GENERATED.exec(file);
    if (!m || !exists(file)) return [];
    const id = m[1];
    const source = sourceOf(id);
    if (touched(`calculators/${id}/`) || (source && changed.includes(source))) return [];
    const from = source ? `calculators/${id}/calculator.yaml and ${source}` : `calculators/${id}/calculator.yaml`;
    return [
      {
        file,
        message: `${file} changed but ${source ? `neither calculators/${id}/ nor ${source}` : `calculators/${id}/`} did. ${file} is generated from ${from}; edit the definition (or the contributed model) and run npm run models instead of editing the model.`,
      },
    ];
  });
}

/** The contributed source a committed definition points at (model.file), read without loading the catalogue. */
function contributedSource(id: string): string | undefined {
  const path = `calculators/${id}/calculator.yaml`;
  if (!existsSync(path)) return undefined;
  return /^\s+file:\s*(contributed-models\/[a-z0-9-]+\.onnx)\s*$/m.exec(readFileSync(path, 'utf8'))?.[1];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const base = process.argv[2];
  if (!base) throw new Error('usage: tsx src/cli/refuse-hand-edits.ts <base-sha>');
  const changed = execFileSync('git', ['diff', '--name-only', `${base}...HEAD`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const edits = handEditedModels(changed, contributedSource, existsSync);
  for (const e of edits) console.log(`::error file=${e.file}::${e.message}`);
  if (edits.length) process.exit(1);
  console.log('No hand-edited models.');
}
