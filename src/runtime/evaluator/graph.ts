/**
 * The small ONNX evaluator: decodes a model, decides whether it can run it (every node an operator
 * of OPS with only its known attributes and well-typed inputs, double [N] graph inputs and outputs,
 * nodes in topological order), and evaluates it batched. What it cannot run it says why, and the
 * runtime gives that model to onnxruntime-web instead (src/runtime/session.ts).
 */
import { BOOL, decodeModel, DOUBLE, type ModelData } from './model';
import { OPS, type Attrs, type OpSpec } from './ops';
import { EvalError, type Tensor } from './tensor';
import { WireError } from './wire';

/** ai.onnx opset versions whose definitions of the supported operators the evaluator implements. */
const OPSET_RANGE = [13, 21] as const;
/** IR versions the evaluator reads (our compiler writes 8). */
const IR_RANGE = [3, 10] as const;

interface Step {
  node: string;
  op: string;
  spec: OpSpec;
  attrs: Attrs;
  /** Slot of each input (-1: an omitted optional input). */
  inputs: number[];
  output: number;
  outputName: string;
}

/** A validated graph, ready to run any number of times. */
export interface Program {
  inputNames: string[];
  outputNames: string[];
  /**
   * Runs a batch: every feed is a Float64Array of one length N. Returns each output's data (doubles).
   * With `trace`, every node's output is passed to it, and a tensor it returns replaces that output
   * (the dual-engine tests feed each node onnxruntime's values of its inputs, to name the node that differs).
   */
  run(feeds: Record<string, Float64Array>, trace?: (node: string, op: string, output: string, value: Tensor) => Tensor | void): Record<string, Float64Array>;
}

export type Prepared = { ok: true; program: Program; nodes: number } | { ok: false; reason: string };

/** Decodes and validates ONNX bytes; never throws. */
export function prepare(bytes: Uint8Array): Prepared {
  let m: ModelData;
  try {
    m = decodeModel(bytes);
  } catch (e) {
    if (e instanceof WireError) return { ok: false, reason: `not a well-formed ONNX file (${e.message})` };
    throw e;
  }
  try {
    return { ok: true, program: build(m), nodes: m.nodes.length };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, reason: e.message };
    throw e;
  }
}

class Unsupported extends Error {}

function build(m: ModelData): Program {
  const no = (why: string): never => {
    throw new Unsupported(why);
  };
  if (m.unsupported.length) no(m.unsupported[0]);
  if (m.irVersion < IR_RANGE[0] || m.irVersion > IR_RANGE[1]) no(`IR version ${m.irVersion}`);
  const main = m.opsets.filter((o) => o.domain === '' || o.domain === 'ai.onnx');
  if (main.length !== 1) no('no single ai.onnx opset');
  const opset = main[0].version;
  if (opset < OPSET_RANGE[0] || opset > OPSET_RANGE[1]) no(`ai.onnx opset ${opset}; supported ${OPSET_RANGE.join('–')}`);

  const slots = new Map<string, number>();
  const types: number[] = [];
  const constants: Tensor[] = [];
  const define = (n: string, type: number): number => {
    if (!n) no('an unnamed value');
    if (slots.has(n)) no(`value "${n}" defined twice`);
    slots.set(n, types.length);
    types.push(type);
    return types.length - 1;
  };

  const inputSlots = m.inputs.map((v) => {
    if (v.elemType !== DOUBLE) no(`graph input "${v.name}" is not a double tensor`);
    if (v.shape && v.shape.length !== 1) no(`graph input "${v.name}" is not one-dimensional`);
    return define(v.name, DOUBLE);
  });
  for (const t of m.initializers) {
    const slot = define(t.name, t.dataType);
    constants[slot] = { type: t.dataType, shape: t.dims, data: t.dataType === BOOL ? Uint8Array.from(t.values) : Float64Array.from(t.values) };
  }

  const steps: Step[] = m.nodes.map((n, k) => {
    const label = n.name || `#${k}`;
    if (n.domain !== '' && n.domain !== 'ai.onnx') no(`node ${label}: operator domain "${n.domain}"`);
    const spec = Object.prototype.hasOwnProperty.call(OPS, n.opType) ? OPS[n.opType] : no(`node ${label}: operator ${n.opType}`);
    if (n.inputs.length < spec.inputs[0] || n.inputs.length > spec.inputs[1]) no(`node ${label}: ${n.opType} with ${n.inputs.length} inputs`);
    if (n.outputs.length !== 1) no(`node ${label}: ${n.outputs.length} outputs`);
    const attrs = new Map<string, (typeof n.attributes)[number]>();
    for (const a of n.attributes) {
      if (spec.attrs?.[a.name] !== a.type) no(`node ${label}: attribute ${a.name} (type ${a.type}) on ${n.opType}`);
      if (attrs.has(a.name)) no(`node ${label}: attribute ${a.name} twice`);
      attrs.set(a.name, a);
    }
    const inputs = n.inputs.map((x, j) => {
      // Only Clip's bounds may be omitted (an empty name).
      if (x === '' && n.opType === 'Clip' && j > 0) return -1;
      const slot = slots.get(x);
      return slot ?? no(`node ${label}: input "${x}" is not defined before it (graph inputs, initializers, earlier nodes)`);
    });
    const type = spec.type(
      inputs.map((s) => (s < 0 ? undefined : types[s])),
      attrs,
    );
    if (typeof type === 'string') no(`node ${label}: ${n.opType} ${type}`);
    return { node: label, op: n.opType, spec, attrs, inputs, output: define(n.outputs[0], type as number), outputName: n.outputs[0] };
  });

  const outputSlots = m.outputs.map((v) => {
    const slot = slots.get(v.name) ?? no(`graph output "${v.name}" is not computed`);
    if (v.elemType !== DOUBLE || types[slot] !== DOUBLE) no(`graph output "${v.name}" is not a double tensor`);
    return slot;
  });
  const inputNames = m.inputs.map((v) => v.name);
  const outputNames = m.outputs.map((v) => v.name);

  return {
    inputNames,
    outputNames,
    run(feeds, trace) {
      const values: (Tensor | undefined)[] = [...constants];
      inputNames.forEach((n, k) => {
        const data = feeds[n];
        if (!data) throw new EvalError(`no value for input ${n}`);
        values[inputSlots[k]] = { type: DOUBLE, shape: [data.length], data };
      });
      for (const s of steps) {
        const out = s.spec.run(
          s.inputs.map((j) => (j < 0 ? undefined : values[j])),
          s.attrs,
        );
        values[s.output] = trace?.(s.node, s.op, s.outputName, out) ?? out;
      }
      return Object.fromEntries(outputNames.map((n, k) => [n, Float64Array.from(values[outputSlots[k]]!.data)]));
    },
  };
}
