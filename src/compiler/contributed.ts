/**
 * Contributed (trained) models: inspect an ONNX file for what onnxruntime-web can run in the
 * browser, then embed its graph in a wrapper with Bedside's standard interface — one float64 [N]
 * input per feature, one [N] output per output, and the band outputs — so the page, the CLI and
 * the tests run it exactly like a compiled model.
 */
import type { Calculator } from '../schema';
import type { Problem } from '../schema/friendly';
import type { GraphBuilder } from './lower';
import { DataType, decodeModel, type OnnxModel, type OnnxValueInfo } from './onnx-proto';

/** Opset range of the default domain that the wrapper's own operators and ORT 1.30 support. */
export const AI_ONNX_OPSETS = [13, 21] as const;
export const ML_OPSET_MAX = 5;
const DOMAINS = ['', 'ai.onnx', 'ai.onnx.ml'];
const PREFIX = 'm/';

export interface Inspected {
  model: OnnxModel & { graph: NonNullable<OnnxModel['graph']> };
  /** Element type of the feature input (FLOAT or DOUBLE). */
  inputType: number;
  /** Output tensors by name, with their rank. */
  outputs: Map<string, number>;
}

const tensorType = (v: OnnxValueInfo | undefined) => v?.type?.tensor_type;

/** Every reason the browser runtime could not run this model as declared, in author-facing words. */
export function inspectContributed(bytes: Uint8Array, calc: Calculator): { problems: Problem[]; inspected?: Inspected } {
  const spec = calc.model!;
  const problems: Problem[] = [];
  const at = (message: string, hint?: string, path: (string | number)[] = ['model', 'file']) => problems.push({ path, message, hint });
  let model: OnnxModel;
  try {
    model = decodeModel(bytes);
  } catch (e) {
    at(`${spec.file} is not an ONNX model (${(e as Error).message})`);
    return { problems };
  }
  const graph = model.graph;
  if (!graph) {
    at(`${spec.file} has no graph`);
    return { problems };
  }
  for (const op of model.opset_import ?? []) {
    const domain = op.domain ?? '';
    if (!DOMAINS.includes(domain))
      at(
        `${spec.file} uses operator domain "${domain}", which onnxruntime-web cannot run. Allowed: ai.onnx, ai.onnx.ml`,
        'export with standard operators only (no custom ops)',
      );
    else if (domain !== 'ai.onnx.ml' && (op.version < AI_ONNX_OPSETS[0] || op.version > AI_ONNX_OPSETS[1]))
      at(
        `${spec.file} uses ai.onnx opset ${op.version}; Bedside runs opsets ${AI_ONNX_OPSETS[0]} to ${AI_ONNX_OPSETS[1]}`,
        `re-export with target_opset between ${AI_ONNX_OPSETS[0]} and ${AI_ONNX_OPSETS[1]}`,
      );
    else if (domain === 'ai.onnx.ml' && op.version > ML_OPSET_MAX) at(`${spec.file} uses ai.onnx.ml opset ${op.version}; Bedside runs up to ${ML_OPSET_MAX}`);
  }
  if ((model.ir_version ?? 0) < 7) at(`${spec.file} has IR version ${model.ir_version}; Bedside needs 7 or later`, 're-export with a current exporter');
  if ((model.functions ?? []).length) at(`${spec.file} defines model-local functions, which Bedside does not re-package`, 'export with functions inlined');
  const nodes = graph.node ?? [];
  if (nodes.some((n) => (n.attribute ?? []).some((a) => a.g || a.graphs?.length)))
    at(`${spec.file} uses control flow with subgraphs (If, Loop, Scan), which Bedside does not re-package`, 'export a model without control-flow operators');
  if (nodes.some((n) => n.op_type === 'ZipMap'))
    at(
      `${spec.file} ends in a ZipMap: onnxruntime-web cannot read its sequence-of-maps output`,
      "export without ZipMap (skl2onnx: options={id(model): {'zipmap': False}}) so probabilities are a plain [N, classes] tensor",
    );
  for (const t of graph.initializer ?? [])
    if (t.data_location === 1)
      at(`${spec.file} keeps weights in external files (${t.name}); a browser loads one file`, 'save the model with all tensors inside the .onnx file');
  const initNames = new Set((graph.initializer ?? []).map((t) => t.name));
  const realInputs = (graph.input ?? []).filter((i) => !initNames.has(i.name));
  const input = realInputs.find((i) => i.name === spec.input);
  let inputType = DataType.FLOAT as number;
  if (!input) {
    at(`the model has no input "${spec.input}". Its inputs: ${realInputs.map((i) => i.name).join(', ') || '(none)'}`, undefined, ['model', 'input']);
  } else {
    const tt = tensorType(input);
    const dims = tt?.shape?.dim ?? [];
    inputType = tt?.elem_type ?? 0;
    if (inputType !== DataType.FLOAT && inputType !== DataType.DOUBLE)
      at(`input "${spec.input}" has element type ${inputType}; Bedside feeds float32 or float64 features`, undefined, ['model', 'input']);
    if (dims.length !== 2) at(`input "${spec.input}" has ${dims.length} dimensions; Bedside feeds [N, features]`, undefined, ['model', 'input']);
    else if (dims[1].dim_value === undefined)
      at(
        `input "${spec.input}" has a dynamic feature dimension ("${dims[1].dim_param ?? '?'}"), so Bedside cannot tell how many features it takes`,
        `export with a fixed second dimension of ${spec.features.length}`,
        ['model', 'input'],
      );
    else if (Number(dims[1].dim_value) !== spec.features.length)
      at(
        `input "${spec.input}" takes ${dims[1].dim_value} features but the definition lists ${spec.features.length} (${spec.features.join(', ')})`,
        'list exactly the features the model was trained on, in column order',
        ['model', 'features'],
      );
  }
  if (input)
    for (const extra of realInputs.filter((i) => i.name !== spec.input))
      at(`the model has a second input "${extra.name}"; Bedside feeds one feature tensor`, undefined, ['model', 'input']);
  const outputs = new Map<string, number>();
  for (const o of graph.output ?? []) {
    const tt = tensorType(o);
    if (!tt)
      at(`output "${o.name}" is not a tensor (a sequence or map); onnxruntime-web cannot read it`, 'export plain tensor outputs (no ZipMap, no sequences)');
    else outputs.set(o.name, tt.shape?.dim?.length ?? 1);
  }
  calc.outputs.forEach((o, k) => {
    if (o.from_model && !outputs.has(o.from_model.tensor))
      at(`"${o.from_model.tensor}" is not a tensor output of the model. Its outputs: ${[...outputs.keys()].join(', ')}`, undefined, [
        'outputs',
        k,
        'from_model',
        'tensor',
      ]);
  });
  return { problems, inspected: problems.length ? undefined : { model: { ...model, graph }, inputType, outputs } };
}

const rename = (n: string) => (n === '' ? n : `${PREFIX}${n}`);

/** Copies the contributed graph into `g` under the `m/` prefix and feeds it from the feature inputs. */
export function embedContributed(g: GraphBuilder, calc: Calculator, inspected: Inspected): void {
  const graph = inspected.model.graph;
  // Per-feature float64 [N] inputs -> [N, F] in the model's element type.
  const columns = calc.model!.features.map((f) => g.node('Reshape', [f, g.int64([2], [-1, 1])]));
  const packed = g.node('Concat', columns, [{ name: 'axis', type: 2, i: 1 }]);
  g.node('Cast', [packed], [{ name: 'to', type: 2, i: inspected.inputType }], rename(calc.model!.input));
  for (const t of graph.initializer ?? []) g.initializers.push({ ...t, name: rename(t.name) });
  for (const n of graph.node ?? [])
    g.nodes.push({ ...n, name: rename(n.name ?? ''), input: (n.input ?? []).map(rename), output: (n.output ?? []).map(rename) });
  for (const [name, rank] of inspected.outputs) g.modelTensors.set(name, { name: rename(name), rank });
}
