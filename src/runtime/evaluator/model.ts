/**
 * Decodes the parts of an ONNX ModelProto the evaluator looks at (field numbers from onnx/onnx.proto,
 * as vendored in src/compiler/onnx.proto). Anything the evaluator would have to understand but does
 * not (external data, sparse initializers, attribute references, subgraphs) is recorded in
 * `unsupported`, so the graph goes to onnxruntime-web instead.
 */
import { WireReader } from './wire';

/** ONNX TensorProto.DataType values the evaluator computes with. */
export const DOUBLE = 11;
export const INT64 = 7;
export const BOOL = 9;

export interface TensorData {
  name: string;
  dataType: number;
  dims: number[];
  /** Element values: doubles, int64 as exact numbers, bools as 0/1. */
  values: number[];
}

export interface Attribute {
  name: string;
  type: number;
  i?: number;
  f?: number;
  t?: TensorData;
  ints: number[];
  floats: number[];
}

export interface NodeData {
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Attribute[];
}

export interface ValueInfo {
  name: string;
  /** Tensor element type, or undefined when the value is not a tensor. */
  elemType?: number;
  /** Dimensions: a number, a symbolic name, or undefined when unknown; undefined shape when absent. */
  shape?: (number | string | undefined)[];
}

export interface ModelData {
  irVersion: number;
  opsets: { domain: string; version: number }[];
  nodes: NodeData[];
  initializers: TensorData[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  /** Why the evaluator cannot take this model, found while decoding. */
  unsupported: string[];
}

/** Reads every field of a message, calling `on` with its number and wire type. */
function each(r: WireReader, on: (no: number, wire: number) => boolean | void): void {
  for (let f = r.field(); f; f = r.field()) if (on(f[0], f[1]) === false) r.skip(f[1]);
}

const readVarint = (r: WireReader) => r.varint();

function decodeTensor(r: WireReader, unsupported: string[]): TensorData {
  const t: TensorData = { name: '', dataType: 0, dims: [], values: [] };
  let raw: Uint8Array | undefined;
  const typed: number[] = [];
  each(r, (no, wire) => {
    if (no === 1) r.repeated(wire, readVarint, t.dims, 0);
    else if (no === 2) t.dataType = r.varint();
    else if (no === 8) t.name = r.string();
    else if (no === 9) raw = r.bytes();
    else if (no === 7 || no === 5)
      r.repeated(wire, readVarint, typed, 0); // int64_data, int32_data (bools)
    else if (no === 10) r.repeated(wire, (x) => x.fixed64Double(), typed, 1);
    else if (no === 4 || no === 6 || no === 11 || no === 3 || no === 13 || no === 14) {
      unsupported.push(`tensor field ${no} (float, string, uint64, segment or external data)`);
      return false;
    } else return false;
  });
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (![DOUBLE, INT64, BOOL].includes(t.dataType)) {
    unsupported.push(`tensor ${t.name} of element type ${t.dataType}; supported: double, int64, bool`);
    return t;
  }
  if (raw) {
    if (typed.length) unsupported.push(`tensor ${t.name} has both raw and typed data`);
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const size = t.dataType === BOOL ? 1 : 8;
    if (raw.length !== count * size) unsupported.push(`tensor ${t.name} holds ${raw.length} bytes for ${count} elements`);
    else
      for (let k = 0; k < count; k++) {
        if (t.dataType === DOUBLE) t.values.push(view.getFloat64(8 * k, true));
        else if (t.dataType === INT64) {
          const v = view.getBigInt64(8 * k, true);
          if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(-Number.MAX_SAFE_INTEGER)) unsupported.push(`int64 beyond 2^53 in ${t.name}`);
          t.values.push(Number(v));
        } else if (t.dataType === BOOL) t.values.push(raw[k] ? 1 : 0);
      }
  } else {
    if (typed.length !== count) unsupported.push(`tensor ${t.name} holds ${typed.length} values for ${count} elements`);
    t.values = t.dataType === BOOL ? typed.map((v) => (v ? 1 : 0)) : typed;
  }
  if (t.dims.some((d) => d < 0)) unsupported.push(`tensor ${t.name} has a negative dimension`);
  return t;
}

