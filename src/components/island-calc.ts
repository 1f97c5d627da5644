/**
 * The definition as the calculator island receives it. Astro serialises an island's props into the
 * page (HTML-escaped, with type tags) and the browser parses them before hydrating; what only the
 * static sections below the form show — formulas, where-clauses, summary, variant, synonyms, next
 * steps, evidence, model card, review history, all but the primary citation — stays out. For
 * APACHE II the full definition was 18.9 KB of its 117 KB page (issue 14: usable form ≤ 0.8 s).
 *
 * The island reads `title`, `version`, `inputs` (labels, units, limits, help, options, points),
 * `outputs` (id, label, unit, decimals, format, primary, validity reason), `interpretation` and the
 * primary reference (the "copy to note" citation); test/unit/island-calc.test.ts checks that the
 * island's computations give the same results from this shape as from the full definition.
 */
import type { Calculator } from '../schema';

export function islandCalc(calc: Calculator): Calculator {
  const { title, short, version, inputs, interpretation } = calc;
  const outputs = calc.outputs.map(({ formula: _f, where: _w, points: _p, help: _h, ...o }) => o);
  const references = calc.references.filter((r) => r.primary).slice(0, 1);
  // Only fields the island does not read are left out (listed above); the type stays the definition's.
  return { title, short, version, inputs, outputs, interpretation, references } as unknown as Calculator;
}
