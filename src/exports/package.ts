/**
 * The downloads of a calculator page, generated at build time: the model package (a .zip with the
 * .onnx, the definition as JSON and the model card) and the FHIR R4 SDC Questionnaire.
 * Everything here is deterministic: the same definition and model give the same bytes.
 *
 * Build time only (export endpoints, the Downloads component, tests); no value import from astro:content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import type { Calculator } from '../schema';
import { toQuestionnaire } from './fhir';
import { citationText } from '../format/citation';
import { signedPoints } from '../format/points';

// ---------------------------------------------------------------------------------------------
// A minimal, deterministic zip writer (PKWARE APPNOTE 6.3: local headers, central directory, end
// record; deflate or store; UTF-8 names; no timestamps beyond a fixed 1980-01-01 00:00).

export interface ZipEntry { name: string; data: Uint8Array }

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const UTF8 = 1 << 11;

interface EntryFields { method: number; crc: number; size: number; raw: number; nameLength: number }

/**
 * The 26 bytes a local header (at 4) and its central directory entry (at 6) share: version needed,
 * flags, method, time, date, CRC-32, compressed and uncompressed sizes, name length.
 */
function writeCommon(b: Buffer, at: number, f: EntryFields): void {
  b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  b.writeUInt16LE(UTF8, at + 2);
  b.writeUInt16LE(f.method, at + 4);
  b.writeUInt16LE(DOS_TIME, at + 6);
  b.writeUInt16LE(DOS_DATE, at + 8);
  b.writeUInt32LE(f.crc, at + 10);
  b.writeUInt32LE(f.size, at + 14);
  b.writeUInt32LE(f.raw, at + 18);
  b.writeUInt16LE(f.nameLength, at + 22);
}

/** A .zip of `entries`, in the given order; the same entries always give the same bytes. */
export function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data) >>> 0;
    const deflated = deflateRawSync(e.data, { level: 9 });
    const [method, body] = deflated.length < e.data.length ? [8, deflated] : [0, Buffer.from(e.data)];
    const fields = { method, crc, size: body.length, raw: e.data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, fields);
    // extra field length 28: 0
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    writeCommon(central, 6, fields);
    // extra 30, comment 32, disk 34, internal attributes 36: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

// ---------------------------------------------------------------------------------------------
// The model card

/** What models/manifest.json says about one model. */
export interface ModelInfo {
  sha256: string;
  bytes?: number;
  producer?: string;
  ir_version?: number;
  opset?: Record<string, number>;
  inputs: string[];
  outputs: string[];
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const range = (r?: readonly [number, number]) => (r ? `${r[0]} – ${r[1]}` : '');

/** The calculator (or model) card: everything needed to run the .onnx elsewhere and to trust it. */
export function modelCard(id: string, calc: Calculator, m: ModelInfo): string {
  const extra = calc as Calculator & Record<string, unknown>;
  const lines: string[] = [];
  lines.push(`# ${calc.title}`, '');
  lines.push(calc.summary, '');
  lines.push('| | |', '| --- | --- |');
  lines.push(`| Calculator | \`${id}\` |`);
  lines.push(`| Variant | ${esc(calc.variant)} |`);
  lines.push(`| Version | ${calc.version} |`);
  if (typeof extra.status === 'string') lines.push(`| Status | ${extra.status}${Array.isArray(extra.reviewers) && extra.reviewers.length ? ` (reviewed by ${(extra.reviewers as { name: string; role?: string }[]).map((r) => r.name + (r.role ? `, ${r.role}` : '')).join('; ')}${extra.last_reviewed ? `, ${extra.last_reviewed}` : ''})` : ''} |`);
  lines.push(`| Model file | \`${id}.onnx\` (${m.bytes ?? '?'} bytes) |`);
  lines.push(`| sha256 | \`${m.sha256}\` |`);
  if (m.producer) lines.push(`| Producer | ${m.producer} |`);
  if (m.opset) lines.push(`| Opsets | ${Object.entries(m.opset).map(([d, v]) => `${d} ${v}`).join(', ')}${m.ir_version ? `; IR ${m.ir_version}` : ''} |`);
  lines.push('');
  lines.push('Check the file before use: `sha256sum ' + id + '.onnx` must print the sha256 above.', '');

  lines.push('## Inputs', '');
  lines.push('One graph input per row, each a float64 tensor of shape [N] (a batch of N patients), named as below.', '');
  lines.push('| tensor | label | type | unit | limits | typical | values |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const i of calc.inputs) {
    if (i.type === 'number')
      lines.push(`| \`${i.id}\` | ${esc(i.label)} | number${i.optional ? ' (optional: NaN when unknown)' : ''}${i.default !== undefined ? ` (default ${i.default})` : ''} | ${esc(i.unit)} | ${range(i.limits)} | ${range(i.typical)} | |`);
    else if (i.type === 'choice')
      lines.push(`| \`${i.id}\` | ${esc(i.label)} | choice | | | | ${i.options.map((o) => `${o.value} = ${esc(o.label)}${o.points !== undefined ? ` (${signedPoints(o.points)} pt)` : ''}`).join('; ')} |`);
    else if (i.type === 'yesno')
      lines.push(`| \`${i.id}\` | ${esc(i.label)} | yes/no | | | | 0 = no, 1 = yes${i.points !== undefined ? ` (${signedPoints(i.points)} pt if yes)` : ''} |`);
    else lines.push(`| \`${i.id}\` | ${esc(i.label)} | date | days since 1970-01-01 (UTC) | | | |`);
  }
  lines.push('', 'Values outside the limits are refused by Bedside; the model itself does not check them. Typical ranges flag likely unit mistakes.', '');

  lines.push('## Outputs', '');
  lines.push('| tensor | label | unit | decimals shown |', '| --- | --- | --- | --- |');
  for (const o of calc.outputs)
    lines.push(`| \`${o.id}\` | ${esc(o.label)} | ${o.format === 'date' ? 'date (days since 1970-01-01)' : o.format === 'weeks-days' ? 'days' : esc(o.unit ?? '')} | ${o.decimals} |`);
  const bandOutputs = m.outputs.filter((n) => n.endsWith('.band'));
  if (bandOutputs.length)
    lines.push('', `${bandOutputs.map((b) => `\`${b}\``).join(', ')}: index of the interpretation band (below), matched on the value rounded to its displayed decimals; -1 for none.`);
  lines.push('');
  for (const o of calc.outputs) {
    if (o.formula) {
      lines.push(`**${esc(o.label)}** (\`${o.id}\`)`, '');
      for (const [w, f] of Object.entries(o.where)) lines.push(`    ${w} = ${f}`);
      lines.push(`    ${o.id} = ${o.formula}`);
      if (o.valid) lines.push(`    valid when ${o.valid.when} (otherwise NaN: ${o.valid.reason})`);
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

  const card = extra.model_card ?? extra.card;
  if (card && typeof card === 'object') {
    lines.push('## Model card', '');
    for (const [k, v] of Object.entries(card as Record<string, unknown>))
      lines.push(`- **${k.replace(/_/g, ' ')}**: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
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
export function readModel(id: string, root = process.cwd()): { bytes: Uint8Array; info: ModelInfo } {
  const manifest = JSON.parse(readFileSync(join(root, 'models', 'manifest.json'), 'utf8')) as Record<string, ModelInfo>;
  const info = manifest[id];
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
