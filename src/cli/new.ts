/**
 * `npm run new -- <id>`: scaffolds calculators/<id>/ from calculators/_template/ — a small working
 * example whose comments teach the format and whose "TODO" placeholders `npm run check` lists
 * until each is replaced.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CALCULATORS_DIR, newIdProblem, ROOT } from '../definitions/ids';

const TEMPLATE_DIR = join(ROOT, 'calculators', '_template');

const id = process.argv.slice(2).join(' ').trim();
const existing = existsSync(CALCULATORS_DIR)
  ? readdirSync(CALCULATORS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : [];
const problem = newIdProblem(id, existing);
if (problem) {
  console.error(problem);
  process.exit(1);
}

const target = join(CALCULATORS_DIR, id);
const today = new Date().toISOString().slice(0, 10);
mkdirSync(target, { recursive: true });
const files = readdirSync(TEMPLATE_DIR).sort();
for (const f of files) writeFileSync(join(target, f), readFileSync(join(TEMPLATE_DIR, f), 'utf8').replaceAll('__ID__', id).replaceAll('__TODAY__', today));

const shown = relative(process.cwd(), target) || target;
console.log(`created ${shown}/ (${files.join(', ')})

Next (CONTRIBUTING.md has the details):
  1. Replace the example in calculator.yaml with your calculator, from the primary reference.
  2. Write cases.yaml from the source: every band, branch and boundary.
  3. npm run check                       lists every TODO and problem (file:line, what, the fix)
  4. npm run models                      compiles models/${id}.onnx
  5. npm run calc -- ${id} name=value ...   computes it from the shell
  6. npm test                            your cases, through the model and the real page`);
