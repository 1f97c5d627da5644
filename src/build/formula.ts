/**
 * Build time only: the "Formula" section's MathML, rendered from the same checked expressions that
 * are compiled to ONNX (so the formula shown is the one that runs). Pages call this while Astro
 * generates them; no browser bundle imports it (test/unit/import-rules.test.ts).
 */
import { checkOutputs } from '../compiler/check';
import { outputMathML } from '../compiler/latex';
import type { Calculator } from '../schema';

/** One rendered formula: the output it computes and its MathML. */
export interface RenderedFormula {
  id: string;
  label: string;
  mathml: string;
}

/** The MathML of every output computed by a formula (not points sums, not a trained model's column). */
export function formulasOf(calc: Calculator): RenderedFormula[] {
  const { outputs } = checkOutputs(calc);
  const labels = Object.fromEntries(calc.inputs.map((i) => [i.id, i.id]));
  return outputs.flatMap((o) => {
    const def = calc.outputs.find((d) => d.id === o.id)!;
    return def.points || def.from_model ? [] : [{ id: o.id, label: def.label, mathml: outputMathML(o, labels) }];
  });
}
