/**
 * Contributed (trained) models: the build refuses what onnxruntime-web cannot run, with a clear
 * message, and wraps the rest so that the wrapped model equals the contributed model run directly.
 */
import { describe, expect, test } from 'vitest';
import { CalculatorSchema, type Calculator } from '../../src/schema';
import { compileCalculator } from '../../src/compiler/compile';
import { DataType, encodeModel } from '../../src/compiler/onnx-proto';

const W = [0.8, -1.5];
const B = 0.3;
const f32 = (xs: number[]) => [...new Uint8Array(Float32Array.from(xs).buffer)];

/** A logistic model as an exporter would write it: features float32 [N, 2] -> probability [N, 1]. */
function logistic(opts: { inputName?: string; featureDim?: number | string; zipmap?: boolean; opset?: number; seqOutput?: boolean } = {}): Uint8Array {
  const { inputName = 'features', featureDim = 2, zipmap = false, opset = 17, seqOutput = false } = opts;
  const dim2 = typeof featureDim === 'number' ? { dim_value: featureDim } : { dim_param: featureDim };
  const nodes: Record<string, unknown>[] = [
    { input: [inputName, 'W'], output: ['z0'], op_type: 'MatMul', name: 'mm' },
    { input: ['z0', 'B'], output: ['z'], op_type: 'Add', name: 'add' },
    { input: ['z'], output: ['probability'], op_type: 'Sigmoid', name: 'sig' },
  ];
  const outputs: Record<string, unknown>[] = [
    { name: 'probability', type: { tensor_type: { elem_type: DataType.FLOAT, shape: { dim: [{ dim_param: 'N' }, { dim_value: 1 }] } } } },
  ];
  if (zipmap) {
    nodes.push({
      input: ['probability'],
      output: ['output_probability'],
      op_type: 'ZipMap',
      domain: 'ai.onnx.ml',
      name: 'zm',
      attribute: [{ name: 'classlabels_int64s', type: 7, ints: [1] }],
    });
    outputs.push({
      name: 'output_probability',
      type: { sequence_type: { elem_type: { map_type: { key_type: DataType.INT64, value_type: { tensor_type: { elem_type: DataType.FLOAT } } } } } },
    });
  }
  if (seqOutput) outputs[0] = { name: 'probability', type: { sequence_type: { elem_type: { tensor_type: { elem_type: DataType.FLOAT } } } } };
  return encodeModel({
    ir_version: 8,
    producer_name: 'test-exporter',
    opset_import: [{ domain: '', version: opset }, ...(zipmap ? [{ domain: 'ai.onnx.ml', version: 1 }] : [])],
    graph: {
      name: 'logistic',
      node: nodes,
      initializer: [
        { name: 'W', dims: [2, 1], data_type: DataType.FLOAT, raw_data: f32(W) },
        { name: 'B', dims: [1], data_type: DataType.FLOAT, raw_data: f32([B]) },
      ],
      input: [{ name: inputName, type: { tensor_type: { elem_type: DataType.FLOAT, shape: { dim: [{ dim_param: 'N' }, dim2] } } } }],
      output: outputs,
    },
  });
}

const card = {
  demonstration: true,
  intended_use: 'test',
  population: 'test',
  outcome: 'test',
  development_data: 'test',
  method: 'test',
  discrimination: 'test',
  calibration: 'test',
  external_validation: 'none',
  limitations: ['test'],
  fairness: 'test',
  reproduce: 'test',
};
const number = (id: string) => ({ id, label: id, type: 'number', unit: 'ratio', limits: [-10, 10], typical: [-5, 5], training_range: [-5, 5] });

function definition(extra: Record<string, unknown> = {}): Calculator {
  return CalculatorSchema.parse({
    title: 'Trained demo',
    summary: 's',
    variant: 'v',
    version: '1.0.0',
    specialties: ['general medicine'],
    inputs: [number('a'), number('b')],
    model: { file: 'contributed-models/demo.onnx', input: 'features', features: ['a', 'b'] },
    model_card: card,
    outputs: [{ id: 'risk', label: 'Risk', unit: '%', decimals: 1, from_model: { tensor: 'probability', column: 0, scale: 100 } }],
    interpretation: [
      {
        output: 'risk',
        source: 'test',
        bands: [
          { max: 12, label: 'below the alert threshold of 12 %' },
          { min: 12, label: 'above the alert threshold of 12 %' },
        ],
      },
    ],
    references: [{ cite: 'x', doi: '10.1000/x', primary: true }],
    ...extra,
  });
}

const messages = (r: { problems: { message: string; hint?: string }[] }) => r.problems.map((p) => `${p.message}${p.hint ? ` | ${p.hint}` : ''}`);

