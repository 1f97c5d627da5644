/**
 * The operators the evaluator runs, each exactly as the ONNX operator specification
 * (https://onnx.ai/onnx/operators/) and onnxruntime's CPU kernels compute it in float64: the
 * dual-engine tests (test/unit/engines.test.ts, test/unit/evaluator-ops.test.ts) hold every one of
 * them to onnxruntime-web's bits, special values (NaN, ±0, ±Inf, halves, negative bases) included.
 *
 * Each operator declares its arity, its attributes (anything else: not supported) and its typing
 * rule; a node whose types fail the rule is not supported (onnxruntime-web then decides).
 */
import { BOOL, DOUBLE, INT64 } from './model';
import { A_INT, A_INTS, A_TENSOR, attrInt, binary, map, name, NUM, same, unary, variadic, zip, type Attrs, type OpSpec } from './kernel';
import { alloc, broadcastShape, EvalError, expandTo, sizeOf, type Tensor } from './tensor';

export type { Attrs, OpSpec } from './kernel';

/** std::min / std::max with NaN propagated from either side (Eigen's PropagateNaN, onnxruntime's Min/Max). */
const min2 = (a: number, b: number) => (a !== a ? a : b !== b ? b : b < a ? b : a);
const max2 = (a: number, b: number) => (a !== a ? a : b !== b ? b : a < b ? b : a);

/**
 * C's pow, which the specification follows (numpy.power): unlike JavaScript's Math.pow,
 * pow(1, y) is 1 for every y (NaN too) and pow(-1, ±Inf) is 1.
 */
const pow = (x: number, y: number) => (x === 1 || (x === -1 && (y === Infinity || y === -Infinity)) ? 1 : Math.pow(x, y));

/** Round half to even (std::nearbyint in the default rounding mode); keeps the sign of zero. */
function roundEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const d = x - f; // exact for every double
  const r = d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
}

/** Mod: fmod=1 is C's fmod (the sign of the dividend, JavaScript's %); fmod=0, integers only, the sign of the divisor. */
const mod: OpSpec = {
  inputs: [2, 2],
  attrs: { fmod: A_INT },
  type: (t, attrs) => {
    const fmod = attrInt(attrs, 'fmod', 0);
    if (fmod !== 0 && fmod !== 1) return `fmod=${fmod}; allowed: 0, 1`;
    if (fmod === 0 && t[0] === DOUBLE) return 'fmod=0 on double (the specification requires fmod=1 for floating point)';
    return same(NUM)(t);
  },
  run: ([a, b], attrs) => {
    if (a!.type === DOUBLE) return zip(a!, b!, DOUBLE, (x, y) => x % y);
    const floor = attrInt(attrs, 'fmod', 0) === 0;
    return zip(a!, b!, INT64, (x, y) => {
      if (y === 0) throw new EvalError('integer Mod by zero');
      const r = x % y;
      return floor && r !== 0 && r < 0 !== y < 0 ? r + y : r + 0;
    });
  },
};

function castValue(v: number, from: number, to: number): number {
  if (to === BOOL) return v !== 0 ? 1 : 0; // NaN is true, as static_cast<bool>(NaN)
  if (to === DOUBLE || from !== DOUBLE) return v;
  // double -> int64 truncates toward zero; NaN, ±Inf and values beyond int64 are undefined in the
  // specification: refused rather than guessed.
  const r = Math.trunc(v);
  if (!Number.isSafeInteger(r)) throw new EvalError(`Cast of ${v} to int64`);
  return r + 0;
}

const cast: OpSpec = {
  inputs: [1, 1],
  attrs: { to: A_INT, saturate: A_INT },
  type: (t, attrs) => {
    const to = attrs.get('to')?.i;
    if (to === undefined || ![DOUBLE, INT64, BOOL].includes(to)) return `Cast to ${name(to)}; supported: double, int64, bool`;
    return same([DOUBLE, INT64, BOOL], to)(t);
  },
  run: ([x], attrs) => {
    const to = attrs.get('to')!.i!;
    return map(x!, to, (v) => castValue(v, x!.type, to));
  },
};

