import { LOG10_SNAP, ROUND_NUDGE } from '../units/round';
import { typedInputName, unitInputName } from '../schema/graph';
import { renameRef, type BinaryOp, type Expr, type TableColumn } from './ast';
import { DataType } from './onnx-proto';

const ARITH: Partial<Record<BinaryOp, string>> = {
  '+': 'Add',
  '-': 'Sub',
  '*': 'Mul',
  '/': 'Div',
  '^': 'Pow',
  '<': 'Less',
  '<=': 'LessOrEqual',
  '>': 'Greater',
  '>=': 'GreaterOrEqual',
  '==': 'Equal',
  and: 'And',
  or: 'Or',
  xor: 'Xor',
};

const UNARY: Record<string, string> = { abs: 'Abs', sqrt: 'Sqrt', exp: 'Exp', ln: 'Log', floor: 'Floor', ceil: 'Ceil', sigmoid: 'Sigmoid' };
const VARIADIC: Record<string, string> = { min: 'Min', max: 'Max', sum: 'Sum' };

function doubleBytes(v: number): number[] {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return [...b];
}

/** Builds an ONNX graph node by node; names are sequential, so the same expressions give the same graph. */
export class GraphBuilder {
  readonly nodes: Record<string, unknown>[] = [];
  readonly initializers: Record<string, unknown>[] = [];
  private readonly consts = new Map<string, string>();
  private count = 0;
  /** Tensors already holding a table's value, by table id (a table is lowered once). */
  private readonly tables = new Map<string, string>();
  /** Output tensors of a wrapped contributed model, by their original name. */
  readonly modelTensors = new Map<string, { name: string; rank: number }>();

  /** An int64 constant tensor (for shapes and indices). */
  int64(dims: number[], values: number[]): string {
    const name = `_i${this.initializers.length}`;
    const raw = new Uint8Array(8 * values.length);
    values.forEach((v, k) => new DataView(raw.buffer).setBigInt64(8 * k, BigInt(v), true));
    this.initializers.push({ name, dims, data_type: DataType.INT64, raw_data: [...raw] });
    return name;
  }

  /** A scalar float64 constant (deduplicated). */
  constant(v: number): string {
    const key = Object.is(v, -0) ? '-0' : String(v);
    let name = this.consts.get(key);
    if (!name) {
      name = `_c${this.consts.size}`; // ids start with a letter, so `_` names never collide
      this.consts.set(key, name);
      this.initializers.push({ name, dims: [], data_type: DataType.DOUBLE, raw_data: doubleBytes(v) });
    }
    return name;
  }

  /** Adds a node and returns its (single) output name. */
  node(op: string, inputs: string[], attrs: Record<string, unknown>[] = [], output?: string): string {
    const out = output ?? `_t${this.count}`;
    this.nodes.push({ input: inputs, output: [out], name: `_n${this.count}_${op}`, op_type: op, attribute: attrs });
    this.count++;
    return out;
  }

  /** Rounds half away from zero to `decimals`, exactly as units/round.ts does in JavaScript. */
  round(x: string, decimals: number): string {
    const scaled = decimals === 0 ? x : this.node('Mul', [x, this.constant(10 ** decimals)]);
    const mag = this.node('Floor', [this.node('Add', [this.node('Abs', [scaled]), this.constant(0.5 + ROUND_NUDGE)])]);
    const r = this.node('Mul', [this.node('Sign', [scaled]), mag]);
    return decimals === 0 ? r : this.node('Div', [r, this.constant(10 ** decimals)]);
  }

  /** The points of one table column for tensor `v`: later rows override earlier ones once their edge is reached. */
  private column(col: TableColumn, v: string): string {
    let acc = this.constant(col.points[0]);
    col.edges.forEach((edge, j) => {
      const reached = this.node(edge.incl ? 'GreaterOrEqual' : 'Greater', [v, this.constant(edge.at)]);
      acc = this.node('Where', [reached, this.constant(col.points[j + 1]), acc]);
    });
    return acc;
  }

