/**
 * The building blocks of the evaluator's operators (ops.ts): the operator interface, typing rules,
 * and elementwise loops with ONNX broadcasting.
 */
import { BOOL, DOUBLE, INT64, type Attribute } from './model';
import { alloc, broadcastShape, EvalError, indexer, type Tensor } from './tensor';

/** AttributeProto.AttributeType values. */
export const A_INT = 2;
export const A_TENSOR = 4;
export const A_INTS = 7;

export type Attrs = ReadonlyMap<string, Attribute>;

export interface OpSpec {
  inputs: [min: number, max: number];
  /** Allowed attributes and their AttributeProto type. */
  attrs?: Record<string, number>;
  /** The output element type for these input types (undefined: an omitted optional input), or why not. */
  type(t: (number | undefined)[], attrs: Attrs): number | string;
  run(x: (Tensor | undefined)[], attrs: Attrs): Tensor;
}

export const NUM = [DOUBLE, INT64];
const NAMES: Record<number, string> = { [DOUBLE]: 'double', [INT64]: 'int64', [BOOL]: 'bool' };
export const name = (t: number | undefined) => (t === undefined ? 'none' : (NAMES[t] ?? `type ${t}`));

/** Every present input has one type, from `allowed`; the output has `out` (or that type). */
export const same = (allowed: number[], out?: number) => (t: (number | undefined)[]) => {
  const present = t.filter((x): x is number => x !== undefined);
  if (!present.length || present.some((x) => x !== present[0]) || !allowed.includes(present[0]))
    return `inputs of types ${t.map(name).join(', ')}; supported: one of ${allowed.map(name).join(', ')} for all`;
  return out ?? present[0];
};

/** int64 values are held as doubles: a result that does not fit exactly is refused, never rounded. */
export function checkInt64(t: Tensor): Tensor {
  if (t.type !== INT64) return t;
  const d = t.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isSafeInteger(d[i])) throw new EvalError('an int64 result beyond ±2^53');
    d[i] += 0; // an integer has no -0 (Neg(0) as a double is -0)
  }
  return t;
}

export function map(x: Tensor, type: number, f: (v: number) => number): Tensor {
  const out = alloc(type, [...x.shape]);
  const { data } = x;
  const o = out.data;
  for (let i = 0; i < o.length; i++) o[i] = f(data[i]);
  return out;
}

export function zip(a: Tensor, b: Tensor, type: number, f: (x: number, y: number) => number): Tensor {
  const shape = broadcastShape([a.shape, b.shape]);
  const out = alloc(type, shape);
  const A = a.data;
  const B = b.data;
  const o = out.data;
  const n = o.length;
  const ia = indexer(a.shape, shape);
  const ib = indexer(b.shape, shape);
  if (ia === 'same' && ib === 'same') for (let i = 0; i < n; i++) o[i] = f(A[i], B[i]);
  else if (ia === 'same' && ib === 'one') {
    const y = B[0];
    for (let i = 0; i < n; i++) o[i] = f(A[i], y);
  } else if (ia === 'one' && ib === 'same') {
    const x = A[0];
    for (let i = 0; i < n; i++) o[i] = f(x, B[i]);
  } else {
    const ga = ia === 'same' ? (i: number) => i : ia === 'one' ? () => 0 : ia;
    const gb = ib === 'same' ? (i: number) => i : ib === 'one' ? () => 0 : ib;
    for (let i = 0; i < n; i++) o[i] = f(A[ga(i)], B[gb(i)]);
  }
  return out;
}

export const unary = (types: number[], f: (v: number) => number): OpSpec => ({
  inputs: [1, 1],
  type: same(types),
  run: ([x]) => checkInt64(map(x!, x!.type, f)),
});

export const binary = (types: number[], f: (x: number, y: number) => number, out?: number): OpSpec => ({
  inputs: [2, 2],
  type: same(types, out),
  run: ([a, b]) => checkInt64(zip(a!, b!, out ?? a!.type, f)),
});

/** Variadic operators fold left to right, (((x0 op x1) op x2) …), as onnxruntime does. */
export const variadic = (types: number[], f: (x: number, y: number) => number): OpSpec => ({
  inputs: [1, Infinity],
  type: same(types),
  run: (xs) => {
    let acc = xs[0]!;
    if (xs.length === 1) acc = { ...acc, data: acc.data.slice() };
    for (const x of xs.slice(1)) acc = zip(acc, x!, acc.type, f);
    return checkInt64(acc);
  },
});
export function attrInt(attrs: Attrs, key: string, dflt: number): number {
  return attrs.get(key)?.i ?? dflt;
}