describe('the build refuses what the browser cannot run', () => {
  test('a ZipMap output', () => {
    const r = compileCalculator('demo', definition(), logistic({ zipmap: true }));
    expect(messages(r)).toEqual([
      "contributed-models/demo.onnx ends in a ZipMap: onnxruntime-web cannot read its sequence-of-maps output | export without ZipMap (skl2onnx: options={id(model): {'zipmap': False}}) so probabilities are a plain [N, classes] tensor",
      'output "output_probability" is not a tensor (a sequence or map); onnxruntime-web cannot read it | export plain tensor outputs (no ZipMap, no sequences)',
    ]);
  });

  test('inputs that do not match the declared features', () => {
    expect(messages(compileCalculator('demo', definition(), logistic({ inputName: 'x' })))).toEqual(['the model has no input "features". Its inputs: x']);
    expect(messages(compileCalculator('demo', definition(), logistic({ featureDim: 3 })))).toEqual([
      'input "features" takes 3 features but the definition lists 2 (a, b) | list exactly the features the model was trained on, in column order',
    ]);
  });

  test('a dynamic feature dimension, an unsupported opset, a non-tensor output, a missing file', () => {
    expect(messages(compileCalculator('demo', definition(), logistic({ featureDim: 'F' })))).toEqual([
      'input "features" has a dynamic feature dimension ("F"), so Bedside cannot tell how many features it takes | export with a fixed second dimension of 2',
    ]);
    expect(messages(compileCalculator('demo', definition(), logistic({ opset: 9 })))[0]).toMatch(/opset 9; Bedside runs opsets 13 to 21/);
    expect(messages(compileCalculator('demo', definition(), logistic({ seqOutput: true })))).toContain(
      'output "probability" is not a tensor (a sequence or map); onnxruntime-web cannot read it | export plain tensor outputs (no ZipMap, no sequences)',
    );
    expect(messages(compileCalculator('demo', definition()))).toEqual([
      'contributed-models/demo.onnx does not exist | add the contributed .onnx file at that path',
    ]);
  });

  test('the definition must carry a model card and training ranges', () => {
    const r = CalculatorSchema.safeParse({ ...definition(), model_card: undefined, inputs: [{ ...number('a'), training_range: undefined }, number('b')] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join('\n')).toMatch(/needs its model card[\s\S]*needs its training_range/);
  });
});

describe('a wrapped model equals the contributed model run directly', () => {
  test('probability, scale and band, batched', async () => {
    const source = logistic();
    const r = compileCalculator('demo', definition(), source);
    expect(r.problems).toEqual([]);
    expect(r.entry!.source!.producer).toBe('test-exporter');
    expect(compileCalculator('demo', definition(), source).bytes).toEqual(r.bytes); // deterministic
    const ort = await import('onnxruntime-web/wasm');
    ort.env.wasm.numThreads = 1;
    const rows = [
      [0, 0],
      [2, 1],
      [-3, 4],
      [4.5, -2],
    ];
    const direct = await (
      await ort.InferenceSession.create(source)
    ).run({ features: new ort.Tensor('float32', Float32Array.from(rows.flat()), [rows.length, 2]) });
    const wrapped = await (
      await ort.InferenceSession.create(r.bytes!)
    ).run({
      a: new ort.Tensor('float64', Float64Array.from(rows.map((x) => x[0])), [rows.length]),
      b: new ort.Tensor('float64', Float64Array.from(rows.map((x) => x[1])), [rows.length]),
    });
    const p = [...(direct.probability.data as Float32Array)];
    const risk = [...(wrapped.risk.data as Float64Array)];
    risk.forEach((v, k) => expect(v).toBeCloseTo(100 * p[k], 4));
    // And against the logistic formula itself.
    rows.forEach(([a, b], k) => expect(risk[k]).toBeCloseTo(100 / (1 + Math.exp(-(W[0] * a + W[1] * b + B))), 3));
    expect([...(wrapped['risk.band'].data as Float64Array)]).toEqual(risk.map((v) => (Math.round(v * 10) / 10 >= 12 ? 1 : 0)));
  });
});

describe('contributed models in the catalogue', () => {
  test('fixtures exported by onnx.helper are refused with the fix (ZipMap; inputs that do not match)', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadCatalog } = await import('../../src/definitions/load');
    const wdbc = loadCatalog(undefined, ['wdbc-malignancy-demo']).entries[0].calc;
    expect(messages(compileCalculator('wdbc-malignancy-demo', wdbc, readFileSync('test/fixtures/onnx/zipmap.onnx'))).join('\n')).toMatch(
      /ends in a ZipMap[\s\S]*export without ZipMap/,
    );
    expect(messages(compileCalculator('wdbc-malignancy-demo', wdbc, readFileSync('test/fixtures/onnx/wrong-inputs.onnx')))).toEqual([
      'the model has no input "features". Its inputs: x',
    ]);
  });

  test('every committed wrapped model equals its contributed source on 1,000 random in-range rows', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadCatalog } = await import('../../src/definitions/load');
    const { modelRef } = await import('../../src/definitions/models');
    const { nodeRunner } = await import('../../src/runtime/node');
    const ort = await import('onnxruntime-web/wasm');
    const contributed = loadCatalog().entries.filter((e) => e.calc.model);
    expect(contributed.length).toBeGreaterThan(0);
    const runner = nodeRunner();
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const { id, calc } of contributed) {
      const N = 1000;
      const feeds = Object.fromEntries(
        calc.inputs.map((i) => {
          const [lo, hi] = i.type === 'number' ? i.limits : [0, 1];
          return [i.id, Float64Array.from({ length: N }, () => lo + (hi - lo) * rand())];
        }),
      );
      const wrapped = await runner.run(modelRef(id), feeds);
      const source = await ort.InferenceSession.create(readFileSync(calc.model!.file));
      const packed = Float32Array.from(
        { length: N * calc.model!.features.length },
        (_, k) => feeds[calc.model!.features[k % calc.model!.features.length]][Math.floor(k / calc.model!.features.length)],
      );
      const direct = await source.run({ [calc.model!.input]: new ort.Tensor('float32', packed, [N, calc.model!.features.length]) });
      for (const o of calc.outputs) {
        const t = direct[o.from_model!.tensor];
        const cols = t.dims.length === 2 ? Number(t.dims[1]) : 1;
        for (let r = 0; r < N; r++) expect(wrapped[o.id][r]).toBeCloseTo(Number(t.data[r * cols + o.from_model!.column]) * o.from_model!.scale, 6);
      }
    }
  });
});