  /** Lowers a checked expression; returns the name of the tensor holding its value. */
  lower(e: Expr): string {
    switch (e.k) {
      case 'num':
        return this.constant(e.v);
      case 'ref':
        return e.name;
      case 'neg':
        return this.node('Neg', [this.lower(e.a)]);
      case 'not':
        return this.node('Not', [this.lower(e.a)]);
      case 'cast':
        return e.to === 'num'
          ? this.node('Cast', [this.lower(e.a)], [{ name: 'to', type: 2, i: DataType.DOUBLE }])
          : this.node('Not', [this.node('Equal', [this.lower(e.a), this.constant(0)])]);
      case 'if':
        return this.node('Where', [this.lower(e.c), this.lower(e.a), this.lower(e.b)]);
      case 'given':
        return this.node('Not', [this.node('IsNaN', [e.input])]);
      case 'table': {
        const done = this.tables.get(e.id);
        if (done) return done;
        // The canonical column scores the canonical value, and any unit without a column of its own;
        // a unit with its own column scores the number exactly as typed in it.
        // The value scored: the input, or `of` computed from it (as typed, for a unit's own column).
        const canonical = e.of ? this.lower(e.of) : e.input;
        const typed = () => (e.of ? this.lower(renameRef(e.of, e.input, typedInputName(e.input))) : typedInputName(e.input));
        let acc = this.column(e.columns[0], canonical);
        for (const col of e.columns.slice(1))
          acc = this.node('Where', [this.node('Equal', [unitInputName(e.input), this.constant(col.unit)]), this.column(col, typed()), acc]);
        // An empty optional input scores nothing (NaN), never the first row's points.
        const out = this.node('Where', [this.node('IsNaN', [canonical]), this.constant(NaN), acc], [], e.id);
        this.tables.set(e.id, out);
        return out;
      }
      case 'points': {
        let acc = this.constant(NaN); // a value that is no option gives NaN, never a silent 0
        for (const t of [...e.table].reverse()) acc = this.node('Where', [this.node('Equal', [e.input, this.constant(t.value)]), this.constant(t.points), acc]);
        return acc;
      }
      case 'bin': {
        const a = this.lower(e.a);
        const b = this.lower(e.b);
        if (e.op === '!=') return this.node('Not', [this.node('Equal', [a, b])]);
        if (e.op === 'mod') return this.node('Sub', [a, this.node('Mul', [this.node('Floor', [this.node('Div', [a, b])]), b])]);
        return this.node(ARITH[e.op]!, [a, b]);
      }
      case 'model': {
        const t = this.modelTensors.get(e.tensor);
        if (!t) throw new Error(`internal: no model tensor ${e.tensor}`);
        const col = t.rank === 2 ? this.node('Gather', [t.name, this.int64([], [e.column])], [{ name: 'axis', type: 2, i: 1 }]) : t.name;
        const asDouble = this.node('Cast', [col], [{ name: 'to', type: 2, i: DataType.DOUBLE }]);
        return e.scale === 1 ? asDouble : this.node('Mul', [asDouble, this.constant(e.scale)]);
      }
      case 'call': {
        const args = e.args.map((x) => this.lower(x));
        if (VARIADIC[e.fn]) return args.length === 1 ? args[0] : this.node(VARIADIC[e.fn], args);
        if (UNARY[e.fn]) return this.node(UNARY[e.fn], args);
        if (e.fn === 'log10') {
          // ln(x) * log10(e), snapped to the integer when within 1e-12 so log10(1000) is exactly 3.
          const y = this.node('Mul', [this.node('Log', args), this.constant(Math.LOG10E)]);
          const r = this.node('Floor', [this.node('Add', [y, this.constant(0.5)])]);
          return this.node('Where', [this.node('Less', [this.node('Abs', [this.node('Sub', [y, r])]), this.constant(LOG10_SNAP)]), r, y]);
        }
        if (e.fn === 'clamp') return this.node('Min', [this.node('Max', [args[0], args[1]]), args[2]]);
        if (e.fn === 'round') return this.round(args[0], e.args[1] ? (e.args[1] as { v: number }).v : 0);
        throw new Error(`internal: no lowering for ${e.fn}`);
      }
    }
  }
}

/** True when the expression reads at least one input (otherwise its value must be broadcast to [N]). */
export function readsInput(e: Expr, inputs: Set<string>, whereReads: Map<string, boolean>): boolean {
  switch (e.k) {
    case 'num':
      return false;
    case 'ref':
      return inputs.has(e.name) || (whereReads.get(e.name) ?? false);
    case 'points':
    case 'model':
    case 'given':
    case 'table':
      return true;
    case 'neg':
    case 'not':
    case 'cast':
      return readsInput(e.a, inputs, whereReads);
    case 'bin':
      return readsInput(e.a, inputs, whereReads) || readsInput(e.b, inputs, whereReads);
    case 'if':
      return [e.c, e.a, e.b].some((x) => readsInput(x, inputs, whereReads));
    case 'call':
      return e.args.some((x) => readsInput(x, inputs, whereReads));
  }
}
