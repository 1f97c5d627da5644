/** Reads every calculator folder from disk (build time, CLI and tests; never in the browser). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CalculatorSchema, CasesSchema, type Calculator, type Case } from '../schema';
import { closest, parseFriendly } from '../schema/friendly';
import { lintCases, lintDefinition, todoLines, todoProblems } from './lint';
import { tagged } from './checks';
import { htmlInMarkdown, htmlInYaml } from './lint-html';
import { errorsOf, type FileProblem } from './problems';
import { locate, readYaml, type YamlFile } from './yaml';
import { CALCULATORS_DIR, ID_PATTERN } from './ids';

/** One calculator as found on disk. */
export interface CatalogEntry {
  id: string;
  calc: Calculator;
  cases: Case[];
  /** notes.md, raw markdown, if present. */
  notes?: string;
  /** calculator.yaml as read, to locate problems found later (compiling the model) at their line. */
  source?: YamlFile;
}

export { CALCULATORS_DIR, ID_PATTERN, ROOT } from './ids';

/**
 * Loads and checks every calculator (or only those in `only`); returns the valid ones and every
 * problem in every file.
 */
export function loadCatalog(dir = CALCULATORS_DIR, only?: string[]): { entries: CatalogEntry[]; problems: FileProblem[] } {
  const entries: CatalogEntry[] = [];
  const problems: FileProblem[] = [];
  const rel = (f: string) => relative(process.cwd(), f) || f;
  const defs = new Map<string, YamlFile>();
  const ids = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
        .map((d) => d.name)
        .filter((d) => !only || only.includes(d))
        .sort()
    : [];
  for (const id of ids) {
    const defFile = join(dir, id, 'calculator.yaml');
    if (!ID_PATTERN.test(id)) {
      const fix = id
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      problems.push({
        file: rel(join(dir, id)),
        line: 1,
        path: [],
        check: 'folder',
        message: `folder name "${id}" is not a kebab-case id (it becomes the URL /c/<id>/)`,
        hint: `rename the folder to "${fix}"`,
      });
      continue;
    }
    if (!existsSync(defFile)) {
      problems.push({
        file: rel(join(dir, id)),
        line: 1,
        path: [],
        check: 'folder',
        message: 'has no calculator.yaml',
        hint: 'every calculator folder holds calculator.yaml and cases.yaml; copy them from a similar calculator',
      });
      continue;
    }
    const def = readYaml(rel(defFile), readFileSync(defFile, 'utf8'));
    const defProblems: FileProblem[] = [...def.syntax];
    let calc: Calculator | undefined;
    if (!def.syntax.length) {
      // Placeholders left from calculators/_template/ are reported first; a schema complaint about
      // the same field (e.g. specialties: [TODO]) would only repeat it.
      const todos = todoProblems(def.data);
      defProblems.push(...locate(def, todos), ...locate(def, tagged('html', htmlInYaml(def.data))));
      const isTodo = (path: (string | number)[]) => todos.some((t) => t.path.join('.') === path.join('.'));
      const parsed = parseFriendly(CalculatorSchema, def.data);
      if (!parsed.ok)
        defProblems.push(
          ...locate(
            def,
            tagged(
              'schema',
              parsed.problems.filter((p) => !isTodo(p.path)),
            ),
          ),
        );
      else {
        calc = parsed.value;
        defs.set(id, def);
        defProblems.push(...locate(def, lintDefinition(calc)));
      }
    }
    // cases.yaml and notes.md are read even when the definition has problems, so one run shows all.
    const side = readSideFiles(join(dir, id), rel);
    // Cases are read through the definition's units: with a unit problem there, that problem is the report.
    const caseProblems = calc && side.cases && !errorsOf(defProblems).length ? locate(side.cy!, lintCases(calc, side.cases)) : [];
    problems.push(...defProblems, ...side.problems, ...caseProblems);
    if (!calc || !side.cases || errorsOf(defProblems).length || errorsOf(side.problems).length || errorsOf(caseProblems).length) continue;
    entries.push({ id, calc, cases: side.cases, notes: side.notes, source: def });
  }
  problems.push(...supersededProblems(dir, entries, defs));
  // Files with an error, once (a superseded_by problem can drop an entry kept above).
  const failing = new Set(errorsOf(problems).map((p) => p.file));
  return {
    entries: entries.filter((e) => {
      const file = defs.get(e.id)?.file;
      return file === undefined || !failing.has(file);
    }),
    problems,
  };
}

/** `superseded_by.id` must name another calculator folder (checked against all folders, even with `only`). */
function supersededProblems(dir: string, entries: CatalogEntry[], defs: Map<string, YamlFile>): FileProblem[] {
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name);
  return entries.flatMap(({ id, calc }) => {
    const target = calc.superseded_by?.id;
    if (target === undefined || (target !== id && folders.includes(target))) return [];
    const def = defs.get(id)!;
    const path = ['superseded_by', 'id'];
    const near = closest(
      target,
      folders.filter((f) => f !== id),
    );
    return [
      {
        file: def.file,
        line: def.lineOf(path),
        path,
        check: 'superseded',
        message: target === id ? 'a calculator cannot supersede itself' : `"${target}" is not a calculator (no folder calculators/${target}/)`,
        hint: near ? `did you mean "${near}"?` : 'give the id (folder name) of the calculator that replaces this one',
      },
    ];
  });
}

/** cases.yaml (syntax, placeholders, schema) and notes.md (placeholders): what needs no definition to check. */
function readSideFiles(folder: string, rel: (f: string) => string): { problems: FileProblem[]; cases?: Case[]; cy?: YamlFile; notes?: string } {
  const casesFile = join(folder, 'cases.yaml');
  const notesFile = join(folder, 'notes.md');
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : undefined;
  const problems: FileProblem[] = (notes === undefined ? [] : todoLines(notes)).map((t) => ({
    file: rel(notesFile),
    line: t.line,
    path: [],
    check: 'placeholders',
    message: `still the template's placeholder: "${t.text}"`,
    hint: 'write the evidence, pearls and pitfalls, or delete notes.md (it is optional)',
  }));
  if (notes !== undefined) problems.push(...htmlInMarkdown(notes).map((h) => ({ file: rel(notesFile), path: [], check: 'html', ...h })));
  if (!existsSync(casesFile)) {
    problems.unshift({
      file: rel(casesFile),
      line: 1,
      path: [],
      check: 'folder',
      message: 'is missing: every calculator needs at least 3 worked examples',
      hint: 'add cases.yaml with cases from the primary reference (see CONTRIBUTING.md)',
    });
    return { problems, notes };
  }
  const cy = readYaml(rel(casesFile), readFileSync(casesFile, 'utf8'));
  if (cy.syntax.length) return { problems: [...cy.syntax, ...problems], notes };
  const parsed = parseFriendly(CasesSchema, cy.data);
  const caseProblems = [
    ...locate(cy, todoProblems(cy.data)),
    ...locate(cy, tagged('html', htmlInYaml(cy.data))),
    ...(parsed.ok ? [] : locate(cy, tagged('schema', parsed.problems))),
  ];
  return { problems: [...caseProblems, ...problems], cases: parsed.ok ? parsed.value : undefined, cy, notes };
}
