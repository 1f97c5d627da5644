/** Tensors as the evaluator holds them, and ONNX's multidirectional (numpy-style) broadcasting. */
import { BOOL } from './model';

/** A dense tensor: doubles and int64 (exact integers within ±2^53) in a Float64Array, bools as 0/1 bytes. */
export interface Tensor {
  type: number;
  shape: number[];
  data: Float64Array | Uint8Array;
}

/** A failure while evaluating (a shape mismatch, an int64 overflow): the model cannot be run on these inputs. */
export class EvalError extends Error {}

export const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export function alloc(type: number, shape: number[]): Tensor {
  const n = sizeOf(shape);
  return { type, shape, data: type === BOOL ? new Uint8Array(n) : new Float64Array(n) };
}

/** The broadcast shape of several shapes (https://github.com/onnx/onnx/blob/main/docs/Broadcasting.md). */
export function broadcastShape(shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let k = 0; k < rank; k++) {
    let d = 1;
    for (const s of shapes) {
      const x = s[s.length - rank + k] ?? 1;
      if (x === d || x === 1) continue;
      if (d !== 1) throw new EvalError(`shapes [${shapes.map((z) => z.join(',')).join('] and [')}] cannot be broadcast`);
      d = x;
    }
    out.push(d);
  }
  return out;
}

/**
 * For an input of `shape` broadcast to `out`, a function from an output element's index to the
 * input element's index. The two common cases (same size, one element) need no arithmetic.
 */
export function indexer(shape: readonly number[], out: readonly number[]): ((i: number) => number) | 'same' | 'one' {
  const n = sizeOf(shape);
  if (n === sizeOf(out)) return 'same';
  if (n === 1) return 'one';
  const rank = out.length;
  const strides: number[] = new Array(rank).fill(0);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[rank - shape.length + k] = shape[k] === 1 ? 0 : s;
    s *= shape[k];
  }
  return (i) => {
    let off = 0;
    for (let k = rank - 1; k >= 0; k--) {
      const d = out[k];
      off += (i % d) * strides[k];
      i = Math.floor(i / d);
    }
    return off;
  };
}

/** The elements of `t` in the order of the broadcast `out` shape. */
export function expandTo(t: Tensor, out: number[]): Float64Array | Uint8Array {
  const ix = indexer(t.shape, out);
  if (ix === 'same') return t.data;
  const n = sizeOf(out);
  const data = t.data instanceof Uint8Array ? new Uint8Array(n) : new Float64Array(n);
  if (ix === 'one') data.fill(t.data[0]);
  else for (let i = 0; i < n; i++) data[i] = t.data[ix(i)];
  return data;
}
