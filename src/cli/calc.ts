/**
 * `npm run calc -- <id> name=value ...`: computes a calculator through its committed ONNX model
 * (the same model and runtime code the browser uses) and prints the results as JSON.
 * Values may carry any unit the input accepts: scr=0.8mg/dL or scr=70umol/L.
 */
import { loadCatalog } from '../definitions/load';
import { modelRef } from '../definitions/models';
import { closest } from '../schema/friendly';
import { computeRows, readAll } from '../runtime/calculate';
import { nodeRunner } from '../runtime/node';

const [id, ...args] = process.argv.slice(2);
// Only the requested calculator is read and checked (fast); the full list only for a wrong id.
let { entries } = loadCatalog(undefined, id ? [id] : undefined);
if (id && !entries.length) entries = loadCatalog().entries;
const fail = (msg: string): never => {
  console.error(msg);
  process.exit(1);
};
if (!id) fail(`usage: npm run calc -- <calculator> name=value ...\ncalculators: ${entries.map((e) => e.id).join(', ')}`);
const entry = entries.find((e) => e.id === id);
const near =
  entries.find((e) => e.id.startsWith(id))?.id ??
  closest(
    id,
    entries.map((e) => e.id),
  );
if (!entry) fail(`"${id}" is not a calculator.${near ? ` Did you mean "${near}"?` : ''} Known: ${entries.map((e) => e.id).join(', ')}`);
const { calc } = entry!;

const raw: Record<string, string> = {};
for (const a of args) {
  const m = /^([a-z][a-z0-9_]*)=(.*)$/.exec(a);
  if (!m) fail(`"${a}" is not name=value`);
  if (!calc.inputs.some((i) => i.id === m![1])) {
    const near = closest(
      m![1],
      calc.inputs.map((i) => i.id),
    );
    fail(`"${m![1]}" is not an input of ${id}.${near ? ` Did you mean "${near}"?` : ''} Inputs: ${calc.inputs.map((i) => i.id).join(', ')}`);
  }
  raw[m![1]] = m![2];
}
const { fields, values, ok } = readAll(calc, raw);
const problems = Object.entries(fields)
  .filter(([, f]) => f.status !== 'ok')
  .map(([k, f]) => `  ${k}: ${(f as { message: string }).message}`);
if (!ok) fail(`cannot compute ${id}:\n${problems.join('\n')}`);

const [results] = await computeRows(nodeRunner(), modelRef(id), calc, [values]);
const warnings = Object.entries(fields).flatMap(([k, f]) => (f.status === 'ok' && f.warning ? [`${k}: ${f.warning}`] : []));
console.log(
  JSON.stringify(
    {
      calculator: id,
      title: calc.title,
      version: calc.version,
      inputs: values,
      outputs: Object.fromEntries(results.map((r) => [r.id, { value: r.value, display: r.display, unit: r.unit, interpretation: r.band?.label }])),
      ...(warnings.length ? { warnings } : {}),
    },
    null,
    2,
  ),
);
