/**
 * Every operator the evaluator supports, on special values (NaN, ±0, ±Inf, halves, negative bases,
 * huge and tiny numbers), through both engines: the results must be bit-identical, or within 1 ulp
 * for Exp/Log/Pow/Sigmoid (test/unit/engines.test.ts says why). Includes operators the committed
 * models do not use yet (Mod, Clip, Round, IsNaN, IsInf, Shape, Expand, Constant, int64 arithmetic),
 * so a definition that starts using them is already held to onnxruntime's results. Also: what the
 * evaluator refuses goes to onnxruntime-web, and malformed bytes never throw.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { modelFile, modelRef } from '../../src/definitions/models';
import { encodeModel } from '../../src/compiler/onnx-proto';
import { prepare } from '../../src/runtime/evaluator/graph';
import { nodeRunner } from '../../src/runtime/node';
import { ModelError, type ModelRef } from '../../src/runtime/session';

const D = 11;
const I64 = 7;
const B = 9;
const SPECIAL = [
  NaN,
  -Infinity,
  -1.7976931348623157e308,
  -1e15 - 0.5,
  -7,
  -3,
  -2.5,
  -1.5,
  -1,
  -0.5,
  -1e-300,
  -0,
  0,
  5e-324,
  1e-300,
  0.1,
  1 / 3,
  0.5,
  1,
  1.5,
  2,
  2.5,
  3,
  7,
  1e15 + 0.5,
  1e300,
  Infinity,
];
const dir = mkdtempSync(join(tmpdir(), 'bedside-ops-'));

type Node = { op: string; inputs: string[]; output: string; attrs?: Record<string, unknown>[] };
type Init = { name: string; type: number; dims: number[]; values: number[] };

function raw(type: number, values: number[]): number[] {
  const b = new Uint8Array((type === B ? 1 : 8) * values.length);
  const v = new DataView(b.buffer);
  values.forEach((x, k) => (type === D ? v.setFloat64(8 * k, x, true) : type === I64 ? v.setBigInt64(8 * k, BigInt(x), true) : v.setUint8(k, x)));
  return [...b];
}

/** A one-off model: double [N] inputs x, y; the given nodes; one double output `out`. */
function model(nodes: Node[], inits: Init[] = [], opset = 17) {
  const t = (name: string) => ({ name, type: { tensor_type: { elem_type: D, shape: { dim: [{ dim_param: 'N' }] } } } });
  return encodeModel({
    ir_version: 8,
    opset_import: [{ domain: '', version: opset }],
    graph: {
      name: 'ops',
      node: nodes.map((n, k) => ({ input: n.inputs, output: [n.output], name: `n${k}_${n.op}`, op_type: n.op, attribute: n.attrs ?? [] })),
      initializer: inits.map((i) => ({ name: i.name, dims: i.dims, data_type: i.type, raw_data: raw(i.type, i.values) })),
      input: [t('x'), t('y')],
      output: [t('out')],
    },
  });
}

const toD = (from: string): Node => ({ op: 'Cast', inputs: [from], output: 'out', attrs: [{ name: 'to', type: 2, i: D }] });
const scalar = (name: string, type: number, v: number): Init => ({ name, type, dims: [], values: [v] });

/** Every (x, y) pair of special values. */
const xs = SPECIAL.flatMap((a) => SPECIAL.map(() => a));
const ys = SPECIAL.flatMap(() => SPECIAL);

async function both(bytes: Uint8Array, x = xs, y = ys) {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const url = join(dir, `${sha256}.onnx`);
  writeFileSync(url, bytes);
  const ref: ModelRef = { id: 'ops', url, sha256, inputs: ['x', 'y'], outputs: ['out'] };
  const feeds = { x: Float64Array.from(x), y: Float64Array.from(y) };
  const [ours, theirs] = [await nodeRunner('evaluator').run(ref, feeds), await nodeRunner('onnxruntime-web').run(ref, feeds)];
  return { ours: ours.out, theirs: theirs.out };
}

