/**
 * The definition as the calculator island receives it. Astro serialises an island's props into the
 * page (HTML-escaped, with type tags) and the browser parses them before hydrating; what only the
 * static sections below the form show — formulas, where-clauses, summary, variant, synonyms, next
 * steps, evidence, model card, review history, all but the primary citation — stays out. For
 * APACHE II the full definition was 18.9 KB of its 117 KB page (issue 14: usable form ≤ 0.8 s).
 *
 * The island reads `title`, `version`, the review status (`status`, `reviewers`, `last_reviewed`), `inputs` (labels, units, limits, help, options, points), `tables`,
 * `outputs` (id, label, unit, decimals, format, primary, validity reason), `interpretation` and the
 * primary reference (the "copy to note" citation); test/unit/island-calc.test.ts checks that the
 * island's computations give the same results from this shape as from the full definition.
 */
import type { Calculator } from '../schema';

export function islandCalc(calc: Calculator): Calculator {
  // Tables stay (without their conversion notes): the island shows their rows beside each field and
  // lists what they scored.
  const { title, short, version, inputs, interpretation, status, reviewers, last_reviewed } = calc;
  const tables = calc.tables.map(({ conversion: _c, ...t }) => t);
  const outputs = calc.outputs.map(({ formula: _f, where: _w, points: _p, help: _h, ...o }) => o);
  const references = calc.references.filter((r) => r.primary).slice(0, 1);
  // Only fields the island does not read are left out (listed above); the type stays the definition's.
  // The review status goes into "copy to note" (a draft is said to be one wherever the result goes).
  return { title, short, version, inputs, tables, outputs, interpretation, references, status, reviewers, last_reviewed } as unknown as Calculator;
}
