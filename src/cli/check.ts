/** `npm run check`: lints every definition and prints every problem in every file, then exits 1 if any. */
import { loadCatalog } from '../catalog/load';
import { jsonSchemaDrift } from '../catalog/json-schemas';
import { unitDocsDrift } from '../catalog/unit-docs';
import { errorsOf, formatProblem, githubAnnotation } from '../catalog/problems';

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

const { entries, problems } = loadCatalog();
for (const p of problems) {
  console.error(formatProblem(p));
  if (process.env.GITHUB_ACTIONS) console.log(githubAnnotation(p));
}
// The build (src/integrations/models.mjs) checks the definitions; generated files are the repository's concern.
const schemaProblems = process.argv.includes('--build') ? 0 : checkJsonSchemas();
const errors = errorsOf(problems);
const warnings = problems.length - errors.length;
if (warnings) console.error(`${warnings} warning${warnings === 1 ? '' : 's'} (printed above; they do not fail the check).`);
if (errors.length || schemaProblems) {
  const files = new Set(errors.map((p) => p.file)).size + schemaProblems;
  const total = errors.length + schemaProblems;
  console.error(`\n${total} problem${total === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`);
  process.exit(1);
}
console.log(`${entries.length} calculators checked, no problems; JSON Schemas in sync.`);
