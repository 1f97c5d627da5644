/**
 * Applicability warnings (`outputs[].warnings`): compiled into the model as `<id>.warning.<n>` (0/1),
 * the same from the real ONNX model as from the AST oracle, shown with the result only, checked by
 * cases and copied into the note; authoring mistakes are refused with the field and the fix.
 */
import { describe, expect, test } from 'vitest';
import { checkOutputs } from '../../src/compiler/check';
import { evaluateAll } from '../../src/compiler/evaluate';
import { checkCases } from '../../src/definitions/cases';
import { lintCases } from '../../src/definitions/lint';
import { noteText } from '../../src/components/note';
import { computeRows, interpret, readAll } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';
import { CalculatorSchema, CasesSchema } from '../../src/schema';
import { parseFriendly } from '../../src/schema/friendly';
import { warningOutputName } from '../../src/schema/graph';
import { compileToFile, defineCalc, numberInput, runRows } from '../helpers';

const runner = nodeRunner();
const YOUNG = 'Age below 30 years: outside the derivation cohort';
const OLD = 'Age above 79 years: outside the derivation cohort';

const calc = defineCalc({
  inputs: [
    { ...numberInput('age'), unit: 'years', limits: [18, 100], typical: [18, 100] },
    { ...numberInput('x'), optional: true },
  ],
  outputs: [
    {
      id: 'risk',
      label: 'Risk',
      unit: '%',
      formula: 'age / 2',
      decimals: 1,
      warnings: [
        { when: 'age < 30', text: YOUNG },
        { when: 'age > 79', text: OLD },
        // Reads the output itself: a result beyond the range the source calibrated.
        { when: 'risk >= 45', text: 'Risk beyond the calibrated range' },
      ],
    },
    // Reads an optional input: an empty one (NaN) compares false, so no warning.
    { id: 'y', label: 'y', formula: 'x + 1', warnings: [{ when: 'x > 10', text: 'x is high' }] },
    // A constant condition still gives one value per row.
    { id: 'z', label: 'z', formula: 'age', warnings: [{ when: '1 > 2', text: 'never' }] },
  ],
});

const rows = [
  { age: 29.9, x: 11 },
  { age: 30, x: 10 },
  { age: 79, x: NaN },
  { age: 79.1, x: 0 },
  { age: 90, x: 20 },
];

describe('compiled into the model', () => {
  test('one 0/1 output per warning, after its output, in order', () => {
    const { ref } = compileToFile('warnings', calc);
    expect(ref.outputs).toEqual(['risk', 'risk.warning.0', 'risk.warning.1', 'risk.warning.2', 'y', 'y.warning.0', 'z', 'z.warning.0']);
  });

  test('the real ONNX model and the AST oracle agree, at and beside each boundary', async () => {
    const out = await runRows(calc, rows, runner, 'warnings');
    const { outputs, problems } = checkOutputs(calc);
    expect(problems).toEqual([]);
    const want = {
      'risk.warning.0': [1, 0, 0, 0, 0],
      'risk.warning.1': [0, 0, 0, 1, 1],
      'risk.warning.2': [0, 0, 0, 0, 1],
      'y.warning.0': [1, 0, 0, 0, 1],
      'z.warning.0': [0, 0, 0, 0, 0],
    };
    for (const [name, values] of Object.entries(want)) {
      expect([...out[name]], name).toEqual(values);
      expect(
        rows.map((r) => evaluateAll(outputs, r)[name]),
        name,
      ).toEqual(values);
    }
  });

  test('the result carries the text of the warnings that hold, and only with a value', async () => {
    const out = await runRows(calc, rows, runner, 'warnings');
    expect(interpret(calc, out, 0)[0].warnings).toEqual([YOUNG]);
    expect(interpret(calc, out, 1)[0].warnings).toBeUndefined();
    expect(interpret(calc, out, 4)[0].warnings).toEqual([OLD, 'Risk beyond the calibrated range']);
    // y has no value when x is empty: no warning either.
    expect(interpret(calc, out, 2)[1]).toMatchObject({ display: '—' });
    expect(interpret(calc, out, 2)[1].warnings).toBeUndefined();
    // A warning whose value says "holds" but whose output has no value is not shown.
    const nan = { ...out, risk: Float64Array.from([NaN]), [warningOutputName('risk', 0)]: Float64Array.from([1]) };
    expect(interpret(calc, nan, 0)[0].warnings).toBeUndefined();
  });
});

