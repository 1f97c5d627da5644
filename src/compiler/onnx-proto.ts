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

/** Decodes ONNX bytes into a plain object (for inspection and tests). */
export function decodeModel(bytes: Uint8Array): any {
  const { Model } = onnxTypes();
  return Model.toObject(Model.decode(bytes), { longs: Number, bytes: Array, defaults: false });
}
