/** Reads every calculator folder from disk (build time, CLI and tests; never in the browser). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CalculatorSchema, CasesSchema, type Calculator, type Case } from '../schema';
import { parseFriendly } from '../schema/friendly';
import { lintCases, lintDefinition } from './lint';
import type { FileProblem } from './problems';
import { locate, readYaml } from './yaml';

/** One calculator as found on disk. */
export interface CatalogEntry {
  id: string;
  calc: Calculator;
  cases: Case[];
  /** notes.md, raw markdown, if present. */
  notes?: string;
}

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Folder of the repository: every npm script runs from there (import.meta.url moves in bundles). */
export const ROOT = process.cwd();
export const CALCULATORS_DIR = join(ROOT, 'calculators');

/** Loads and checks every calculator; returns the valid ones and every problem in every file. */
export function loadCatalog(dir = CALCULATORS_DIR): { entries: CatalogEntry[]; problems: FileProblem[] } {
  const entries: CatalogEntry[] = [];
  const problems: FileProblem[] = [];
  const rel = (f: string) => relative(process.cwd(), f) || f;
  const ids = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('_')).map((d) => d.name).sort() : [];
  for (const id of ids) {
    const defFile = join(dir, id, 'calculator.yaml');
    const casesFile = join(dir, id, 'cases.yaml');
    if (!ID_PATTERN.test(id)) {
      const fix = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      problems.push({ file: rel(join(dir, id)), line: 1, path: [], message: `folder name "${id}" is not a kebab-case id (it becomes the URL /c/<id>/)`, hint: `rename the folder to "${fix}"` });
      continue;
    }
    if (!existsSync(defFile)) {
      problems.push({ file: rel(join(dir, id)), line: 1, path: [], message: 'has no calculator.yaml', hint: 'every calculator folder holds calculator.yaml and cases.yaml; copy them from a similar calculator' });
      continue;
    }
    const def = readYaml(rel(defFile), readFileSync(defFile, 'utf8'));
    problems.push(...def.syntax);
    if (def.syntax.length) continue;
    const parsed = parseFriendly(CalculatorSchema, def.data);
    if (!parsed.ok) {
      problems.push(...locate(def, parsed.problems));
      continue;
    }
    const defProblems = locate(def, lintDefinition(parsed.value));
    problems.push(...defProblems);
    if (!existsSync(casesFile)) {
      problems.push({ file: rel(casesFile), line: 1, path: [], message: 'is missing: every calculator needs at least 3 worked examples', hint: 'add cases.yaml with cases from the primary reference (see CONTRIBUTING.md)' });
      continue;
    }
    const cy = readYaml(rel(casesFile), readFileSync(casesFile, 'utf8'));
    problems.push(...cy.syntax);
    if (cy.syntax.length) continue;
    const cases = parseFriendly(CasesSchema, cy.data);
    if (!cases.ok) {
      problems.push(...locate(cy, cases.problems));
      continue;
    }
    const caseProblems = locate(cy, lintCases(parsed.value, cases.value));
    problems.push(...caseProblems);
    if (defProblems.length || caseProblems.length) continue;
    const notesFile = join(dir, id, 'notes.md');
    entries.push({ id, calc: parsed.value, cases: cases.value, notes: existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : undefined });
  }
  return { entries, problems };
}
