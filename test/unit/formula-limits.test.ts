/** A formula too large or too deep for the parser is refused with a friendly problem, not a stack trace (issue 15). */
import { describe, expect, test } from 'vitest';
import { checkOutputs, FORMULA_MAX_DEPTH, FORMULA_MAX_LENGTH } from '../../src/compiler/check';
import { loadCatalog } from '../../src/definitions/load';
import type { Calculator } from '../../src/schema';

const bmi = loadCatalog(undefined, ['bmi']).entries[0].calc;
const withFormula = (formula: string): Calculator => ({ ...bmi, outputs: [{ ...bmi.outputs[0], formula, where: {} }, ...bmi.outputs.slice(1)] }) as Calculator;
const id = bmi.inputs[0].id;

describe('formula limits', () => {
  test('20,000 terms: one problem naming the length and the fix', () => {
    const { problems } = checkOutputs(withFormula(Array(20_000).fill(id).join(' + ')));
    expect(problems[0]).toMatchObject({
      path: ['outputs', 0, 'formula'],
      message: `is too long (${20_000 * id.length + 19_999 * 3} characters; at most ${FORMULA_MAX_LENGTH})`,
      hint: 'split it into named steps under `where:`',
    });
  });

  test('nested parentheses beyond the limit: refused', () => {
    const n = FORMULA_MAX_DEPTH + 1;
    const { problems } = checkOutputs(withFormula(`${'('.repeat(n)}${id}${')'.repeat(n)}`));
    expect(problems[0].message).toBe(`is too deeply nested (${n} levels of parentheses; at most ${FORMULA_MAX_DEPTH})`);
  });

  test('just inside both limits: still checked normally', () => {
    const terms = Math.floor((FORMULA_MAX_LENGTH + 3) / (id.length + 3));
    expect(checkOutputs(withFormula(Array(terms).fill(id).join(' + '))).problems).toEqual([]);
    const n = FORMULA_MAX_DEPTH;
    expect(checkOutputs(withFormula(`${'('.repeat(n)}${id}${')'.repeat(n)}`)).problems).toEqual([]);
  });
});
