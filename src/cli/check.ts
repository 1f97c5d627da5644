/** `npm run check`: lints every definition and prints every problem in every file, then exits 1 if any. */
import { loadCatalog } from '../definitions/load';
import { jsonSchemaDrift } from '../definitions/json-schemas';
import { formatProblem, githubAnnotation } from '../definitions/problems';

/** The committed JSON Schemas (schema/*.json) must be what src/schema/ generates; returns the number of problems. */
function checkJsonSchemas(): number {
  const drift = jsonSchemaDrift();
  for (const d of drift) {
    console.error(`${d}\n  Hint: schema/*.schema.json is generated from src/schema/*.ts; run \`npm run schemas\` and commit the result.`);
    if (process.env.GITHUB_ACTIONS) console.log(`::error file=${d.split(' ')[0]},line=1::${d}. Run npm run schemas and commit the result.`);
  }
  return drift.length;
}

const { entries, problems } = loadCatalog();
for (const p of problems) {
  console.error(formatProblem(p));
  if (process.env.GITHUB_ACTIONS) console.log(githubAnnotation(p));
}
const schemaProblems = checkJsonSchemas();
if (problems.length || schemaProblems) {
  const files = new Set(problems.map((p) => p.file)).size + schemaProblems;
  const total = problems.length + schemaProblems;
  console.error(`\n${total} problem${total === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`);
  process.exit(1);
}
console.log(`${entries.length} calculators checked, no problems; JSON Schemas in sync.`);
