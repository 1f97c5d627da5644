/**
 * The compiler: deterministic ONNX bytes of the pinned IR/opset, and every operator and function
 * giving hand-known values both through the real ONNX model (onnxruntime-web) and through the AST
 * evaluator that the differential test uses as its oracle.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { modelFile, readManifest } from '../../src/definitions/models';
import { checkOutputs } from '../../src/compiler/check';
import { bandOutputName, compileCalculator, graphInputNames } from '../../src/compiler/compile';
import { DOSE_PARTS, doseOutputName, scoredOutputName, statusOutputName, warningOutputName } from '../../src/schema/graph';
import { bandIndex, evaluateOutput } from '../../src/compiler/evaluate';
import { decodeModel } from '../../src/compiler/onnx-proto';
import { nodeRunner } from '../../src/runtime/node';
import type { Calculator } from '../../src/schema';
import { close, compileToFile, defineCalc, numberInput, runRows, toFeeds } from '../helpers';

const { entries } = loadCatalog();
const runner = nodeRunner();

/** The contributed ONNX file of a trained-model calculator (undefined for compiled ones). */
const sourceOf = (calc: Calculator) => (calc.model ? readFileSync(calc.model.file) : undefined);

describe('bytes', () => {
  test('the catalogue is not empty', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  test.each(entries.map((e) => [e.id, e] as const))('%s compiles to the same bytes twice, equal to the committed model', (id, { calc }) => {
    const a = compileCalculator(id, calc, sourceOf(calc));
    const b = compileCalculator(id, structuredClone(calc), sourceOf(calc));
    expect(a.problems).toEqual([]);
    expect(Buffer.from(a.bytes!).equals(Buffer.from(b.bytes!))).toBe(true);
    // models/ must hold exactly what the definition compiles to (npm run models).
    const stale = `models/${id}.onnx is stale or missing: run npm run models`;
    expect(existsSync(modelFile(id)) && Buffer.from(readFileSync(modelFile(id))).equals(Buffer.from(a.bytes!)), stale).toBe(true);
    expect(readManifest()[id], stale).toEqual(a.entry);
  });

  // Wrapped contributed models keep their own opset: test/unit/contributed-models.test.ts covers them.
  test.each(entries.filter((e) => !e.calc.model).map((e) => [e.id, e.calc] as const))(
    '%s: IR 8, opset 17, one [N] float64 input per definition input',
    (id, calc: Calculator) => {
      const model: any = decodeModel(compileCalculator(id, calc).bytes!);
      expect(model.ir_version).toBe(8);
      expect(model.opset_import).toEqual([{ domain: '', version: 17 }]);
      // One input per definition input, plus unit and typed value for inputs scored per unit by a table.
      expect(model.graph.input.map((i: any) => i.name)).toEqual(graphInputNames(calc));
      expect(graphInputNames(calc).filter((n) => !n.includes('.'))).toEqual(calc.inputs.map((i) => i.id));
      for (const t of [...model.graph.input, ...model.graph.output]) {
        expect(t.type.tensor_type.elem_type).toBe(11); // DOUBLE
        expect(t.type.tensor_type.shape.dim).toEqual([{ dim_param: 'N' }]);
      }
      const banded = calc.interpretation.map((it) => it.output);
      const names: string[] = model.graph.output.map((o: any) => o.name);
      // A dose's parts (which exist depends on what it declares) come just before the dose itself.
      const doseParts = (id: string) => names.filter((n) => n.startsWith(`${id}.dose.`));
      for (const o of calc.outputs)
        for (const n of doseParts(o.id))
          expect(DOSE_PARTS.map((p) => doseOutputName(o.id, p)).includes(n as never) || /\.dose\.adjust\.\d+$/.test(n), n).toBe(true);
      expect(names).toEqual([
        ...calc.tables.map((t) => t.id),
        ...calc.outputs.flatMap((o) => [
          ...Object.keys(o.where)
            .filter((w) => w in o.scored)
            .map(scoredOutputName),
          ...(o.dose ? doseParts(o.id) : []),
          o.id,
          // A dose always has a status: a weight outside its range gives no dose, with the reason.
          ...(o.valid || o.plausible || o.dose ? [statusOutputName(o.id)] : []),
          ...o.warnings.map((_, j) => warningOutputName(o.id, j)),
          ...(banded.includes(o.id) ? [bandOutputName(o.id)] : []),
        ]),
      ]);
      expect(model.metadata_props).toEqual([
        { key: 'bedside.id', value: id },
        { key: 'bedside.version', value: calc.version },
      ]);
    },
  );

  test('a changed coefficient changes the bytes', () => {
    const mk = (k: string) => defineCalc({ inputs: [numberInput('x')], outputs: [{ id: 'y', label: 'y', formula: `x * ${k}` }] });
    const a = compileCalculator('t', mk('1.012')).bytes!;
    const b = compileCalculator('t', mk('1.0121')).bytes!;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});

/** Each formula with rows of [inputs, hand-known value]; x, y, z are numbers, c a scored choice, b a scored yes/no. */
const CASES: { f: string; rows: [Record<string, number>, number][] }[] = [
  { f: 'x + y * z', rows: [[{ x: 1, y: 2, z: 3 }, 7]] },
  { f: '(x + y) * z', rows: [[{ x: 1, y: 2, z: 3 }, 9]] },
  { f: 'x - y - z', rows: [[{ x: 10, y: 3, z: 2 }, 5]] },
  { f: 'x / y / z', rows: [[{ x: 24, y: 4, z: 2 }, 3]] },
  {
    f: 'x ^ y',
    rows: [
      [{ x: 2, y: 10 }, 1024],
      [{ x: 4, y: 0.5 }, 2],
      [{ x: 2, y: -1 }, 0.5],
      [{ x: 0.9938, y: 50 }, 0.7327395281213049],
    ],
  },
  { f: 'x ^ y ^ z', rows: [[{ x: 2, y: 3, z: 2 }, 512]] },
  { f: '-x ^ 2', rows: [[{ x: 3 }, -9]] },
  {
    f: '-x',
    rows: [
      [{ x: 3 }, -3],
      [{ x: -2.5 }, 2.5],
    ],
  },
  {
    f: 'x mod y',
    rows: [
      [{ x: 7, y: 3 }, 1],
      [{ x: -7, y: 3 }, 2],
      [{ x: 7.5, y: 2 }, 1.5],
      [{ x: 7, y: -3 }, -2],
    ],
  },
  { f: 'min(x, y, z)', rows: [[{ x: 3, y: -1, z: 2 }, -1]] },
  { f: 'max(x, y, z)', rows: [[{ x: 3, y: -1, z: 2 }, 3]] },
  { f: 'sum(x, y, z)', rows: [[{ x: 3, y: -1, z: 2.5 }, 4.5]] },
  { f: 'min(x)', rows: [[{ x: 3 }, 3]] },
  {
    f: 'max(x, 1)',
    rows: [
      [{ x: 0.5 }, 1],
      [{ x: 1.5 }, 1.5],
    ],
  },
  {
    f: 'abs(x)',
    rows: [
      [{ x: -3.5 }, 3.5],
      [{ x: 2 }, 2],
      [{ x: 0 }, 0],
    ],
  },
  {
    f: 'sqrt(x)',
    rows: [
      [{ x: 16 }, 4],
      [{ x: 2 }, Math.SQRT2],
    ],
  },
  {
    f: 'exp(x)',
    rows: [
      [{ x: 0 }, 1],
      [{ x: 1 }, Math.E],
      [{ x: -1 }, 1 / Math.E],
    ],
  },
  {
    f: 'log(x)',
    rows: [
      [{ x: Math.E }, 1],
      [{ x: 1 }, 0],
      [{ x: 10 }, Math.LN10],
    ],
  },
  { f: 'ln(x)', rows: [[{ x: Math.exp(2) }, 2]] },
  { f: 'log(x, 10)', rows: [[{ x: 1000 }, 3]] },
  {
    f: 'log(x, 2)',
    rows: [
      [{ x: 8 }, 3],
      [{ x: 0.25 }, -2],
    ],
  },
  {
    f: 'log10(x)',
    rows: [
      [{ x: 1000 }, 3],
      [{ x: 0.01 }, -2],
      [{ x: 2 }, Math.log10(2)],
    ],
  },
  {
    f: 'floor(x)',
    rows: [
      [{ x: 2.7 }, 2],
      [{ x: -2.5 }, -3],
      [{ x: 3 }, 3],
    ],
  },
  {
    f: 'ceil(x)',
    rows: [
      [{ x: 2.1 }, 3],
      [{ x: -2.5 }, -2],
      [{ x: 3 }, 3],
    ],
  },
  // Half away from zero, as clinicians round, and robust to binary floating point (2.675 * 100 = 267.49999999999997).
  {
    f: 'round(x)',
    rows: [
      [{ x: 2.5 }, 3],
      [{ x: -2.5 }, -3],
      [{ x: 0.5 }, 1],
      [{ x: -0.5 }, -1],
      [{ x: 1.4999 }, 1],
      [{ x: -1.4999 }, -1],
      [{ x: 20.904 }, 21],
    ],
  },
  {
    f: 'round(x, 2)',
    rows: [
      [{ x: 2.675 }, 2.68],
      [{ x: -2.675 }, -2.68],
      [{ x: 1.005 }, 1.01],
      [{ x: 1.0049 }, 1],
      [{ x: 1.125 }, 1.13],
    ],
  },
  {
    f: 'round(x, 1)',
    rows: [
      [{ x: -1.25 }, -1.3],
      [{ x: 0.05 }, 0.1],
      [{ x: 0.04 }, 0],
      [{ x: 1.76684 }, 1.8],
      [{ x: 1.12802 }, 1.1],
    ],
  },
  { f: 'round(x, 1) * 10', rows: [[{ x: 1.15 }, 12]] },
  {
    f: 'clamp(x, 1, 4)',
    rows: [
      [{ x: 0.5 }, 1],
      [{ x: 2.5 }, 2.5],
      [{ x: 5 }, 4],
      [{ x: 1 }, 1],
      [{ x: 4 }, 4],
    ],
  },
  {
    f: 'sigmoid(x)',
    rows: [
      [{ x: 0 }, 0.5],
      [{ x: 2 }, 0.8807970779778823],
      [{ x: -2 }, 0.11920292202211755],
    ],
  },
  {
    f: 'x < y',
    rows: [
      [{ x: 1, y: 2 }, 1],
      [{ x: 2, y: 2 }, 0],
      [{ x: 3, y: 2 }, 0],
    ],
  },
  {
    f: 'x <= y',
    rows: [
      [{ x: 1, y: 2 }, 1],
      [{ x: 2, y: 2 }, 1],
      [{ x: 3, y: 2 }, 0],
    ],
  },
  {
    f: 'x > y',
    rows: [
      [{ x: 1, y: 2 }, 0],
      [{ x: 2, y: 2 }, 0],
      [{ x: 3, y: 2 }, 1],
    ],
  },
  {
    f: 'x >= y',
    rows: [
      [{ x: 1, y: 2 }, 0],
      [{ x: 2, y: 2 }, 1],
      [{ x: 3, y: 2 }, 1],
    ],
  },
  {
    f: 'x == y',
    rows: [
      [{ x: 1, y: 2 }, 0],
      [{ x: 2, y: 2 }, 1],
    ],
  },
  {
    f: 'x != y',
    rows: [
      [{ x: 1, y: 2 }, 1],
      [{ x: 2, y: 2 }, 0],
    ],
  },
  {
    f: 'x > 0 and y > 0',
    rows: [
      [{ x: 1, y: 1 }, 1],
      [{ x: 1, y: -1 }, 0],
      [{ x: -1, y: 1 }, 0],
      [{ x: -1, y: -1 }, 0],
    ],
  },
  {
    f: 'x > 0 or y > 0',
    rows: [
      [{ x: 1, y: 1 }, 1],
      [{ x: 1, y: -1 }, 1],
      [{ x: -1, y: 1 }, 1],
      [{ x: -1, y: -1 }, 0],
    ],
  },
  {
    f: 'x > 0 xor y > 0',
    rows: [
      [{ x: 1, y: 1 }, 0],
      [{ x: 1, y: -1 }, 1],
      [{ x: -1, y: 1 }, 1],
      [{ x: -1, y: -1 }, 0],
    ],
  },
  {
    f: 'not (x > 0)',
    rows: [
      [{ x: 1 }, 0],
      [{ x: -1 }, 1],
    ],
  },
  // Numbers used as booleans (non-zero is true), booleans used as numbers (true is 1).
  {
    f: 'x and y',
    rows: [
      [{ x: 2, y: 0 }, 0],
      [{ x: 2, y: -3 }, 1],
    ],
  },
  {
    f: '(x > 1) + (y > 1) + (z > 1)',
    rows: [
      [{ x: 2, y: 2, z: 0 }, 2],
      [{ x: 0, y: 0, z: 0 }, 0],
    ],
  },
  {
    f: 'x > 0 ? y : z',
    rows: [
      [{ x: 1, y: 2, z: 3 }, 2],
      [{ x: 0, y: 2, z: 3 }, 3],
    ],
  },
  {
    f: 'x < 0 ? -1 : x == 0 ? 0 : 1',
    rows: [
      [{ x: -5 }, -1],
      [{ x: 0 }, 0],
      [{ x: 5 }, 1],
    ],
  },
  {
    f: 'x >= 1 ? 10 : 20',
    rows: [
      [{ x: 1 }, 10],
      [{ x: 0.999 }, 20],
    ],
  },
  {
    f: 'b ? x : y',
    rows: [
      [{ b: 1, x: 2, y: 3 }, 2],
      [{ b: 0, x: 2, y: 3 }, 3],
    ],
  },
  {
    f: 'points(c)',
    rows: [
      [{ c: 0 }, 0],
      [{ c: 1 }, 2],
      [{ c: 5 }, 7],
      [{ c: 3 }, NaN],
    ],
  },
  {
    f: 'points(b)',
    rows: [
      [{ b: 0 }, 0],
      [{ b: 1 }, 3],
    ],
  },
  { f: 'points(c) + points(b)', rows: [[{ c: 5, b: 1 }, 10]] },
  {
    f: 'c == "mid"',
    rows: [
      [{ c: 1 }, 1],
      [{ c: 5 }, 0],
    ],
  },
  {
    f: '"HIGH" != c',
    rows: [
      [{ c: 1 }, 1],
      [{ c: 5 }, 0],
    ],
  },
  {
    f: 'c == 5',
    rows: [
      [{ c: 5 }, 1],
      [{ c: 0 }, 0],
    ],
  },
  { f: 'true ? x : y', rows: [[{ x: 2, y: 3 }, 2]] },
  // Constant-only outputs are broadcast to the batch.
  {
    f: 'pi',
    rows: [
      [{}, Math.PI],
      [{ x: 9 }, Math.PI],
    ],
  },
  { f: 'e', rows: [[{}, Math.E]] },
  {
    f: '2 ^ 3 ^ 2',
    rows: [
      [{}, 512],
      [{ x: 1 }, 512],
    ],
  },
  { f: 'round(2.675, 2)', rows: [[{}, 2.68]] },
];

describe('operators and functions', () => {
  const outputs = CASES.map((c, k) => ({ id: `o${k}`, label: c.f, formula: c.f }));
  const calc = defineCalc({
    inputs: [
      numberInput('x'),
      numberInput('y'),
      numberInput('z'),
      {
        id: 'c',
        label: 'c',
        type: 'choice',
        options: [
          { value: 0, label: 'Low', points: 0 },
          { value: 1, label: 'Mid', points: 2 },
          { value: 5, label: 'High', points: 7 },
        ],
      },
      { id: 'b', label: 'b', type: 'yesno', points: 3 },
    ],
    outputs: [
      ...outputs,
      { id: 'all', label: 'all', points: 'all' },
      { id: 'only_c', label: 'only c', points: ['c'] },
      { id: 'chained', label: 'chained', where: { a: 'x * 2', a2: 'a + 1', big: 'a2 > 6' }, formula: 'big ? a2 ^ 2 : -a2' },
      { id: 'const_where', label: 'constant where', where: { k: '0.5 * 4' }, formula: 'k' },
    ],
  });
  const defaults = { x: 1, y: 1, z: 1, c: 0, b: 0 };
  const rows = CASES.flatMap((c, k) => c.rows.map(([inputs, expected]) => ({ k, row: { ...defaults, ...inputs }, expected })));
  const checked = checkOutputs(calc);
  let out: Record<string, Float64Array>;

  beforeAll(async () => {
    expect(checked.problems).toEqual([]);
    out = await runRows(
      calc,
      rows.map((r) => r.row),
      runner,
      'operators',
    );
  });

  test.each(CASES.map((c, k) => [c.f, k] as const))('%s', (f, k) => {
    rows.forEach(({ k: kk, row, expected }, i) => {
      if (kk !== k) return;
      const onnx = out[`o${k}`][i];
      const ast = evaluateOutput(checked.outputs[k], row);
      expect(close(onnx, expected), `ONNX: ${f} at ${JSON.stringify(row)} = ${onnx}, expected ${expected}`).toBe(true);
      expect(close(ast, expected), `AST: ${f} at ${JSON.stringify(row)} = ${ast}, expected ${expected}`).toBe(true);
    });
  });

  test('every output has one value per row, constants included', () => {
    for (const name of Object.keys(out)) expect(out[name]).toHaveLength(rows.length);
    const pi = CASES.findIndex((c) => c.f === 'pi');
    expect([...out[`o${pi}`]].every((v) => v === Math.PI)).toBe(true);
  });

  test('points: all and points: [ids] sum the declared points', () => {
    const fed = [
      { ...defaults, c: 5, b: 1 },
      { ...defaults, c: 1, b: 0 },
      { ...defaults, c: 0, b: 1 },
    ];
    return runRows(calc, fed, runner, 'operators').then((o) => {
      expect([...o.all]).toEqual([10, 2, 3]);
      expect([...o.only_c]).toEqual([7, 2, 0]);
      const byId = (id: string) => checked.outputs.find((x) => x.id === id)!;
      expect(fed.map((r) => evaluateOutput(byId('all'), r))).toEqual([10, 2, 3]);
      expect(fed.map((r) => evaluateOutput(byId('only_c'), r))).toEqual([7, 2, 0]);
    });
  });

  test('where-names chain in order; a constant where-name is broadcast', async () => {
    const fed = [
      { ...defaults, x: 3 },
      { ...defaults, x: 2 },
    ];
    const o = await runRows(calc, fed, runner, 'operators');
    expect([...o.chained]).toEqual([49, -5]);
    expect([...o.const_where]).toEqual([2, 2]);
    const chained = checked.outputs.find((x) => x.id === 'chained')!;
    expect(fed.map((r) => evaluateOutput(chained, r))).toEqual([49, -5]);
  });
});

describe('interpretation bands, matched inside the model on the displayed value', () => {
  const bands = [
    { max: 1, label: 'A' },
    { min: 1, max: 2, label: 'B' },
    { min: 2, max: 3, label: 'C' }, // 3 and above matches nothing: -1
  ];
  const calc = defineCalc({
    inputs: [numberInput('x')],
    outputs: [
      { id: 'v', label: 'v', formula: 'x', decimals: 1 },
      { id: 'w', label: 'w', formula: 'x * 10', decimals: 0 },
    ],
    interpretation: [{ output: 'v', source: 'test', bands }],
  });
  const table: [number, number][] = [
    [0.94, 0],
    [0.95, 1],
    [1, 1],
    [1.5, 1],
    [1.94, 1],
    [1.95, 2],
    [2.5, 2],
    [2.94, 2],
    [2.95, -1],
    [100, -1],
    [-0.05, 0],
    [-50, 0],
  ];

  test('band index per row, and -1 where no band matches', async () => {
    const { ref } = compileToFile('bands', calc);
    const out = await runner.run(
      ref,
      toFeeds(
        ref.inputs,
        table.map(([x]) => ({ x })),
      ),
    );
    expect(ref.outputs).toEqual(['v', 'v.band', 'w']);
    expect([...out['v.band']]).toEqual(table.map(([, b]) => b));
    expect(table.map(([x]) => bandIndex(x, 1, bands))).toEqual(table.map(([, b]) => b));
  });
});

describe('formula problems are refused before compiling', () => {
  const problemsOf = (formula: string, where: Record<string, string> = {}) => {
    const calc = defineCalc({
      inputs: [
        numberInput('x'),
        {
          id: 'sex',
          label: 'Sex',
          type: 'choice',
          options: [
            { value: 0, label: 'Male' },
            { value: 1, label: 'Female' },
          ],
        },
        { id: 'b', label: 'b', type: 'yesno' },
      ],
      outputs: [{ id: 'y', label: 'y', where, formula }],
    });
    const r = compileCalculator('t', calc);
    expect(r.bytes).toBeUndefined();
    return r.problems.map((p) => `${p.path.join('.')}: ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
  };

  test('each mistake is named, with the fix when there is one', () => {
    const formulas = ['x / 0', '2 x', 'clamp(x, 1)', 'round(x, x)', 'if(x, 1, 2)', 'x == "female"', 'b == 2', 'points(x)', 'x[1]', 'x +'];
    expect(Object.fromEntries(formulas.map((f) => [f, problemsOf(f)]))).toMatchInlineSnapshot(`
      {
        "2 x": [
          "outputs.0.formula: "2 x" multiplies by juxtaposition (write the * explicitly)",
        ],
        "b == 2": [
          "outputs.0.formula: b is yes/no, so it is 0 or 1, never 2",
        ],
        "clamp(x, 1)": [
          "outputs.0.formula: clamp() takes 3 arguments, found 2",
        ],
        "if(x, 1, 2)": [
          "outputs.0.formula: if(...) is not a function here (write condition ? a : b)",
        ],
        "points(x)": [
          "outputs.0.formula: x is a number input; only choice and yes/no inputs carry points",
        ],
        "round(x, x)": [
          "outputs.0.formula: round(x, decimals): decimals must be a constant number",
        ],
        "x +": [
          "outputs.0.formula: cannot parse "x +": Unexpected end of expression (char 4)",
        ],
        "x / 0": [
          "outputs.0.formula: division by zero in "x / 0"",
        ],
        "x == "female"": [
          "outputs.0.formula: "female" is text, but x is a number input; only choice inputs compare with an option label",
        ],
        "x[1]": [
          "outputs.0.formula: accessor syntax ("x[1]") is not supported in formulas",
        ],
      }
    `);
  });

  test('a where-name used before it is defined', () => {
    expect(problemsOf('a', { a: 'c2 + 1', c2: 'x' })).toMatchInlineSnapshot(`
      [
        "outputs.0.where.a: "c2" is used before it is defined (move where-name "c2" above the expressions that use it)",
      ]
    `);
  });
});

test('an id that looks like a generated tensor name still compiles to a working model', async () => {
  const calc = defineCalc({ inputs: [numberInput('x')], outputs: [{ id: 'y', label: 'y', where: { t0: 'x * 2' }, formula: 't0 + 1' }] });
  const out = await runRows(calc, [{ x: 3 }], runner, 'collision');
  expect(out.y[0]).toBe(7);
});

test('floor(log10(x)) at an exact power of ten', async () => {
  const calc = defineCalc({ inputs: [numberInput('x')], outputs: [{ id: 'y', label: 'y', formula: 'floor(log10(x))' }] });
  const out = await runRows(calc, [{ x: 1000 }, { x: 1e6 }], runner, 'log10');
  expect([...out.y]).toEqual([3, 6]);
});
