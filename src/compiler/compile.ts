import { createHash } from 'node:crypto';
import type { Calculator, ManifestEntry } from '../schema';
import type { Problem } from '../schema/friendly';
import { checkOutputs } from './check';
import { embedContributed, inspectContributed } from './contributed';
import { GraphBuilder, readsInput } from './lower';
import { bandOutputName, scoredOutputName, STATUS, statusOutputName, typedInputName, unitInputName, warningOutputName } from '../schema/graph';
import { DataType, encodeModel } from './onnx-proto';

/** Bumped whenever the compiler's output bytes change for the same definition. */
export const COMPILER_VERSION = '2.0.0';
export const OPSET = 17;
export const IR_VERSION = 8;

export { bandOutputName } from '../schema/graph';

/**
 * The graph inputs of a definition: one per input, plus, for an input scored by a table with a
 * column in a unit other than the canonical one, the unit it was typed in and the number as typed.
 */
export function graphInputNames(calc: Calculator): string[] {
  const perUnit = new Set(
    calc.tables
      .filter((t) => {
        const input = calc.inputs.find((i) => i.id === t.input);
        return input?.type === 'number' && Object.keys(t.rows ?? t.above ?? t.from ?? t.below ?? t.upto ?? {}).some((u) => u !== input.unit);
      })
      .map((t) => t.input),
  );
  return calc.inputs.flatMap((i) => (perUnit.has(i.id) ? [i.id, unitInputName(i.id), typedInputName(i.id)] : [i.id]));
}

const tensor = (name: string) => ({
  name,
  type: { tensor_type: { elem_type: DataType.DOUBLE, shape: { dim: [{ dim_param: 'N' }] } } },
});

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Compiles a definition into ONNX bytes: one float64 [N] graph input per definition input, one
 * [N] output per output, a `<id>.band` output per interpreted output and a `<id>.warning.<n>`
 * output (0/1) per applicability warning. Deterministic. A
 * contributed model (`source`, the bytes of `calc.model.file`) is inspected and wrapped instead.
 */
