/**
 * Reads and checks `collections/<id>.yaml` (build time, CLI and tests; never in the browser): YAML
 * syntax, placeholders, HTML, the schema (src/schema/collection.ts), then the lint that needs the
 * calculators: every member is a calculator, every condition names a member's output that has bands,
 * and every band label it lists is one of that output's bands. Problems come with file:line like a
 * calculator's (src/definitions/problems.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CollectionSchema, type Collection } from '../schema/collection';
import type { Calculator } from '../schema';
import { closest, parseFriendly, type Problem } from '../schema/friendly';
import { tagged } from '../definitions/checks';
import { htmlInYaml } from '../definitions/lint-html';
import { todoProblems } from '../definitions/lint';
import { errorsOf, type FileProblem } from '../definitions/problems';
import { CALCULATORS_DIR, ID_PATTERN } from '../definitions/ids';
import { locate, readYaml } from '../definitions/yaml';
import { conditionTarget } from './pathway';

/**
 * `collections/` beside `calculators/` (so a test's copy of calculators/ has none unless it makes
 * one), or `BEDSIDE_COLLECTIONS_DIR`.
 */
export const COLLECTIONS_DIR = process.env.BEDSIDE_COLLECTIONS_DIR
  ? resolve(process.env.BEDSIDE_COLLECTIONS_DIR)
  : join(dirname(CALCULATORS_DIR), 'collections');

export interface CollectionEntry {
  id: string;
  collection: Collection;
}

/** The problems of a schema-valid collection against the calculators it names (by id). */
export function lintCollection(c: Collection, calcs: ReadonlyMap<string, Calculator>): Problem[] {
  const problems: Problem[] = [];
  const ids = [...calcs.keys()];
  const members = c.members.map((m) => m.id);
  c.members.forEach((m, k) => {
    if (calcs.has(m.id)) return;
    const near = closest(m.id, ids);
    problems.push({
      path: ['members', k, 'id'],
      message: `"${m.id}" is not a calculator (no folder calculators/${m.id}/)`,
      hint: near ? `did you mean "${near}"?` : 'name a calculator by its folder name under calculators/',
    });
  });
  c.pathway.forEach((stage, g) =>
    stage.steps.forEach((step, k) => {
      for (const [key, labels] of Object.entries(step.when ?? {})) {
        const path = ['pathway', g, 'steps', k, 'when', key];
        const t = conditionTarget(key)!;
        if (!members.includes(t.member)) {
          const near = closest(t.member, members);
          problems.push({
            path,
            message: `"${t.member}" is not a member of this collection (members: ${members.join(', ')})`,
            hint: near ? `did you mean "${near}.${t.output}"?` : 'add the calculator to `members`, or name a member',
          });
          continue;
        }
        const calc = calcs.get(t.member);
        if (!calc) continue; // reported above, at the member
        const output = calc.outputs.find((o) => o.id === t.output);
        if (!output) {
          const outs = calc.outputs.map((o) => o.id);
          const near = closest(t.output, outs);
          problems.push({
            path,
            message: `"${t.output}" is not an output of ${t.member}. Expected one of: ${outs.join(', ')}`,
            hint: near ? `did you mean "${t.member}.${near}"?` : undefined,
          });
          continue;
        }
        const bands = calc.interpretation.find((it) => it.output === t.output)?.bands.map((b) => b.label);
        if (!bands) {
          const banded = calc.interpretation.map((it) => it.output);
          problems.push({
            path,
            message: `${t.member}.${t.output} has no interpretation bands, so no band can be matched${banded.length ? ` (outputs with bands: ${banded.join(', ')})` : ''}`,
            hint: "a decision reads the band the member's own model chose: name an output with bands",
          });
          continue;
        }
        labels.forEach((label, j) => {
          if (bands.includes(label)) return;
          // A band label shortened ("PERC negative" for "PERC negative — all 8 criteria absent") or misspelt.
          const near = bands.find((b) => b.toLowerCase().startsWith(label.toLowerCase())) ?? closest(label, bands);
          problems.push({
            path: [...path, j],
            message: `"${label}" is not a band of ${t.member}.${t.output}. Expected one of: ${bands.map((b) => `"${b}"`).join(', ')}`,
            hint: near ? `write "${near}"` : "copy the band label from that calculator's interpretation",
          });
        });
      }
    }),
  );
  return problems;
}

/**
 * Every collection (or only `only`) checked against `calcs` (the calculators by id); returns the
 * valid ones and every problem in every file.
 */
export function loadCollections(
  calcs: ReadonlyMap<string, Calculator>,
  dir = COLLECTIONS_DIR,
  only?: string[],
): { entries: CollectionEntry[]; problems: FileProblem[] } {
  const entries: CollectionEntry[] = [];
  const problems: FileProblem[] = [];
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
        .sort()
    : [];
  for (const name of files) {
    const id = name.replace(/\.yaml$/, '');
    if (only && !only.includes(id)) continue;
    const file = relative(process.cwd(), join(dir, name)) || name;
    if (!ID_PATTERN.test(id)) {
      problems.push({
        file,
        line: 1,
        path: [],
        check: 'collection',
        message: `file name "${name}" is not a kebab-case id (it becomes the URL /collections/<id>/)`,
        hint: `rename it to "${id
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}.yaml"`,
      });
      continue;
    }
    const y = readYaml(file, readFileSync(join(dir, name), 'utf8'));
    const found: FileProblem[] = [...y.syntax];
    if (!y.syntax.length) {
      const todos = todoProblems(y.data);
      found.push(...locate(y, todos), ...locate(y, tagged('html', htmlInYaml(y.data))));
      const parsed = parseFriendly(CollectionSchema, y.data);
      if (!parsed.ok)
        found.push(
          ...locate(
            y,
            tagged(
              'schema',
              parsed.problems.filter((p) => !todos.some((t) => t.path.join('.') === p.path.join('.'))),
            ),
          ),
        );
      else {
        found.push(...locate(y, tagged('collection', lintCollection(parsed.value, calcs))));
        if (!errorsOf(found).length) entries.push({ id, collection: parsed.value });
      }
    }
    problems.push(...found);
  }
  return { entries, problems };
}

/** Ids of the calculators the collections in `dir` name (to load only those with `--changed`). */
export function memberIds(dir = COLLECTIONS_DIR): string[] {
  if (!existsSync(dir)) return [];
  const ids = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const { data } = readYaml(f, readFileSync(join(dir, f), 'utf8'));
    const members = (data as { members?: unknown } | undefined)?.members;
    if (Array.isArray(members)) for (const m of members) if (typeof (m as { id?: unknown })?.id === 'string') ids.add((m as { id: string }).id);
  }
  return [...ids].sort();
}