function decodeAttribute(r: WireReader, unsupported: string[]): Attribute {
  const a: Attribute = { name: '', type: 0, ints: [], floats: [] };
  each(r, (no, wire) => {
    if (no === 1) a.name = r.string();
    else if (no === 20) a.type = r.varint();
    else if (no === 2) a.f = r.fixed32Float();
    else if (no === 3) a.i = r.varint();
    else if (no === 5) a.t = decodeTensor(r.message(), unsupported);
    else if (no === 7) r.repeated(wire, (x) => x.fixed32Float(), a.floats, 5);
    else if (no === 8) r.repeated(wire, readVarint, a.ints, 0);
    else if (no === 13)
      r.skip(wire); // doc_string
    else {
      unsupported.push(`attribute field ${no} (strings, graphs, tensors, references)`);
      return false;
    }
  });
  return a;
}

function decodeNode(r: WireReader, unsupported: string[]): NodeData {
  const n: NodeData = { name: '', opType: '', domain: '', inputs: [], outputs: [], attributes: [] };
  each(r, (no) => {
    if (no === 1) n.inputs.push(r.string());
    else if (no === 2) n.outputs.push(r.string());
    else if (no === 3) n.name = r.string();
    else if (no === 4) n.opType = r.string();
    else if (no === 7) n.domain = r.string();
    else if (no === 5) n.attributes.push(decodeAttribute(r.message(), unsupported));
    else if (no === 8) {
      if (r.string()) unsupported.push('node overload');
    } else return false;
  });
  return n;
}

function decodeShape(r: WireReader): (number | string | undefined)[] {
  const dims: (number | string | undefined)[] = [];
  each(r, (no) => {
    if (no !== 1) return false;
    const d = r.message();
    let dim: number | string | undefined;
    each(d, (k) => {
      if (k === 1) dim = d.varint();
      else if (k === 2) dim = d.string();
      else return false;
    });
    dims.push(dim);
  });
  return dims;
}

function decodeValueInfo(r: WireReader): ValueInfo {
  const v: ValueInfo = { name: '' };
  each(r, (no) => {
    if (no === 1) v.name = r.string();
    else if (no === 2) {
      const type = r.message();
      each(type, (k) => {
        if (k !== 1) return false; // sequence, map, optional, sparse: not a tensor, elemType stays undefined
        const tt = type.message();
        each(tt, (j) => {
          if (j === 1) v.elemType = tt.varint();
          else if (j === 2) v.shape = decodeShape(tt.message());
          else return false;
        });
      });
    } else return false;
  });
  return v;
}

/** Decodes ONNX bytes. Throws WireError when they are not a well-formed protobuf message. */
export function decodeModel(bytes: Uint8Array): ModelData {
  const m: ModelData = { irVersion: 0, opsets: [], nodes: [], initializers: [], inputs: [], outputs: [], unsupported: [] };
  const r = new WireReader(bytes);
  let graphs = 0;
  each(r, (no) => {
    if (no === 1) m.irVersion = r.varint();
    else if (no === 8) {
      const o = r.message();
      const op = { domain: '', version: 0 };
      each(o, (k) => {
        if (k === 1) op.domain = o.string();
        else if (k === 2) op.version = o.varint();
        else return false;
      });
      m.opsets.push(op);
    } else if (no === 7) {
      graphs++;
      const g = r.message();
      each(g, (k) => {
        if (k === 1) m.nodes.push(decodeNode(g.message(), m.unsupported));
        else if (k === 5) m.initializers.push(decodeTensor(g.message(), m.unsupported));
        else if (k === 11) m.inputs.push(decodeValueInfo(g.message()));
        else if (k === 12) m.outputs.push(decodeValueInfo(g.message()));
        else if (k === 15) {
          m.unsupported.push('sparse initializer');
          return false;
        } else return false; // name, doc_string, value_info (annotations), quantization annotations
      });
    } else if (no === 25) {
      m.unsupported.push('model-local functions');
      return false;
    } else return false;
  });
  if (graphs !== 1) m.unsupported.push(`${graphs} graphs in the model`);
  return m;
}