export function compileCalculator(id: string, calc: Calculator, source?: Uint8Array): { bytes?: Uint8Array; entry?: ManifestEntry; problems: Problem[] } {
  const { outputs, tables, problems } = checkOutputs(calc);
  if (problems.length) return { problems };
  if (calc.model && !source)
    return { problems: [{ path: ['model', 'file'], message: `${calc.model.file} does not exist`, hint: 'add the contributed .onnx file at that path' }] };
  const inspection = calc.model ? inspectContributed(source!, calc) : undefined;
  if (inspection?.problems.length) return { problems: inspection.problems };
  const g = new GraphBuilder();
  if (inspection?.inspected) embedContributed(g, calc, inspection.inspected);
  const inputIds = new Set(calc.inputs.map((i) => i.id));
  const whereReads = new Map<string, boolean>();
  const graphOutputs: string[] = [];
  const first = calc.inputs[0].id;
  const broadcast = (t: string) => g.node('Expand', [t, g.node('Shape', [first])]);

  // Every table is a graph output too: the page lists what scored from the model's own values.
  for (const t of tables) {
    g.lower(t);
    graphOutputs.push(t.id);
  }

  for (const o of outputs) {
    const def = calc.outputs.find((d) => d.id === o.id)!;
    for (const w of o.where) {
      const reads = readsInput(w.expr, inputIds, whereReads);
      // An exported step (a dose's parts) is a graph output: one value per row, like every output.
      const exported = o.exported?.includes(w.name);
      whereReads.set(w.name, reads || !!exported);
      g.node('Identity', [exported && !reads ? broadcast(g.lower(w.expr)) : g.lower(w.expr)], [], w.name);
      if (exported) graphOutputs.push(w.name);
      // A where-term listed in "scored" is a graph output too (the page lists it from the model's value).
      if (w.name in def.scored) {
        g.node('Identity', [whereReads.get(w.name) ? w.name : broadcast(w.name)], [], scoredOutputName(w.name));
        graphOutputs.push(scoredOutputName(w.name));
      }
    }
    let value = g.lower(o.expr);
    if (!readsInput(o.expr, inputIds, whereReads)) value = broadcast(value);
    const valid = o.valid ? g.lower(o.valid) : undefined;
    // Outside the plausible range the value is NaN (never banded); a NaN value itself is not "implausible".
    const implausible = def.plausible
      ? [
          def.plausible.min !== undefined ? g.node('Less', [value, g.constant(def.plausible.min)]) : undefined,
          def.plausible.max !== undefined ? g.node('Greater', [value, g.constant(def.plausible.max)]) : undefined,
        ]
          .filter((x): x is string => x !== undefined)
          .reduce((a, b) => g.node('Or', [a, b]))
      : undefined;
    if (valid) value = g.node('Where', [valid, value, g.constant(NaN)]);
    if (implausible) value = g.node('Where', [implausible, g.constant(NaN), value]);
    g.node('Identity', [value], [], o.id);
    whereReads.set(o.id, true);
    graphOutputs.push(o.id);
    if (valid || implausible) {
      let status = g.constant(STATUS.ok);
      if (implausible) status = g.node('Where', [implausible, g.constant(STATUS.implausible), status]);
      if (valid) status = g.node('Where', [valid, status, g.constant(STATUS.invalid)]);
      g.node('Identity', [broadcast(status)], [], statusOutputName(o.id));
      graphOutputs.push(statusOutputName(o.id));
    }
    // Applicability warnings: 1 where the condition holds, else 0 (a NaN input compares false).
    (o.warnings ?? []).forEach((w, j) => {
      const flag = g.node('Where', [g.lower(w), g.constant(1), g.constant(0)]);
      g.node('Identity', [readsInput(w, inputIds, whereReads) ? flag : broadcast(flag)], [], warningOutputName(o.id, j));
      graphOutputs.push(warningOutputName(o.id, j));
    });

    const bands = calc.interpretation.find((it) => it.output === o.id)?.bands;
    if (bands) {
      const r = def.format === 'category' ? o.id : g.round(o.id, def.decimals);
      let acc = g.constant(-1);
      for (let j = bands.length - 1; j >= 0; j--) {
        const { min, max, value: code } = bands[j];
        const lo = min !== undefined ? g.node('GreaterOrEqual', [r, g.constant(min)]) : undefined;
        const hi = max !== undefined ? g.node('Less', [r, g.constant(max)]) : undefined;
        const inBand =
          code !== undefined
            ? g.node('Equal', [r, g.constant(code)])
            : lo && hi
              ? g.node('And', [lo, hi])
              : (lo ?? hi ?? g.node('Not', [g.node('IsNaN', [r])]));
        acc = g.node('Where', [inBand, g.constant(j), acc]);
      }
      g.node('Identity', [acc], [], bandOutputName(o.id));
      graphOutputs.push(bandOutputName(o.id));
    }
  }

  const contributed = inspection?.inspected?.model;
  const producer = contributed
    ? `external: ${contributed.producer_name ?? 'unknown'} ${contributed.producer_version ?? ''}`.trim() + `, wrapped by bedside-compiler ${COMPILER_VERSION}`
    : `bedside-compiler ${COMPILER_VERSION}`;
  const opset = contributed ? (contributed.opset_import ?? []) : [{ domain: '', version: OPSET }];
  const bytes = encodeModel({
    ir_version: contributed ? Math.max(Number(contributed.ir_version), 7) : IR_VERSION,
    opset_import: opset,
    producer_name: 'bedside-compiler',
    producer_version: COMPILER_VERSION,
    doc_string: `${calc.title} — ${calc.variant}`,
    graph: {
      name: id,
      node: g.nodes,
      initializer: g.initializers,
      input: graphInputNames(calc).map(tensor),
      output: graphOutputs.map(tensor),
    },
    metadata_props: [
      { key: 'bedside.id', value: id },
      { key: 'bedside.version', value: calc.version },
      ...(source ? [{ key: 'bedside.source_sha256', value: sha256(source) }] : []),
    ],
  });
  const entry: ManifestEntry = {
    sha256: sha256(bytes),
    bytes: bytes.length,
    producer,
    ir_version: contributed ? Math.max(Number(contributed.ir_version), 7) : IR_VERSION,
    opset: Object.fromEntries(opset.map((o: { domain?: string; version: number }) => [o.domain || 'ai.onnx', Number(o.version)])),
    inputs: graphInputNames(calc),
    outputs: graphOutputs,
    ...(source && calc.model
      ? {
          source: {
            file: calc.model.file,
            sha256: sha256(source),
            producer: `${contributed?.producer_name ?? 'unknown'} ${contributed?.producer_version ?? ''}`.trim(),
          },
        }
      : {}),
  };
  return { bytes, entry, problems: [] };
}
