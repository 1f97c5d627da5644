/**
 * `npm run check`: lints every definition, then runs every calculator's worked examples through the
 * model its definition compiles to (in memory, seconds); prints every problem in every file with its
 * file:line, then exits 1 if any.
 * `npm run check -- --changed`: only the calculators changed against the merge base with main
 * (or origin/main), committed or not; every calculator when there is no git or no merge base.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkCases } from '../definitions/cases';
import { changedCalculators } from '../definitions/changed';
import { CALCULATORS_DIR, ROOT, loadCatalog, type CatalogEntry } from '../definitions/load';
import { jsonSchemaDrift } from '../definitions/json-schemas';
import { unitDocsDrift } from '../definitions/unit-docs';
import { errorsOf, formatProblem, githubAnnotation, type FileProblem } from '../definitions/problems';
import { readYaml } from '../definitions/yaml';
import { compileCalculator } from '../compiler/compile';
import { loadCollections, memberIds } from '../collections/load';
import { ModelRunner, type ModelRef } from '../runtime/session';

/** The committed JSON Schemas (schema/*.json) must be what src/schema/ generates; returns the number of problems. */
function checkJsonSchemas(): number {
  const drift = jsonSchemaDrift();
  for (const d of drift) {
    console.error(`${d}\n  Hint: schema/*.schema.json is generated from src/schema/*.ts; run \`npm run schemas\` and commit the result.`);
    if (process.env.GITHUB_ACTIONS) console.log(`::error file=${d.split(' ')[0]},line=1::${d}. Run npm run schemas and commit the result.`);
  }
  const units = unitDocsDrift();
  if (units) console.error(`${units}\n  Hint: the unit tables are generated from src/units; run \`npm run schemas\` and commit the result.`);
  return drift.length + (units ? 1 : 0);
}

/** Every worked example of `entries` through the model its definition compiles to; located problems. */
async function checkAllCases(entries: CatalogEntry[]): Promise<{ problems: FileProblem[]; cases: number }> {
  const bytes = new Map<string, Uint8Array>();
  const runner = new ModelRunner(async (url) => bytes.get(url)!);
  const problems: FileProblem[] = [];
  let cases = 0;
  for (const { id, calc, cases: list } of entries) {
    const source = calc.model ? join(ROOT, calc.model.file) : undefined;
    const compiled = compileCalculator(id, calc, source && existsSync(source) ? readFileSync(source) : undefined);
    const file = relative(process.cwd(), join(CALCULATORS_DIR, id, 'cases.yaml'));
    if (!compiled.bytes || !compiled.entry) {
      // Reported by the lint (or by npm run models) already; the cases cannot run without a model.
      const def = relative(process.cwd(), join(CALCULATORS_DIR, id, 'calculator.yaml'));
      problems.push(...compiled.problems.map((p) => ({ ...p, file: def, line: readYaml(def, readFileSync(def, 'utf8')).lineOf(p.path) })));
      continue;
    }
    const ref: ModelRef = { id, url: `memory:${id}`, sha256: compiled.entry.sha256, inputs: compiled.entry.inputs, outputs: compiled.entry.outputs };
    bytes.set(ref.url, compiled.bytes);
    const yaml = readYaml(file, readFileSync(file, 'utf8'));
    const found = await checkCases(runner, ref, calc, list);
    cases += list.length;
    found.forEach((mismatches, k) => {
      for (const m of mismatches)
        problems.push({
          file,
          line: yaml.lineOf(m.path),
          path: m.path,
          message: `case "${list[k].name}": ${m.message}`,
          hint: `recompute the expected value from the source (${list[k].source}); if the case is right, the definition in calculator.yaml is wrong`,
        });
    });
  }
  return { problems, cases };
}

async function main(): Promise<void> {
  const started = performance.now();
  // The build (src/integrations/models.mjs) checks the definitions only; the worked examples and the
  // generated files are the repository's concern (npm test).
  const build = process.argv.includes('--build');
  let only: string[] | undefined;
  if (process.argv.includes('--changed')) {
    const { ids, why, shared } = changedCalculators();
    if (ids) {
      console.log(ids.length ? `Checking ${ids.length} calculator${ids.length === 1 ? '' : 's'} ${why}: ${ids.join(', ')}` : `No calculator ${why}.`);
      if (shared) console.log(`Also changed, and used by every calculator: ${shared.join(', ')}. Run npm run check (without --changed) to check them all.`);
      only = ids;
    } else console.log(`Checking every calculator: ${why}.`);
  }
  const { entries, problems } = only && !only.length ? { entries: [], problems: [] } : loadCatalog(undefined, only);
  const ran = build ? { problems: [], cases: 0 } : await checkAllCases(entries);
  // Collections (collections/<id>.yaml) are checked against the calculators they name, every time:
  // a renamed band or output in a member breaks the collection, not only the member.
  const needed = memberIds().filter((id) => !entries.some((e) => e.id === id));
  const members = new Map([...entries, ...(needed.length ? loadCatalog(undefined, needed).entries : [])].map((e) => [e.id, e.calc]));
  const collections = loadCollections(members);
  const all = [...problems, ...ran.problems, ...collections.problems];
  for (const p of all) {
    console.error(formatProblem(p));
    if (process.env.GITHUB_ACTIONS) console.log(githubAnnotation(p));
  }
  const schemaProblems = build ? 0 : checkJsonSchemas();
  const errors = errorsOf(all);
  const warnings = all.length - errors.length;
  if (warnings) console.error(`${warnings} warning${warnings === 1 ? '' : 's'} (printed above; they do not fail the check).`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (errors.length || schemaProblems) {
    const files = new Set(errors.map((p) => p.file)).size + schemaProblems;
    const total = errors.length + schemaProblems;
    console.error(`\n${total} problem${total === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`);
    process.exit(1);
  }
  console.log(
    `${entries.length} calculators checked, ${ran.cases} worked examples hold through their compiled models, no problems; ${collections.entries.length} collections checked; JSON Schemas in sync (${seconds} s).`,
  );
}

await main();
