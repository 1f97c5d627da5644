/** Checks that need more than the schema: units, formulas, and worked examples against the definition. */
import { checkOutputs } from '../compiler/check';
import { tagged } from './checks';
import { lintConcepts } from './lint-concepts';
import { lintFormulas } from './lint-formulas';
import type { Calculator, Case } from '../schema';
import { closest, type Problem } from '../schema/friendly';
import { readValue } from '../runtime/values';
import { conversionProblem, lookupUnit, unitBySymbol, unitSymbols, UNITS } from '../units';

function unitProblem(symbol: string, path: (string | number)[]): Problem | undefined {
  if (unitBySymbol(symbol)) return undefined;
  // An alias ("mg/dl"), or how the page shows a unit ("beats/min" is bpm), before a spelling guess.
  const alias = lookupUnit(symbol) ?? UNITS.find((u) => u.display.toLowerCase() === symbol.toLowerCase());
  const near = alias?.symbol ?? closest(symbol, unitSymbols());
  return {
    path,
    message: `"${symbol}" is not a known unit. Expected one of: ${unitSymbols().join(', ')}`,
    hint: near ? `unit symbols are case-sensitive; write "${near}"` : 'add the unit to src/units/catalogue.ts with its conversion factor and source',
  };
}

/** Every problem with units and formulas in a schema-valid definition, each tagged with its check. */
export function lintDefinition(calc: Calculator): Problem[] {
  return [...tagged('units', lintUnits(calc)), ...tagged('formulas', checkOutputs(calc).problems), ...lintFormulas(calc), ...lintConcepts(calc)];
}

/** Units known, and convertible to their input's canonical unit. */
function lintUnits(calc: Calculator): Problem[] {
  const problems: Problem[] = [];
  calc.inputs.forEach((input, k) => {
    if (input.type !== 'number') return;
    const p = unitProblem(input.unit, ['inputs', k, 'unit']);
    if (p) return void problems.push(p);
    input.units.forEach((u, j) => {
      const up = unitProblem(u, ['inputs', k, 'units', j]);
      if (up) return void problems.push(up);
      const why = conversionProblem(u, input.unit, input.analyte);
      if (why) problems.push({ path: ['inputs', k, 'units', j], message: `"${u}" cannot be converted to ${input.unit}: ${why}` });
    });
  });
  calc.outputs.forEach((o, k) => {
    if (o.unit !== undefined && o.unit !== '') {
      const p = unitProblem(o.unit, ['outputs', k, 'unit']);
      if (p) problems.push(p);
    }
  });
  return problems;
}

/** Every problem in a calculator's worked examples. */
export function lintCases(calc: Calculator, cases: Case[]): Problem[] {
  return tagged('cases', caseProblems(calc, cases));
}

function caseProblems(calc: Calculator, cases: Case[]): Problem[] {
  const problems: Problem[] = [];
  const outputIds = calc.outputs.map((o) => o.id);
  cases.forEach((c, k) => {
    for (const key of Object.keys(c.inputs))
      if (!calc.inputs.some((i) => i.id === key)) {
        const near = closest(
          key,
          calc.inputs.map((i) => i.id),
        );
        problems.push({
          path: [k, 'inputs', key],
          message: `"${key}" is not an input. Expected one of: ${calc.inputs.map((i) => i.id).join(', ')}`,
          hint: near ? `did you mean "${near}"?` : undefined,
        });
      }
    for (const input of calc.inputs) {
      const r = readValue(input, c.inputs[input.id]);
      if (r.status === 'empty' || r.status === 'error') problems.push({ path: [k, 'inputs', input.id], message: r.message });
    }
    for (const [key, exp] of Object.entries(c.expect)) {
      if (!outputIds.includes(key)) {
        problems.push({
          path: [k, 'expect', key],
          message: `"${key}" is not an output. Expected one of: ${outputIds.join(', ')}`,
          hint: closest(key, outputIds) ? `did you mean "${closest(key, outputIds)}"?` : undefined,
        });
        continue;
      }
      const warning = typeof exp === 'object' ? exp.warning : undefined;
      const texts = calc.outputs.find((o) => o.id === key)!.warnings.map((w) => w.text);
      if (warning !== undefined && !texts.length)
        problems.push({
          path: [k, 'expect', key, 'warning'],
          message: `${key} declares no \`warnings:\`, so no warning can be expected`,
          hint: `add \`warnings: [{ when: ..., text: ... }]\` to output ${key}, or remove \`warning\``,
        });
      else if (typeof warning === 'string' && !texts.includes(warning))
        problems.push({
          path: [k, 'expect', key, 'warning'],
          message: `"${warning}" is not a warning of ${key}. Expected one of: ${texts.map((t) => `"${t}"`).join(', ')}`,
          hint: closest(warning, texts) ? `did you mean "${closest(warning, texts)}"?` : 'or write `warning: true`',
        });
      const band = typeof exp === 'object' ? exp.band : undefined;
      if (band !== undefined) {
        const labels = calc.interpretation.find((i) => i.output === key)?.bands.map((b) => b.label) ?? [];
        if (!labels.includes(band))
          problems.push({
            path: [k, 'expect', key, 'band'],
            message: `"${band}" is not a band of ${key}. Expected one of: ${labels.map((l) => `"${l}"`).join(', ') || '(no bands)'}`,
          });
      }
    }
    if (Object.keys(c.expect).length === 0) problems.push({ path: [k, 'expect'], message: 'a case must expect at least one output' });
  });
  return problems;
}

/** Matches the placeholders of calculators/_template/: every one must be replaced before the calculator loads. */
const TODO = /\bTODO\b/i;

/** Every string still holding a template placeholder ("TODO: ..."), at its path, quoting its instruction. */
export function todoProblems(data: unknown, path: (string | number)[] = []): Problem[] {
  if (typeof data === 'string')
    return TODO.test(data)
      ? [
          {
            path,
            check: 'placeholders',
            message: `still the template's placeholder: "${data}"`,
            hint: 'replace it: the comment above it in the file says what goes there, CONTRIBUTING.md has the format',
          },
        ]
      : [];
  if (Array.isArray(data)) return data.flatMap((v, k) => todoProblems(v, [...path, k]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => todoProblems(v, [...path, k]));
  return [];
}

/** Lines of notes.md (markdown) that still hold a template placeholder. */
export function todoLines(markdown: string): { line: number; text: string }[] {
  return markdown.split('\n').flatMap((text, k) => (TODO.test(text) ? [{ line: k + 1, text: text.trim() }] : []));
}
