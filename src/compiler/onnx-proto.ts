import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';

/** ONNX element types Bedside uses. */
export const DataType = { FLOAT: 1, INT64: 7, BOOL: 9, DOUBLE: 11 } as const;

let root: protobuf.Root | undefined;

/** The ONNX message types, parsed from the vendored onnx.proto subset (build time only). */
export function onnxTypes() {
  root ??= protobuf.parse(readFileSync(new URL('./onnx.proto', import.meta.url), 'utf8'), { keepCase: true }).root;
  return {
    Model: root.lookupType('onnx.ModelProto'),
  };
}

/** Encodes a plain ModelProto object. protobufjs writes fields in declaration order: same object, same bytes. */
export function encodeModel(model: Record<string, unknown>): Uint8Array {
  const { Model } = onnxTypes();
  const problem = Model.verify(model);
  if (problem) throw new Error(`internal: invalid ONNX model object: ${problem}`);
  return Model.encode(Model.fromObject(model)).finish();
}

/** A tensor's type and shape, as decoded (the fields Bedside reads). */
export interface OnnxValueInfo {
  name: string;
  type?: { tensor_type?: { elem_type: number; shape?: { dim?: { dim_value?: number; dim_param?: string }[] } } };
}

/** A decoded ModelProto, as far as Bedside reads it; other fields pass through untouched. */
export interface OnnxModel {
  ir_version?: number;
  producer_name?: string;
  producer_version?: string;
  opset_import?: { domain?: string; version: number }[];
  functions?: unknown[];
  graph?: {
    node?: { name?: string; op_type: string; input?: string[]; output?: string[]; attribute?: { name: string; g?: unknown; graphs?: unknown[] }[] }[];
    initializer?: { name: string; data_location?: number }[];
    input?: OnnxValueInfo[];
    output?: OnnxValueInfo[];
  };
}

/** Decodes ONNX bytes into a plain object (for inspection and tests). */
export function decodeModel(bytes: Uint8Array): OnnxModel {
  const { Model } = onnxTypes();
  return Model.toObject(Model.decode(bytes), { longs: Number, bytes: Array, defaults: false }) as OnnxModel;
}
