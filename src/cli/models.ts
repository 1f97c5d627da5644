/**
 * `npm run models`: compiles every definition to models/<id>.onnx and writes models/manifest.json.
 * `npm run models -- --check`: writes nothing; fails when a committed model or the manifest differs
 * from what the definitions compile to (stale, hand-edited, missing or orphaned).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALCULATORS_DIR, ROOT, loadCatalog } from '../definitions/load';
import { MANIFEST_FILE, MODELS_DIR, modelFile, readManifest, type Manifest } from '../definitions/models';
import { tagged } from '../definitions/checks';
import { errorsOf, formatProblem } from '../definitions/problems';
import { locate } from '../definitions/yaml';
import { compileCalculator } from '../compiler/compile';

const checkOnly = process.argv.includes('--check');
const { entries, problems: all } = loadCatalog();
// Warnings are `check`'s to print; a model is compiled whatever they say.
const problems = errorsOf(all);
for (const p of problems) console.error(formatProblem(p));
if (problems.length) console.error(`\n${problems.length} problem(s) (npm run check): those calculators keep their previous model.\n`);
if (problems.length && checkOnly) process.exit(1);

// Calculators that failed to load keep their previous model and manifest entry, so one broken
// definition does not take the others' models away.
const folders = new Set(existsSync(CALCULATORS_DIR) ? readdirSync(CALCULATORS_DIR).filter((d) => !d.startsWith('_')) : []);
// A manifest that does not parse (a merge conflict, a hand edit) is rebuilt from the definitions.
const previous = ((): Manifest => {
  try {
    return readManifest();
  } catch (e) {
    console.warn(`${(e as Error).message.replace(/; it is generated: run npm run models$/, '')}: writing it afresh`);
    return {};
  }
})();
const manifest: Manifest = Object.fromEntries(Object.entries(previous).filter(([id]) => folders.has(id) && !entries.some((e) => e.id === id)));
const stale: string[] = [];
let failed = false;
mkdirSync(MODELS_DIR, { recursive: true });
for (const { id, calc, source } of entries) {
  const sourceFile = calc.model ? join(ROOT, calc.model.file) : undefined;
  const { bytes, entry, problems: compileProblems } = compileCalculator(id, calc, sourceFile && existsSync(sourceFile) ? readFileSync(sourceFile) : undefined);
  if (compileProblems.length) {
    for (const p of locate(source!, tagged('model', compileProblems))) console.error(formatProblem(p));
    failed = true;
    continue;
  }
  manifest[id] = entry!;
  const file = modelFile(id);
  const current = existsSync(file) ? readFileSync(file) : undefined;
  if (current && Buffer.compare(current, Buffer.from(bytes!)) === 0) continue;
  if (checkOnly) stale.push(staleMessage(id, !!current, !!calc.model));
  else {
    writeFileSync(file, bytes!);
    console.log(`compiled models/${id}.onnx (${bytes!.length} bytes, sha256 ${entry!.sha256.slice(0, 12)}…)`);
  }
}
const orphans = readdirSync(MODELS_DIR).filter((f) => f.endsWith('.onnx') && !folders.has(f.slice(0, -5)));
const manifestText = `${JSON.stringify(Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`;
if (checkOnly) {
  stale.push(...orphans.map((f) => `models/${f} has no calculator definition (delete it, or restore its calculators/ folder)`));
  if (!existsSync(MANIFEST_FILE) || readFileSync(MANIFEST_FILE, 'utf8') !== manifestText) stale.push('models/manifest.json is out of date');
  if (failed) process.exit(1);
  if (stale.length) {
    console.error(`${stale.map((s) => `  ${s}`).join('\n')}\n\nModels are compiled, never edited by hand: run \`npm run models\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${entries.length} models up to date.`);
} else {
  for (const f of orphans) {
    unlinkSync(`${MODELS_DIR}/${f}`);
    console.log(`removed models/${f} (no definition)`);
  }
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(MANIFEST_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`${entries.length} models up to date.`);
  if (problems.length || failed) process.exit(1);
}

/** Why a model is refused, in words that tell a contributor what to do instead (CI prints this on the PR). */
function staleMessage(id: string, exists: boolean, contributed: boolean): string {
  const def = `calculators/${id}/calculator.yaml`;
  if (!exists) return `models/${id}.onnx is missing: run npm run models`;
  if (contributed) return `models/${id}.onnx differs from the contributed model that ${def} declares: run npm run models`;
  return `models/${id}.onnx differs from what ${def} compiles to. models/${id}.onnx is generated from ${def}; edit the definition and run npm run models instead of editing the model`;
}
