/** `npm run check`: lints every definition and prints every problem in every file, then exits 1 if any. */
import { loadCatalog } from '../catalog/load';
import { formatProblem, githubAnnotation } from '../catalog/problems';

const { entries, problems } = loadCatalog();
for (const p of problems) {
  console.error(formatProblem(p));
  if (process.env.GITHUB_ACTIONS) console.log(githubAnnotation(p));
}
if (problems.length) {
  const files = new Set(problems.map((p) => p.file)).size;
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`);
  process.exit(1);
}
console.log(`${entries.length} calculators checked, no problems.`);