const where: OpSpec = {
  inputs: [3, 3],
  type: ([c, a, b]) => (c !== BOOL ? `condition of type ${name(c)}; must be bool` : same([DOUBLE, INT64, BOOL])([a, b])),
  run: ([c, a, b]) => {
    const shape = broadcastShape([c!.shape, a!.shape, b!.shape]);
    const out = alloc(a!.type, shape);
    const C = expandTo(c!, shape);
    const A = expandTo(a!, shape);
    const B = expandTo(b!, shape);
    const o = out.data;
    // As onnxruntime's Where: a -0 chosen from the false branch comes out as +0 (it is added to 0).
    for (let i = 0; i < o.length; i++) o[i] = C[i] ? A[i] : B[i] + 0;
    return out;
  },
};

/** Clip-13: omitted bounds are the lowest and highest finite doubles; min > max gives max everywhere. */
const clip: OpSpec = {
  inputs: [1, 3],
  type: (t) => same([DOUBLE])(t),
  run: ([x, lo, hi]) => {
    const bound = (b: Tensor | undefined, dflt: number) => {
      if (!b) return dflt;
      if (sizeOf(b.shape) !== 1) throw new EvalError('Clip bounds must be scalars');
      return b.data[0];
    };
    const l = bound(lo, -Number.MAX_VALUE);
    const h = bound(hi, Number.MAX_VALUE);
    return map(x!, DOUBLE, (v) => {
      const y = v < l ? l : v; // std::max(v, l)
      return h < y ? h : y; // std::min(y, h)
    });
  },
};

const isInf: OpSpec = {
  inputs: [1, 1],
  attrs: { detect_negative: A_INT, detect_positive: A_INT },
  type: (t) => same([DOUBLE], BOOL)(t),
  run: ([x], attrs) => {
    const neg = attrInt(attrs, 'detect_negative', 1) !== 0;
    const pos = attrInt(attrs, 'detect_positive', 1) !== 0;
    return map(x!, BOOL, (v) => ((pos && v === Infinity) || (neg && v === -Infinity) ? 1 : 0));
  },
};

function constantTensor(attrs: Attrs): Tensor | string {
  const [a, ...more] = [...attrs.values()];
  if (!a || more.length) return 'Constant needs exactly one value attribute';
  if (a.name === 'value' && a.t)
    return { type: a.t.dataType, shape: a.t.dims, data: a.t.dataType === BOOL ? Uint8Array.from(a.t.values) : Float64Array.from(a.t.values) };
  if (a.name === 'value_int' && a.i !== undefined) return { type: INT64, shape: [], data: Float64Array.of(a.i) };
  if (a.name === 'value_ints') return { type: INT64, shape: [a.ints.length], data: Float64Array.from(a.ints) };
  return `Constant ${a.name}; supported: value (double, int64, bool), value_int, value_ints`;
}

const constant: OpSpec = {
  inputs: [0, 0],
  attrs: { value: A_TENSOR, value_int: A_INT, value_ints: A_INTS },
  type: (_t, attrs) => {
    const c = constantTensor(attrs);
    return typeof c === 'string' ? c : c.type;
  },
  run: (_x, attrs) => constantTensor(attrs) as Tensor,
};

/** Shape-15: the dimensions of the input, optionally sliced by start/end (negative counts from the end). */
const shape: OpSpec = {
  inputs: [1, 1],
  attrs: { start: A_INT, end: A_INT },
  type: (t) => (t[0] === undefined ? 'no input' : INT64),
  run: ([x], attrs) => {
    const r = x!.shape.length;
    const clamp = (v: number) => Math.min(r, Math.max(0, v < 0 ? v + r : v));
    const dims = x!.shape.slice(clamp(attrInt(attrs, 'start', 0)), clamp(attrInt(attrs, 'end', r)));
    return { type: INT64, shape: [dims.length], data: Float64Array.from(dims) };
  },
};

