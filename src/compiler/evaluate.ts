import { log10Snapped, roundHalfAway } from '../units/round';
import { typedInputName, unitInputName, warningOutputName } from '../schema/graph';
import { columnPoints, renameRef, type CheckedOutput, type Expr } from './ast';

type Value = number | boolean;

/**
 * Evaluates a checked expression directly in JavaScript. Used in tests only, as the differential
 * oracle for the compiled ONNX model: the page never evaluates formulas in JavaScript.
 */
export function evaluate(e: Expr, env: Record<string, Value>): Value {
  const num = (x: Expr) => Number(evaluate(x, env));
  const bool = (x: Expr) => Boolean(evaluate(x, env));
  switch (e.k) {
    case 'num':
      return e.v;
    case 'ref': {
      if (!(e.name in env)) throw new Error(`no value for ${e.name}`);
      return env[e.name];
    }
    case 'neg':
      return -num(e.a);
    case 'not':
      return !bool(e.a);
    case 'cast':
      return e.to === 'num' ? (evaluate(e.a, env) ? 1 : 0) : num(e.a) !== 0;
    case 'if':
      return bool(e.c) ? num(e.a) : num(e.b);
    case 'model':
      throw new Error('a contributed model output has no JavaScript evaluation: compare with the source model instead');
    case 'given':
      return !Number.isNaN(Number(env[e.input]));
    case 'table': {
      const v = e.of ? num(e.of) : Number(env[e.input]);
      if (Number.isNaN(v)) return NaN;
      const unit = Number(env[unitInputName(e.input)] ?? 0);
      const col = e.columns.find((c) => c.unit === unit && c.unit !== 0);
      if (!col) return columnPoints(e.columns[0], v);
      const typed = env[typedInputName(e.input)] ?? env[e.input];
      return columnPoints(
        col,
        e.of ? Number(evaluate(renameRef(e.of, e.input, typedInputName(e.input)), { ...env, [typedInputName(e.input)]: typed })) : Number(typed),
      );
    }
    case 'points': {
      const v = Number(env[e.input]);
      return e.table.find((t) => t.value === v)?.points ?? NaN;
    }
    case 'bin': {
      const a = evaluate(e.a, env);
      const b = evaluate(e.b, env);
      switch (e.op) {
        case '+':
          return Number(a) + Number(b);
        case '-':
          return Number(a) - Number(b);
        case '*':
          return Number(a) * Number(b);
        case '/':
          return Number(a) / Number(b);
        case '^':
          return Math.pow(Number(a), Number(b));
        case 'mod':
          return Number(a) - Math.floor(Number(a) / Number(b)) * Number(b);
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        case '>=':
          return a >= b;
        case '==':
          return a === b;
        case '!=':
          return a !== b;
        case 'and':
          return Boolean(a) && Boolean(b);
        case 'or':
          return Boolean(a) || Boolean(b);
        case 'xor':
          return Boolean(a) !== Boolean(b);
      }
    }
    // falls through (unreachable: every operator returns)
    case 'call': {
      const args = (e as Extract<Expr, { k: 'call' }>).args.map(num);
      const [x, y, z] = args;
      switch ((e as Extract<Expr, { k: 'call' }>).fn) {
        case 'min':
          return Math.min(...args);
        case 'max':
          return Math.max(...args);
        case 'sum':
          return args.reduce((s, v) => s + v, 0);
        case 'abs':
          return Math.abs(x);
        case 'sqrt':
          return Math.sqrt(x);
        case 'exp':
          return Math.exp(x);
        case 'ln':
        case 'log':
          return Math.log(x);
        case 'log10':
          return log10Snapped(x);
        case 'floor':
          return Math.floor(x);
        case 'ceil':
          return Math.ceil(x);
        case 'round':
          return roundHalfAway(x, y ?? 0);
        case 'clamp':
          return Math.min(Math.max(x, y), z);
        case 'sigmoid':
          return 1 / (1 + Math.exp(-x));
      }
    }
  }
  throw new Error(`cannot evaluate ${JSON.stringify(e)}`);
}

/**
 * Evaluates every output in order (later outputs may use earlier names) for one set of canonical
 * input values; returns each output's value, and each applicability warning as
 * `<id>.warning.<n>` (1 holds, 0 not), as the model does.
 */
export function evaluateAll(outputs: CheckedOutput[], inputs: Record<string, number>): Record<string, number> {
  const env: Record<string, Value> = { ...inputs };
  const out: Record<string, number> = {};
  for (const o of outputs) {
    for (const w of o.where) env[w.name] = evaluate(w.expr, env);
    for (const name of o.exported ?? []) out[name] = Number(env[name]);
    const v = Number(evaluate(o.expr, env));
    const implausible = o.plausible && ((o.plausible.min !== undefined && v < o.plausible.min) || (o.plausible.max !== undefined && v > o.plausible.max));
    out[o.id] = (o.valid && !evaluate(o.valid, env)) || implausible ? NaN : v;
    env[o.id] = out[o.id];
    (o.warnings ?? []).forEach((w, j) => (out[warningOutputName(o.id, j)] = evaluate(w, env) ? 1 : 0));
  }
  return out;
}

/** Evaluates one output of `outputs` (with everything it may depend on before it). */
export function evaluateOutput(o: CheckedOutput, inputs: Record<string, number>, outputs: CheckedOutput[] = [o]): number {
  const upTo = outputs.slice(0, outputs.indexOf(o) + 1);
  return evaluateAll(upTo.length ? upTo : [o], inputs)[o.id];
}

/**
 * Index of the band matched by `value` rounded to `decimals` (min inclusive, max exclusive), or -1.
 * A band with `value:` (a categorical output's code) matches that code exactly, unrounded.
 */
export function bandIndex(value: number, decimals: number, bands: { min?: number; max?: number; value?: number }[]): number {
  const r = roundHalfAway(value, decimals);
  return bands.findIndex((b) =>
    b.value !== undefined ? value === b.value : !Number.isNaN(r) && (b.min === undefined || r >= b.min) && (b.max === undefined || r < b.max),
  );
}
