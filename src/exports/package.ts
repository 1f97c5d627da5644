/**
 * The downloads of a calculator page, generated at build time: the model package (a .zip with the
 * .onnx, the definition as JSON and the model card) and the FHIR R4 SDC Questionnaire.
 * Everything here is deterministic: the same definition and model give the same bytes.
 *
 * Build time only (export endpoints, the Downloads component, tests); no value import from astro:content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, zipSync, type Zippable } from 'fflate';
import type { Calculator, ManifestEntry } from '../schema';
import { readManifest } from '../definitions/models';
import { toQuestionnaire } from './fhir';
import { citationText } from '../format/citation';
import { signedPoints } from '../format/points';
import { warningOutputName } from '../schema/graph';

// ---------------------------------------------------------------------------------------------

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

// A fixed time stamp (local 1980-01-01 00:00, the earliest a zip can hold): same entries, same bytes.
const MTIME = '1980-01-01T00:00:00';

/** A .zip of `entries`, in the given order (fflate); each entry deflated, or stored when deflate does not help. */
export function zip(entries: ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) {
    const store = deflateSync(e.data, { level: 9 }).length >= e.data.length;
    files[e.name] = [e.data, { level: store ? 0 : 9, mtime: MTIME }];
  }
  return zipSync(files, { mtime: MTIME });
}

// ---------------------------------------------------------------------------------------------
// The model card

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const range = (r?: readonly [number, number]) => (r ? `${r[0]} – ${r[1]}` : '');

