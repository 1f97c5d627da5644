/**
 * Concepts on inputs (the patient context's matching key, src/units/concepts.ts): a declared concept
 * is known and fits the input (a number in a unit that converts to the concept's unit; `sex` on a
 * choice of Female and Male), and an input that looks like a known concept but declares none gets a
 * warning, so a new calculator joins the context unless its author decides it should not.
 */
import type { Calculator, Input } from '../schema';
import { closest, type Problem } from '../schema/friendly';
import { CONCEPTS, concept, conversionProblem } from '../units';

const SEX_LABELS = ['female', 'male'];

/** `concept: none`: the author decided this input is not a context quantity (a worst value in 24 h, a rectal temperature). */
export const NO_CONCEPT = 'none';

function declared(input: Input, k: number): Problem[] {
  const id = input.concept!;
  if (id === NO_CONCEPT) return [];
  const path = ['inputs', k, 'concept'];
  const c = concept(id);
  if (!c) {
    const near = closest(
      id,
      CONCEPTS.map((x) => x.id),
    );
    return [
      {
        path,
        message: `"${id}" is not a known concept. Expected one of: ${CONCEPTS.map((x) => x.id).join(', ')}`,
        hint: near ? `did you mean "${near}"?` : 'add the concept to src/units/concepts.ts, or remove `concept`',
      },
    ];
  }
  if (c.kind === 'sex') {
    if (input.type !== 'choice') return [{ path, message: `concept "sex" is a choice; ${input.id} is a ${input.type} input`, hint: 'remove `concept`' }];
    const labels = input.options.map((o) => o.label.toLowerCase());
    if (!SEX_LABELS.every((l) => labels.includes(l)))
      return [
        {
          path,
          message: `concept "sex" needs options labelled Female and Male; found ${input.options.map((o) => o.label).join(', ')}`,
          hint: 'label the options Female and Male, or remove `concept`',
        },
      ];
    return [];
  }
  if (input.type !== 'number')
    return [
      {
        path,
        message: `concept "${id}" is a measured number; ${input.id} is a ${input.type} input`,
        hint: 'declare concepts on number inputs only (a yes/no criterion is not the value)',
      },
    ];
  const why = conversionProblem(input.unit, c.unit!, input.analyte ?? c.analyte);
  if (why)
    return [
      {
        path,
        message: `concept "${id}" is measured in ${c.unit}; ${input.id}'s unit ${input.unit} does not convert to it (${why})`,
        hint: 'declare the concept this input really is, or remove `concept`',
      },
    ];
  if (input.analyte && c.analyte && input.analyte !== c.analyte)
    return [
      { path, message: `concept "${id}" is ${c.analyte}; ${input.id} declares analyte ${input.analyte}`, hint: 'declare the concept this input really is' },
    ];
  return [];
}

/** Problems with declared concepts (errors) and inputs that look like a concept but declare none (warnings). */
export function lintConcepts(calc: Calculator): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  calc.inputs.forEach((input, k) => {
    if (input.concept === NO_CONCEPT) return;
    if (input.concept) {
      problems.push(...declared(input, k).map((p) => ({ ...p, check: 'concept' })));
      const other = seen.get(input.concept);
      if (other)
        problems.push({
          path: ['inputs', k, 'concept'],
          check: 'concept',
          message: `${other} and ${input.id} both declare concept "${input.concept}": one value would fill both`,
          hint: 'declare the concept on the input that is that quantity only',
        });
      seen.set(input.concept, input.id);
      return;
    }
    if (input.type !== 'number' && input.type !== 'choice') return;
    const like = CONCEPTS.find(
      (c) => (c.kind === 'sex') === (input.type === 'choice') && (c.looksLike.ids.includes(input.id) || c.looksLike.label.test(input.label.trim())),
    );
    if (like)
      problems.push({
        path: ['inputs', k],
        check: 'concept-missing',
        severity: 'warning',
        message: `${input.id} ("${input.label}") looks like the concept "${like.id}" but declares none, so it is not filled from the patient context`,
        hint: `add \`concept: ${like.id}\` if it is exactly that quantity; if it is not (a different specimen, site or derived value), leave it without`,
      });
  });
  return problems;
}
