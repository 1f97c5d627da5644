/**
 * `npm run models`: compiles every definition to models/<id>.onnx and writes models/manifest.json.
 * `npm run models -- --check`: writes nothing; fails when a committed model or the manifest differs
 * from what the definitions compile to (stale, hand-edited, missing or orphaned).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { CALCULATORS_DIR, loadCatalog } from '../catalog/load';
import { MANIFEST_FILE, MODELS_DIR, modelFile, readManifest, type Manifest } from '../catalog/models';
import { formatProblem } from '../catalog/problems';
import { compileCalculator } from '../compiler/compile';

const checkOnly = process.argv.includes('--check');
const { entries, problems } = loadCatalog();
for (const p of problems) console.error(formatProblem(p));
if (problems.length) console.error(`\n${problems.length} problem(s) (npm run check): those calculators keep their previous model.\n`);
if (problems.length && checkOnly) process.exit(1);

// Calculators that failed to load keep their previous model and manifest entry, so one broken
// definition does not take the others' models away.
const folders = new Set(existsSync(CALCULATORS_DIR) ? readdirSync(CALCULATORS_DIR).filter((d) => !d.startsWith('_')) : []);
const previous = readManifest();
const manifest: Manifest = Object.fromEntries(Object.entries(previous).filter(([id]) => folders.has(id) && !entries.some((e) => e.id === id)));
const stale: string[] = [];
mkdirSync(MODELS_DIR, { recursive: true });
for (const { id, calc } of entries) {
  const { bytes, entry } = compileCalculator(id, calc);
  manifest[id] = entry!;
  const file = modelFile(id);
  const current = existsSync(file) ? readFileSync(file) : undefined;
  if (current && Buffer.compare(current, Buffer.from(bytes!)) === 0) continue;
  if (checkOnly) stale.push(`models/${id}.onnx ${current ? 'differs from what calculators/' + id + '/calculator.yaml compiles to (stale or edited by hand)' : 'is missing'}`);
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
  if (problems.length) process.exit(1);
}