/** The calculator (or model) card: everything needed to run the .onnx elsewhere and to trust it. */
export function modelCard(id: string, calc: Calculator, m: ManifestEntry): string {
  const lines: string[] = [];
  lines.push(`# ${calc.title}`, '');
  lines.push(calc.summary, '');
  lines.push('| | |', '| --- | --- |');
  lines.push(`| Calculator | \`${id}\` |`);
  lines.push(`| Variant | ${esc(calc.variant)} |`);
  lines.push(`| Version | ${calc.version} |`);
  const reviewed = calc.reviewers.length
    ? ` (reviewed by ${calc.reviewers.map((r) => r.name + (r.role ? `, ${r.role}` : '')).join('; ')}${calc.last_reviewed ? `, ${calc.last_reviewed}` : ''})`
    : '';
  lines.push(`| Status | ${calc.status}${reviewed} |`);
  lines.push(`| Model file | \`${id}.onnx\` (${m.bytes} bytes) |`);
  lines.push(`| sha256 | \`${m.sha256}\` |`);
  if (m.producer) lines.push(`| Producer | ${m.producer} |`);
  if (m.opset)
    lines.push(
      `| Opsets | ${Object.entries(m.opset)
        .map(([d, v]) => `${d} ${v}`)
        .join(', ')}${m.ir_version ? `; IR ${m.ir_version}` : ''} |`,
    );
  lines.push('');
  lines.push('Check the file before use: `sha256sum ' + id + '.onnx` must print the sha256 above.', '');

  lines.push('## Inputs', '');
  lines.push('One graph input per row, each a float64 tensor of shape [N] (a batch of N patients), named as below.', '');
  lines.push('| tensor | label | type | unit | limits | typical | values |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const i of calc.inputs) {
    if (i.type === 'number')
      lines.push(
        `| \`${i.id}\` | ${esc(i.label)} | number${i.optional ? ' (optional: NaN when unknown)' : ''}${i.default !== undefined ? ` (default ${i.default})` : ''} | ${esc(i.unit)} | ${range(i.limits)} | ${range(i.typical)} | |`,
      );
    else if (i.type === 'choice')
      lines.push(
        `| \`${i.id}\` | ${esc(i.label)} | choice | | | | ${i.options.map((o) => `${o.value} = ${esc(o.label)}${o.points !== undefined ? ` (${signedPoints(o.points)} pt)` : ''}`).join('; ')} |`,
      );
    else if (i.type === 'yesno')
      lines.push(`| \`${i.id}\` | ${esc(i.label)} | yes/no | | | | 0 = no, 1 = yes${i.points !== undefined ? ` (${signedPoints(i.points)} pt if yes)` : ''} |`);
    else lines.push(`| \`${i.id}\` | ${esc(i.label)} | date | days since 1970-01-01 (UTC) | | | |`);
  }
  lines.push('', 'Values outside the limits are refused by Bedside; the model itself does not check them. Typical ranges flag likely unit mistakes.', '');

  lines.push('## Outputs', '');
  lines.push('| tensor | label | unit | decimals shown |', '| --- | --- | --- | --- |');
  for (const o of calc.outputs)
    lines.push(
      `| \`${o.id}\` | ${esc(o.label)} | ${o.format === 'date' ? 'date (days since 1970-01-01)' : o.format === 'weeks-days' ? 'days' : esc(o.unit ?? '')} | ${o.decimals} |`,
    );
  const bandOutputs = m.outputs.filter((n) => n.endsWith('.band'));
  if (bandOutputs.length)
    lines.push(
      '',
      `${bandOutputs.map((b) => `\`${b}\``).join(', ')}: index of the interpretation band (below), matched on the value rounded to its displayed decimals; -1 for none.`,
    );
  lines.push('');
  for (const o of calc.outputs) {
    if (o.formula) {
      lines.push(`**${esc(o.label)}** (\`${o.id}\`)`, '');
      for (const [w, f] of Object.entries(o.where)) lines.push(`    ${w} = ${f}`);
      lines.push(`    ${o.id} = ${o.formula}`);
      if (o.valid) lines.push(`    valid when ${o.valid.when} (otherwise NaN: ${o.valid.reason})`);
      o.warnings.forEach((w, j) => lines.push(`    warning ${j} (${warningOutputName(o.id, j)} = 1) when ${w.when}: ${w.text}`));
      lines.push('');
    } else if (o.dose) {
      // A dose is declared, not a formula: its fields as written, and the parts the model outputs.
      lines.push(`**${esc(o.label)}** (\`${o.id}\`): a dose (outputs \`${o.id}.dose.<part>\`: weight, uncapped, limit, cap, volume …)`, '');
      for (const [k, v] of Object.entries(o.dose)) if (v !== undefined && !(Array.isArray(v) && !v.length)) lines.push(`    ${k}: ${JSON.stringify(v)}`);
      lines.push('');
    } else if (o.points) {
      lines.push(`**${esc(o.label)}** (\`${o.id}\`) = sum of the points of ${o.points === 'all' ? 'every scored input' : o.points.join(', ')}`, '');
    }
  }

  if (calc.interpretation.length) {
    lines.push('## Interpretation', '');
    for (const it of calc.interpretation) {
      lines.push(`${it.output} — source: ${esc(it.source)}`, '');
      lines.push('| band | min (inclusive) | max (exclusive) | label |', '| --- | --- | --- | --- |');
      it.bands.forEach((b, k) => lines.push(`| ${k} | ${b.min ?? ''} | ${b.max ?? ''} | ${esc(b.label)} |`));
      lines.push('');
    }
  }

  const card = calc.model_card;
  if (card) {
    lines.push('## Model card', '');
    for (const [k, v] of Object.entries(card)) lines.push(`- **${k.replace(/_/g, ' ')}**: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
    lines.push('');
  }

  lines.push('## References', '');
  for (const r of [...calc.references].sort((a, b) => Number(b.primary) - Number(a.primary)))
    lines.push(`- ${r.primary ? '**Primary:** ' : ''}${citationText(r)}`);
  lines.push('');

  lines.push('## Running it elsewhere', '');
  lines.push('```python', 'import numpy as np, onnxruntime as ort', `s = ort.InferenceSession("${id}.onnx")`);
  lines.push(`out = s.run(None, {${m.inputs.map((n) => `"${n}": np.array([...], dtype=np.float64)`).join(', ')}})`);
  lines.push(`# out[k] is the output named ${JSON.stringify(m.outputs)}[k]`, '```', '');
  lines.push(`${id}.calculator.json is the full definition (inputs, units, limits, formulas, bands, evidence) this model was compiled from.`, '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The files of a calculator's downloads

export interface ExportFile {
  /** File name in the URL: /exports/<id>/<file>. */
  file: string;
  label: string;
  type: string;
  bytes: Uint8Array;
}

/** File names served under /exports/<id>/. */
export const EXPORT_FILES = (id: string) => ({ package: `${id}-model-package.zip`, questionnaire: 'questionnaire.json' });

const cache = new Map<string, ExportFile[]>();

/** Reads the committed model and its manifest entry (from the repository root). */
export function readModel(id: string, root = process.cwd()): { bytes: Uint8Array; info: ManifestEntry } {
  const info = readManifest(join(root, 'models', 'manifest.json'))[id];
  if (!info) throw new Error(`models/manifest.json has no model for ${id}: run npm run models`);
  return { bytes: new Uint8Array(readFileSync(join(root, 'models', `${id}.onnx`))), info };
}

/** The model package: `<id>.onnx`, `<id>.calculator.json`, `<id>.model-card.md`. */
export function modelPackage(id: string, calc: Calculator, model = readModel(id)): Uint8Array {
  const enc = new TextEncoder();
  return zip([
    { name: `${id}.onnx`, data: model.bytes },
    { name: `${id}.calculator.json`, data: enc.encode(JSON.stringify(calc, null, 2) + '\n') },
    { name: `${id}.model-card.md`, data: enc.encode(modelCard(id, calc, model.info)) },
  ]);
}

/** Every download of a calculator, built once per build. */
export function exportFiles(id: string, calc: Calculator): ExportFile[] {
  const model = readModel(id);
  const key = `${id}\0${model.info.sha256}\0${JSON.stringify(calc)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const names = EXPORT_FILES(id);
  const files: ExportFile[] = [
    { file: names.package, label: 'Model package (.onnx, definition, model card)', type: 'application/zip', bytes: modelPackage(id, calc, model) },
    {
      file: names.questionnaire,
      label: 'FHIR R4 SDC Questionnaire',
      type: 'application/fhir+json',
      bytes: new TextEncoder().encode(JSON.stringify(toQuestionnaire(id, calc).questionnaire, null, 2) + '\n'),
    },
  ];
  cache.set(key, files);
  return files;
}

/** "12.3 KB" */
export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