const expand: OpSpec = {
  inputs: [2, 2],
  type: ([x, s]) => (s !== INT64 ? `shape of type ${name(s)}; must be int64` : x === undefined ? 'no input' : x),
  run: ([x, s]) => {
    if (s!.shape.length !== 1) throw new EvalError('Expand shape must be one-dimensional');
    const wanted = [...s!.data];
    if (wanted.some((d) => !Number.isSafeInteger(d) || d < 0)) throw new EvalError('Expand shape has an invalid dimension');
    const out = broadcastShape([x!.shape, wanted]);
    return { type: x!.type, shape: out, data: expandTo(x!, out).slice() };
  },
};

const identity: OpSpec = { inputs: [1, 1], type: (t) => t[0] ?? 'no input', run: ([x]) => x! };

const logic = (f: (x: number, y: number) => number) => binary([BOOL], f);
const compare = (f: (x: number, y: number) => number) => binary(NUM, f, BOOL);

/** The operators the evaluator supports, by op_type (domain ai.onnx). */
export const OPS: Record<string, OpSpec> = {
  Add: binary(NUM, (x, y) => x + y),
  Sub: binary(NUM, (x, y) => x - y),
  Mul: binary(NUM, (x, y) => x * y),
  Div: binary([DOUBLE], (x, y) => x / y),
  Pow: {
    inputs: [2, 2],
    type: ([x, y]) => (x === DOUBLE && (y === DOUBLE || y === INT64) ? DOUBLE : `Pow(${name(x)}, ${name(y)}); supported: a double base`),
    run: ([a, b]) => zip(a!, b!, DOUBLE, pow),
  },
  Mod: mod,
  Neg: unary(NUM, (v) => -v),
  Abs: unary(NUM, Math.abs),
  // Sign(±0) is +0 in onnxruntime (a zero compared, not copied).
  Sign: unary(NUM, (v) => (v > 0 ? 1 : v < 0 ? -1 : v === 0 ? 0 : v)),
  Sqrt: unary([DOUBLE], Math.sqrt),
  Exp: unary([DOUBLE], Math.exp),
  Log: unary([DOUBLE], Math.log),
  Floor: unary([DOUBLE], Math.floor),
  Ceil: unary([DOUBLE], Math.ceil),
  Round: unary([DOUBLE], roundEven),
  Reciprocal: unary([DOUBLE], (v) => 1 / v),
  // onnxruntime's float64 Sigmoid: 1/(1+e^-|x|), and 1 minus that for negative x.
  Sigmoid: unary([DOUBLE], (v) => {
    const s = 1 / (1 + Math.exp(-Math.abs(v)));
    return v >= 0 ? s : 1 - s;
  }),
  Min: variadic(NUM, min2),
  Max: variadic(NUM, max2),
  Sum: variadic([DOUBLE], (x, y) => x + y), // Sum-13 is defined for floating point only
  Clip: clip,
  Less: compare((x, y) => (x < y ? 1 : 0)),
  LessOrEqual: compare((x, y) => (x <= y ? 1 : 0)),
  Greater: compare((x, y) => (x > y ? 1 : 0)),
  GreaterOrEqual: compare((x, y) => (x >= y ? 1 : 0)),
  Equal: binary([DOUBLE, INT64, BOOL], (x, y) => (x === y ? 1 : 0), BOOL),
  And: logic((x, y) => x & y),
  Or: logic((x, y) => x | y),
  Xor: logic((x, y) => x ^ y),
  Not: { inputs: [1, 1], type: same([BOOL]), run: ([x]) => map(x!, BOOL, (v) => (v ? 0 : 1)) },
  Where: where,
  IsNaN: { inputs: [1, 1], type: same([DOUBLE], BOOL), run: ([x]) => map(x!, BOOL, (v) => (v !== v ? 1 : 0)) },
  IsInf: isInf,
  Cast: cast,
  Identity: identity,
  Constant: constant,
  Shape: shape,
  Expand: expand,
};