describe('authoring', () => {
  const base = { ...calc, outputs: [{ id: 'risk', label: 'Risk', formula: 'age' }] };
  const problemsOf = (warnings: unknown) => {
    const r = parseFriendly(CalculatorSchema, { ...base, outputs: [{ ...base.outputs[0], warnings }] });
    return r.ok ? checkOutputs(r.value).problems : r.problems;
  };

  test('a misspelt field is refused with the fields allowed', () => {
    const p = problemsOf([{ when: 'age < 30', txt: 'young' }]);
    expect(p.map((x) => x.path.join('.'))).toEqual(expect.arrayContaining(['outputs.0.warnings.0.txt']));
    expect(p.find((x) => x.path.join('.') === 'outputs.0.warnings.0.txt')?.message).toMatch(/Expected one of: when, text/);
  });

  test('an unknown name in `when` is reported at its field with a suggestion', () => {
    expect(problemsOf([{ when: 'agee < 30', text: 'young' }])).toEqual([
      expect.objectContaining({ path: ['outputs', 0, 'warnings', 0, 'when'], hint: 'did you mean "age"?' }),
    ]);
  });

  test('cases may only expect a warning that is declared', () => {
    const cases = CasesSchema.parse([
      { name: 'a', source: 't', inputs: { age: 20, x: 1 }, expect: { risk: { value: 10, warning: 'Too young' } } },
      { name: 'b', source: 't', inputs: { age: 20, x: 1 }, expect: { z: { value: 20, warning: true } } },
      { name: 'c', source: 't', inputs: { age: 20, x: 1 }, expect: { risk: { value: 10, warning: YOUNG } } },
    ]);
    const noWarnings = defineCalc({ ...calc, outputs: calc.outputs.map((o) => (o.id === 'z' ? { ...o, warnings: [] } : o)) });
    expect(lintCases(noWarnings, cases).map((p) => [p.path.join('.'), p.message])).toEqual([
      ['0.expect.risk.warning', expect.stringContaining('"Too young" is not a warning of risk')],
      ['1.expect.z.warning', expect.stringContaining('z declares no `warnings:`')],
    ]);
  });
});

describe('cases check the warning through the model', () => {
  const { ref } = compileToFile('warnings', calc);
  const run = (expect: Record<string, unknown>, age: number) =>
    checkCases(runner, ref, calc, CasesSchema.parse([1, 2, 3].map(() => ({ name: 'w', source: 't', inputs: { age, x: 1 }, expect }))));

  test('true, false and the exact text hold where they should', async () => {
    expect((await run({ risk: { value: 10, warning: true } }, 20))[0]).toEqual([]);
    expect((await run({ risk: { value: 10, warning: YOUNG } }, 20))[0]).toEqual([]);
    expect((await run({ risk: { value: 20, warning: false } }, 40))[0]).toEqual([]);
  });

  test('and fail, at the field, where they should not', async () => {
    expect((await run({ risk: { value: 20, warning: true } }, 40))[0]).toEqual([
      { path: [0, 'expect', 'risk', 'warning'], message: 'risk warning: found none, expected a warning' },
    ]);
    expect((await run({ risk: { value: 10, warning: false } }, 20))[0]).toEqual([
      { path: [0, 'expect', 'risk', 'warning'], message: `risk warning: found "${YOUNG}", expected none` },
    ]);
    expect((await run({ risk: { value: 45, warning: OLD } }, 90))[0]).toEqual([
      { path: [0, 'expect', 'risk', 'warning'], message: `risk warning: found "${OLD}", "Risk beyond the calibrated range", expected "${OLD}"` },
    ]);
  });
});

describe('copy to note', () => {
  test('each warning is copied on its own line under its result', async () => {
    const { ref } = compileToFile('warnings', calc);
    const { values, fields } = readAll(calc, { age: 90, x: '' });
    const [results] = await computeRows(runner, ref, calc, [values]);
    const entered = { age: { text: '90', unit: 'years', result: fields.age }, x: { text: '', unit: '', result: fields.x } };
    const lines = noteText(calc, entered, results, '2026-12-03').split('\n');
    const at = lines.indexOf('Risk: 45.0 %');
    expect(lines.slice(at, at + 5)).toEqual([
      'Risk: 45.0 %',
      `  Warning: ${OLD}`,
      '  Warning: Risk beyond the calibrated range',
      'y: not computed (Cannot be computed for these values: check the inputs.)',
      'z: 90',
    ]);
  });
});