function ulps(a: number, b: number): number {
  if (Object.is(a, b) || (a !== a && b !== b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.sign(a) !== Math.sign(b)) return Infinity;
  const v = new DataView(new ArrayBuffer(16));
  v.setFloat64(0, a);
  v.setFloat64(8, b);
  const d = v.getBigInt64(0) - v.getBigInt64(8);
  return Number(d < 0n ? -d : d);
}

async function expectSame(bytes: Uint8Array, allowedUlps = 0, x = xs, y = ys) {
  const { ours, theirs } = await both(bytes, x, y);
  expect(ours.length).toBe(theirs.length);
  const bad = [...ours].map((v, i) => [i, v, theirs[i]] as const).filter(([, a, b]) => ulps(a, b) > allowedUlps);
  const s = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
  expect(bad.map(([i, a, b]) => `x=${s(x[i])} y=${s(y[i])}: evaluator ${s(a)}, onnxruntime ${s(b)}`)).toEqual([]);
}

const unary = (op: string, attrs?: Record<string, unknown>[]) => model([{ op, inputs: ['x'], output: 'out', attrs }]);
const binary = (op: string, attrs?: Record<string, unknown>[]) => model([{ op, inputs: ['x', 'y'], output: 'out', attrs }]);
const boolOut = (op: string, inputs: string[], attrs?: Record<string, unknown>[]) => model([{ op, inputs, output: 'b', attrs }, toD('b')]);
const positive = (from: string, to: string): Node => ({ op: 'Greater', inputs: [from, 'zero'], output: to });

describe('each operator gives onnxruntime-web bits on special values', () => {
  test.each(['Neg', 'Abs', 'Sqrt', 'Floor', 'Ceil', 'Round', 'Sign', 'Reciprocal', 'Identity'])('%s', (op) => expectSame(unary(op)));
  test.each(['Exp', 'Log', 'Sigmoid'])('%s (1 ulp)', (op) => expectSame(unary(op), 1));
  test.each(['Add', 'Sub', 'Mul', 'Div', 'Min', 'Max', 'Sum'])('%s', (op) => expectSame(binary(op)));
  test('Pow (1 ulp; negative bases, zero and infinite exponents exact)', async () => {
    await expectSame(binary('Pow'), 1);
    const integral = SPECIAL.filter((v) => !Number.isFinite(v) || v === 0 || Number.isInteger(v));
    await expectSame(
      binary('Pow'),
      0,
      integral.flatMap(() => integral.map(() => -2)),
      integral.flatMap(() => integral),
    );
  });
  test('Pow with an int64 exponent', () => expectSame(model([{ op: 'Pow', inputs: ['x', 'e'], output: 'out' }], [scalar('e', I64, 3)]), 1));
  test.each(['Min', 'Max', 'Sum'])('%s of three inputs folds left to right', (op) => expectSame(model([{ op, inputs: ['x', 'y', 'x'], output: 'out' }])));
  test('Mod fmod=1 (C fmod)', () => expectSame(binary('Mod', [{ name: 'fmod', type: 2, i: 1 }])));
  test.each(['Less', 'LessOrEqual', 'Greater', 'GreaterOrEqual', 'Equal'])('%s', (op) => expectSame(boolOut(op, ['x', 'y'])));
  test.each(['IsNaN', 'IsInf'])('%s', (op) => expectSame(boolOut(op, ['x'])));
  test('IsInf detecting +Inf only', () => expectSame(boolOut('IsInf', ['x'], [{ name: 'detect_negative', type: 2, i: 0 }])));
  test.each(['And', 'Or', 'Xor'])('%s', (op) =>
    expectSame(model([positive('x', 'p'), positive('y', 'q'), { op, inputs: ['p', 'q'], output: 'b' }, toD('b')], [scalar('zero', D, 0)])),
  );
  test('Not, Where, Cast to bool', () =>
    expectSame(
      model(
        [
          { op: 'Cast', inputs: ['x'], output: 'c', attrs: [{ name: 'to', type: 2, i: B }] },
          { op: 'Not', inputs: ['c'], output: 'n' },
          { op: 'Where', inputs: ['n', 'x', 'y'], output: 'out' },
        ],
        [],
      ),
    ));
  test.each([
    ['scalar true branch', ['n', 'mz', 'y']],
    ['scalar false branch', ['n', 'x', 'mz']],
    ['both scalar', ['n', 'mz', 'mz']],
  ])('Where, %s', (_name, inputs) =>
    expectSame(
      model(
        [
          { op: 'Cast', inputs: ['x'], output: 'c', attrs: [{ name: 'to', type: 2, i: B }] },
          { op: 'Not', inputs: ['c'], output: 'n' },
          { op: 'Where', inputs, output: 'out' },
        ],
        [scalar('mz', D, -0)],
      ),
    ),
  );
  test.each([
    ['both bounds', ['x', 'lo', 'hi']],
    ['no bounds', ['x']],
    ['max only', ['x', '', 'hi']],
    ['min above max', ['x', 'hi', 'lo']],
    ['NaN bound', ['x', 'nan']],
  ])('Clip, %s', (_name, inputs) =>
    expectSame(model([{ op: 'Clip', inputs, output: 'out' }], [scalar('lo', D, -1), scalar('hi', D, 2.5), scalar('nan', D, NaN)])),
  );
  test('Cast double -> int64 truncates toward zero', () => {
    const finite = [-1e15 - 0.5, -7.9, -2.5, -1.5, -0.5, -0, 0, 0.5, 1.5, 2.5, 7.9, 1e15 + 0.5];
    return expectSame(model([{ op: 'Cast', inputs: ['x'], output: 'i', attrs: [{ name: 'to', type: 2, i: I64 }] }, toD('i')]), 0, finite, finite);
  });
  test.each([0, 1])('int64 Mod fmod=%i, Add, Sub, Mul, Neg, Abs, Sign, Min, Max', (fmod) => {
    const a: Init = { name: 'a', type: I64, dims: [8], values: [7, -7, 7, -7, 0, 5, -1, 2 ** 40] };
    const b: Init = { name: 'b', type: I64, dims: [8], values: [3, 3, -3, -3, 3, 1, 2 ** 30, -3] };
    const nodes: Node[] = [
      { op: 'Mod', inputs: ['a', 'b'], output: 'm', attrs: [{ name: 'fmod', type: 2, i: fmod }] },
      { op: 'Add', inputs: ['m', 'b'], output: 's' },
      { op: 'Mul', inputs: ['s', 'a'], output: 'p' },
      { op: 'Neg', inputs: ['p'], output: 'q' },
      { op: 'Sub', inputs: ['q', 'b'], output: 'r' },
      { op: 'Abs', inputs: ['r'], output: 'u' },
      { op: 'Sign', inputs: ['q'], output: 'g' },
      { op: 'Max', inputs: ['u', 'g', 'a'], output: 'v' },
      { op: 'Min', inputs: ['v', 'm'], output: 'w' },
      { op: 'Sub', inputs: ['w', 'g'], output: 'z' },
      toD('z'),
    ];
    return expectSame(model(nodes, [a, b]));
  });
  test('Shape, Expand and Constant broadcast a constant to [N]', () =>
    expectSame(
      model([
        { op: 'Constant', inputs: [], output: 'k', attrs: [{ name: 'value', type: 4, t: { dims: [], data_type: D, raw_data: raw(D, [2.5]) } }] },
        { op: 'Constant', inputs: [], output: 'one', attrs: [{ name: 'value_ints', type: 7, ints: [1] }] },
        { op: 'Shape', inputs: ['x'], output: 's' },
        { op: 'Expand', inputs: ['k', 's'], output: 'e' },
        { op: 'Expand', inputs: ['e', 'one'], output: 'f' },
        { op: 'Mul', inputs: ['f', 'x'], output: 'out' },
      ]),
    ));
  test('a [1] tensor broadcasts with [N] and typed (not raw) initializer data is read', async () => {
    const bytes = encodeModel({
      ir_version: 8,
      opset_import: [{ domain: '', version: 17 }],
      graph: {
        name: 'typed',
        node: [
          { input: ['x', 'c'], output: ['s'], name: 'add', op_type: 'Add' },
          { input: ['s', 'i'], output: ['out'], name: 'pow', op_type: 'Pow' },
        ],
        initializer: [
          { name: 'c', dims: [1], data_type: D, double_data: [0.25] },
          { name: 'i', dims: [], data_type: I64, int64_data: [2] },
        ],
        input: ['x', 'y'].map((name) => ({ name, type: { tensor_type: { elem_type: D, shape: { dim: [{ dim_param: 'N' }] } } } })),
        output: [{ name: 'out', type: { tensor_type: { elem_type: D, shape: { dim: [{ dim_param: 'N' }] } } } }],
      },
    });
    await expectSame(bytes);
  });
});

describe('names and initializer encodings the compiler may write', () => {
  test('dotted input and output names; bool initializers as raw bytes and as int32_data', async () => {
    const t = (name: string) => ({ name, type: { tensor_type: { elem_type: D, shape: { dim: [{ dim_param: 'N' }] } } } });
    const bytes = encodeModel({
      ir_version: 8,
      opset_import: [{ domain: '', version: 17 }],
      graph: {
        name: 'dots',
        node: [
          { input: ['scr.unit', 'scr.typed'], output: ['s'], name: 'add', op_type: 'Add' },
          { input: ['yes', 'no'], output: ['c'], name: 'or', op_type: 'Or' },
          { input: ['c', 's', 'scr.unit'], output: ['egfr.band'], name: 'where', op_type: 'Where' },
        ],
        initializer: [
          { name: 'yes', dims: [1], data_type: B, int32_data: [1] },
          { name: 'no', dims: [], data_type: B, raw_data: [0] },
        ],
        input: [t('scr.unit'), t('scr.typed')],
        output: [t('egfr.band')],
      },
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const url = join(dir, `${sha256}.onnx`);
    writeFileSync(url, bytes);
    const ref: ModelRef = { id: 'dots', url, sha256, inputs: ['scr.unit', 'scr.typed'], outputs: ['egfr.band'] };
    const feeds = { 'scr.unit': Float64Array.of(1, 2), 'scr.typed': Float64Array.of(0.5, -0) };
    const ours = await nodeRunner('evaluator').run(ref, feeds);
    const theirs = await nodeRunner('onnxruntime-web').run(ref, feeds);
    expect([...ours['egfr.band']]).toEqual([1.5, 2]);
    expect([...ours['egfr.band']]).toEqual([...theirs['egfr.band']]);
  });
});

describe('what the evaluator does not support goes to onnxruntime-web', () => {
  const refused = (bytes: Uint8Array) => {
    const p = prepare(bytes);
    return p.ok ? 'accepted' : p.reason;
  };
  test('unknown operators, attributes, types, opsets and undefined inputs are refused with a reason', () => {
    expect(refused(model([{ op: 'MatMul', inputs: ['x', 'y'], output: 'out' }]))).toMatch(/operator MatMul/);
    expect(refused(model([{ op: 'Add', inputs: ['x', 'y'], output: 'out', attrs: [{ name: 'alpha', type: 1, f: 1 }] }]))).toMatch(/attribute alpha/);
    expect(refused(model([{ op: 'Add', inputs: ['x', 'y'], output: 'out' }], [], 11))).toMatch(/opset 11/);
    expect(refused(model([{ op: 'Add', inputs: ['x', 'w'], output: 'out' }]))).toMatch(/input "w" is not defined/);
    expect(refused(model([{ op: 'Mod', inputs: ['x', 'y'], output: 'out' }]))).toMatch(/fmod=0 on double/);
    expect(refused(model([{ op: 'Add', inputs: ['x', 'i'], output: 'out' }], [scalar('i', I64, 1)]))).toMatch(/inputs of types double, int64/);
    expect(refused(model([{ op: 'Cast', inputs: ['x'], output: 'out', attrs: [{ name: 'to', type: 2, i: 1 }] }]))).toMatch(/Cast to type 1/);
  });
  test('malformed or truncated bytes are refused, never thrown', () => {
    const good = model([{ op: 'Add', inputs: ['x', 'y'], output: 'out' }]);
    for (let cut = 1; cut < good.length; cut += 7) expect(() => prepare(good.subarray(0, cut))).not.toThrow();
    expect(refused(Uint8Array.of(0xff, 0xff, 0xff))).toMatch(/not a well-formed ONNX file/);
  });
  test('the trained demo model is run by onnxruntime-web, and forcing the evaluator on it is a ModelError', async () => {
    const bytes = new Uint8Array(readFileSync(modelFile('wdbc-malignancy-demo')));
    expect(refused(bytes)).toMatch(/element type 1|operator/);
    const ref: ModelRef = modelRef('wdbc-malignancy-demo');
    expect((await nodeRunner().session(ref)).engine).toBe('onnxruntime-web');
    await expect(nodeRunner('evaluator').session(ref)).rejects.toBeInstanceOf(ModelError);
  });
});
