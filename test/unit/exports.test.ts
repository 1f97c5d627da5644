/**
 * The downloads of every calculator page (src/exports): the FHIR R4 SDC Questionnaire checked
 * against the R4 Questionnaire rules it relies on (a structural validator, no network), its
 * calculatedExpressions evaluated with the fhirpath engine against QuestionnaireResponses built
 * from the worked examples, and the model package unzipped and compared with the committed model.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync, crc32 } from 'node:zlib';
import ucumLhc from '@lhncbc/ucum-lhc';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { modelFile, readManifest } from '../../src/definitions/models';
import { evaluateAll } from '../../src/compiler/evaluate';
import { categoryExpression, EXT, literal, toQuestionnaire, translateOutputs, UCUM, type QuestionnaireItem } from '../../src/exports/fhir';
import { EXPORT_FILES, exportFiles, modelPackage, zip } from '../../src/exports/package';
import { readAll } from '../../src/runtime/calculate';
import { formatDate } from '../../src/runtime/values';
import { tableRows, type Calculator, type Case } from '../../src/schema';
import { roundHalfAway } from '../../src/units/round';

const { entries } = loadCatalog();
const manifest = () => readManifest();
const ucum = ucumLhc.UcumLhcUtils.getInstance();

// ---------------------------------------------------------------------------------------------
// A structural validator for the parts of FHIR R4 Questionnaire these exports use.

const ITEM_TYPES = [
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'time',
  'string',
  'text',
  'url',
  'choice',
  'open-choice',
  'attachment',
  'reference',
  'quantity',
];
const STATUS = ['draft', 'active', 'retired', 'unknown'];
const VALUE_KEY = /^value[A-Z]/;
/** The value[x] an item's initial / minValue / maxValue must use, by item type. */
const VALUE_FOR_TYPE: Record<string, string> = {
  decimal: 'valueDecimal',
  integer: 'valueInteger',
  boolean: 'valueBoolean',
  date: 'valueDate',
  dateTime: 'valueDateTime',
  time: 'valueTime',
  string: 'valueString',
  text: 'valueString',
  url: 'valueUri',
};

function absoluteUrl(u: unknown): boolean {
  if (typeof u !== 'string') return false;
  try {
    const p = new URL(u);
    return p.protocol === 'http:' || p.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkExtension(ext: any, where: string, problems: string[]) {
  if (!absoluteUrl(ext?.url)) problems.push(`${where}: extension url ${JSON.stringify(ext?.url)} is not an absolute URL`);
  const values = Object.keys(ext ?? {}).filter((k) => VALUE_KEY.test(k));
  const nested = Array.isArray(ext?.extension) && ext.extension.length > 0;
  if (values.length + (nested ? 1 : 0) !== 1)
    problems.push(`${where}: extension ${ext?.url} must have exactly one value[x] or nested extensions (ext-1), has ${values.join(', ') || 'none'}`);
  for (const k of Object.keys(ext ?? {}))
    if (k !== 'url' && k !== 'extension' && !VALUE_KEY.test(k)) problems.push(`${where}: extension has unknown property ${k}`);
}

/** Returns every problem found; [] means the resource passed. */
function validateQuestionnaire(q: any): string[] {
  const problems: string[] = [];
  if (q?.resourceType !== 'Questionnaire') problems.push('resourceType must be Questionnaire');
  if (!STATUS.includes(q?.status)) problems.push(`status ${q?.status} is not one of ${STATUS.join(', ')}`);
  if (q.id !== undefined && !/^[A-Za-z0-9\-.]{1,64}$/.test(q.id)) problems.push(`id ${q.id} is not a FHIR id`);
  if (q.name !== undefined && !/^[A-Z]([A-Za-z0-9_]){0,254}$/.test(q.name)) problems.push(`name ${q.name} is not computer-friendly (que-0)`);
  if (q.version !== undefined && typeof q.version !== 'string') problems.push('version must be a string');
  if (q.date !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?/.test(q.date)) problems.push('date must be a FHIR dateTime');
  for (const p of q.meta?.profile ?? []) if (!absoluteUrl(p)) problems.push(`meta.profile ${p} is not a canonical URL`);
  for (const e of q.extension ?? []) checkExtension(e, 'Questionnaire', problems);
  if (!Array.isArray(q.item) || q.item.length === 0) problems.push('item must be a non-empty array');
  const linkIds = new Set<string>();

  const visit = (it: any, path: string) => {
    const where = `${path}[${it?.linkId}]`;
    if (typeof it?.linkId !== 'string' || it.linkId.length === 0 || it.linkId.length > 255)
      problems.push(`${where}: linkId must be a non-empty string of at most 255 characters`);
    else if (linkIds.has(it.linkId)) problems.push(`${where}: linkId is not unique (que-2)`);
    else linkIds.add(it.linkId);
    if (!ITEM_TYPES.includes(it.type)) problems.push(`${where}: type ${it.type} is not a Questionnaire item type`);
    if (it.text !== undefined && (typeof it.text !== 'string' || it.text === '')) problems.push(`${where}: text must be a non-empty string`);
    const children = it.item ?? [];
    if (it.type === 'group' && children.length === 0) problems.push(`${where}: a group needs items (que-1)`);
    if (it.type === 'display' && children.length > 0) problems.push(`${where}: a display item cannot have items (que-1)`);
    if (it.type === 'display' && it.code) problems.push(`${where}: a display item cannot have a code (que-3)`);
    if (it.answerOption && it.answerValueSet) problems.push(`${where}: answerOption and answerValueSet both present (que-4)`);
    if ((it.answerOption || it.answerValueSet) && !['choice', 'open-choice'].includes(it.type))
      problems.push(`${where}: only choice items have answer options (que-5)`);
    if (it.type === 'choice' && !(it.answerOption?.length || it.answerValueSet)) problems.push(`${where}: a choice item needs answerOption`);
    if (it.type === 'display' && (it.required !== undefined || it.repeats !== undefined))
      problems.push(`${where}: required/repeats not allowed on display items (que-6)`);
    if (['group', 'display'].includes(it.type) && it.initial) problems.push(`${where}: initial not allowed on ${it.type} items (que-8)`);
    if (it.type === 'display' && it.readOnly !== undefined) problems.push(`${where}: readOnly not allowed on display items (que-9)`);
    if (it.answerOption && it.initial) problems.push(`${where}: initial with answerOption (use initialSelected) (que-11)`);
    if (it.initial && it.initial.length > 1 && !it.repeats) problems.push(`${where}: several initial values on a non-repeating item (que-13)`);
    for (const k of ['required', 'readOnly', 'repeats'])
      if (it[k] !== undefined && typeof it[k] !== 'boolean') problems.push(`${where}: ${k} must be a boolean`);
    for (const init of it.initial ?? []) {
      const keys = Object.keys(init).filter((k) => VALUE_KEY.test(k));
      if (keys.length !== 1 || (VALUE_FOR_TYPE[it.type] && keys[0] !== VALUE_FOR_TYPE[it.type]))
        problems.push(`${where}: initial ${JSON.stringify(init)} does not match type ${it.type}`);
    }
    if (it.answerOption) {
      const codes = new Set<string>();
      for (const opt of it.answerOption) {
        const keys = Object.keys(opt).filter((k) => VALUE_KEY.test(k));
        if (keys.length !== 1) problems.push(`${where}: answerOption needs exactly one value[x]`);
        const c = opt.valueCoding;
        if (c) {
          if (typeof c.code !== 'string' || c.code === '' || /^\s|\s$/.test(c.code))
            problems.push(`${where}: answerOption code ${JSON.stringify(c.code)} is not a FHIR code`);
          if (codes.has(c.code)) problems.push(`${where}: answerOption code ${c.code} repeated`);
          codes.add(c.code);
          if (typeof c.display !== 'string' || !c.display) problems.push(`${where}: answerOption ${c.code} has no display`);
          if (c.system !== undefined && !absoluteUrl(c.system) && !/^urn:/.test(c.system)) problems.push(`${where}: answerOption system is not a URI`);
          for (const e of c.extension ?? []) {
            checkExtension(e, `${where}.answerOption`, problems);
            if (e.url === EXT.ordinalValue && typeof e.valueDecimal !== 'number') problems.push(`${where}: ordinalValue must be valueDecimal`);
          }
        }
        if (opt.initialSelected !== undefined && typeof opt.initialSelected !== 'boolean') problems.push(`${where}: initialSelected must be a boolean`);
      }
    }
    const exts: any[] = it.extension ?? [];
    for (const e of exts) checkExtension(e, where, problems);
    const byUrl = (u: string) => exts.filter((e) => e.url === u);
    for (const u of [EXT.unit, EXT.minValue, EXT.maxValue, EXT.calculatedExpression, EXT.maxDecimalPlaces])
      if (byUrl(u).length > 1) problems.push(`${where}: ${u} appears more than once`);
    const unit = byUrl(EXT.unit)[0];
    if (unit) {
      if (!['decimal', 'integer'].includes(it.type)) problems.push(`${where}: questionnaire-unit on a ${it.type} item`);
      if (unit.valueCoding?.system !== UCUM) problems.push(`${where}: unit system must be ${UCUM}`);
      else if (ucum.validateUnitString(unit.valueCoding.code).status !== 'valid') problems.push(`${where}: ${unit.valueCoding.code} is not a valid UCUM code`);
    }
    for (const u of [EXT.minValue, EXT.maxValue]) {
      const e = byUrl(u)[0];
      if (e && Object.keys(e).find((k) => VALUE_KEY.test(k)) !== VALUE_FOR_TYPE[it.type])
        problems.push(`${where}: ${u} must use ${VALUE_FOR_TYPE[it.type]} on a ${it.type} item`);
    }
    const lo = byUrl(EXT.minValue)[0]?.valueDecimal;
    const hi = byUrl(EXT.maxValue)[0]?.valueDecimal;
    if (lo !== undefined && hi !== undefined && !(lo <= hi)) problems.push(`${where}: minValue ${lo} > maxValue ${hi}`);
    const mdp = byUrl(EXT.maxDecimalPlaces)[0];
    if (mdp && (!Number.isInteger(mdp.valueInteger) || mdp.valueInteger < 0)) problems.push(`${where}: maxDecimalPlaces must be a non-negative valueInteger`);
    for (const u of [EXT.calculatedExpression, EXT.initialExpression]) {
      const e = byUrl(u)[0];
      if (!e) continue;
      const ve = e.valueExpression;
      if (ve?.language !== 'text/fhirpath' || typeof ve.expression !== 'string' || !ve.expression)
        problems.push(`${where}: ${u} needs a text/fhirpath valueExpression`);
      else {
        try {
          fhirpath.parse(ve.expression);
        } catch (err) {
          problems.push(`${where}: expression does not parse: ${(err as Error).message}`);
        }
      }
      if (u === EXT.calculatedExpression && it.readOnly !== true) problems.push(`${where}: a calculated item should be readOnly`);
    }
    const control = byUrl(EXT.itemControl)[0];
    if (control && !control.valueCodeableConcept?.coding?.every((c: any) => absoluteUrl(c.system) && c.code))
      problems.push(`${where}: itemControl needs a coding with system and code`);
    children.forEach((c: any) => visit(c, `${where}.item`));
  };
  (q.item ?? []).forEach((it: any) => visit(it, 'item'));
  return problems;
}

const flatItems = (items: QuestionnaireItem[]): QuestionnaireItem[] => items.flatMap((i) => [i, ...flatItems(i.item ?? [])]);

// ---------------------------------------------------------------------------------------------

test('the catalogue has calculators', () => expect(entries.length).toBeGreaterThan(0));

test('the validator catches broken Questionnaires', () => {
  const { questionnaire } = toQuestionnaire(entries[0].id, entries[0].calc);
  const broken = structuredClone(questionnaire) as any;
  broken.status = 'final';
  broken.item.push({ ...broken.item[0] });
  broken.item.push({ linkId: 'x', type: 'number' });
  broken.item.push({ linkId: 'y', type: 'choice' });
  broken.item.push({ linkId: 'z', type: 'decimal', extension: [{ url: 'not a url', valueDecimal: 1, valueString: 'a' }] });
  broken.item.push({ linkId: 'w', type: 'decimal', extension: [{ url: EXT.unit, valueCoding: { system: UCUM, code: 'furlongs/fortnightly' } }] });
  const problems = validateQuestionnaire(broken).join('\n');
  for (const m of ['status final', 'not unique', 'type number', 'needs answerOption', 'not an absolute URL', 'exactly one value[x]', 'not a valid UCUM code'])
    expect(problems).toContain(m);
});

test('numbers become FHIRPath literals without exponents', () => {
  expect(literal(0.9938)).toBe('0.9938');
  expect(literal(-0.241)).toBe('(-0.241)');
  expect(literal(1e-7)).toBe('0.0000001');
  expect(literal(1.5e-9)).toBe('0.0000000015');
  expect(literal(2e21)).toBe('2000000000000000000000');
  expect(Number(literal(1.2345e-12))).toBe(1.2345e-12);
});

describe.each(entries.map((e) => [e.id, e] as const))('%s', (id, { calc, cases }) => {
  const { questionnaire, outputs } = toQuestionnaire(id, calc);

  test('Questionnaire is structurally valid FHIR R4', () => {
    expect(validateQuestionnaire(questionnaire)).toEqual([]);
    expect(JSON.parse(JSON.stringify(questionnaire))).toEqual(questionnaire); // nothing undefined, NaN or Infinity
    expect(questionnaire.status).toMatch(/^(draft|active)$/);
    expect(questionnaire.version).toBe(calc.version);
  });

  test('one item per input and output, with units, limits and answer options', () => {
    const items = new Map(flatItems(questionnaire.item).map((i) => [i.linkId, i]));
    for (const input of calc.inputs) {
      const it = items.get(input.id)!;
      expect(it, input.id).toBeDefined();
      if (input.type === 'number') {
        expect(it.type).toBe('decimal');
        const unit = it.extension?.find((e) => e.url === EXT.unit)?.valueCoding;
        expect(unit?.system, `${input.id} (${input.unit}) has a UCUM unit`).toBe(UCUM);
        expect(ucum.validateUnitString(unit!.code).status, `${input.unit} -> ${unit!.code}`).toBe('valid');
        expect(it.extension?.find((e) => e.url === EXT.minValue)?.valueDecimal).toBe(input.limits[0]);
        expect(it.extension?.find((e) => e.url === EXT.maxValue)?.valueDecimal).toBe(input.limits[1]);
      } else if (input.type === 'choice') {
        expect(it.type).toBe('choice');
        expect(it.answerOption!.map((o) => [o.valueCoding.code, o.valueCoding.display])).toEqual(input.options.map((o) => [String(o.value), o.label]));
        input.options.forEach((o, k) => {
          const ord = it.answerOption![k].valueCoding.extension?.find((e) => e.url === EXT.ordinalValue)?.valueDecimal;
          expect(ord).toBe(o.points);
        });
      } else expect(it.type).toBe(input.type === 'yesno' ? 'boolean' : 'date');
    }
    for (const o of calc.outputs) {
      const it = items.get(o.id)!;
      expect(it.readOnly).toBe(true);
      const ex = outputs.find((x) => x.id === o.id)!;
      const calcExt = it.extension?.find((e) => e.url === EXT.calculatedExpression);
      // A categorical output's answer is the option whose code the expression gives (a coded answer).
      if (ex.expression) expect(calcExt?.valueExpression?.expression).toBe(o.format === 'category' ? categoryExpression(o.id, ex.expression) : ex.expression);
      else {
        expect(calcExt).toBeUndefined();
        expect(it.text).toContain('not calculated by this form');
      }
    }
  });

  const { checked } = translateOutputs(calc);
  const expressed = outputs.filter((o) => o.expression);
  // Parsed once per output, evaluated for every case.
  const compiled = new Map<string, (qr: unknown) => unknown[]>();
  const run = (expression: string, qr: unknown) => {
    let f = compiled.get(expression);
    if (!f) {
      const fn = fhirpath.compile(expression, r4 as any);
      // %resource is the response being filled; %questionnaire the form (a coded answer reads its options).
      f = (r: unknown) => fn(r as any, { resource: r, questionnaire } as any) as unknown[];
      compiled.set(expression, f);
    }
    return f(qr);
  };
  // A categorical output is a coded answer: the Questionnaire's own option for the model's code.
  const categorical = calc.outputs.filter((o) => o.format === 'category' && outputs.find((x) => x.id === o.id)?.expression);
  test.runIf(categorical.length > 0).each(cases.map((c, k) => [k, c.name, c] as const))('categorical outputs are coded answers: case %i (%s)', (_k, _n, c) => {
    const { values: read } = readAll(calc, c.inputs);
    const values = Object.fromEntries(Object.entries(read).filter(([k]) => !k.includes('.')));
    const qr = responseFor(calc, c, values);
    const oracle = evaluateAll(checked, values);
    for (const o of categorical) {
      const item = questionnaire.item.find((i) => i.linkId === o.id)!;
      expect(item.type).toBe('choice');
      const bands = calc.interpretation.find((it) => it.output === o.id)!.bands;
      expect(item.answerOption?.map((a) => a.valueCoding.display)).toEqual(bands.map((b) => b.label));
      const expression = item.extension!.find((e) => e.url === EXT.calculatedExpression)!.valueExpression!.expression;
      // Compiled once per expression, as above (parsing it for every case cost most of this file's time).
      const got = run(expression, qr) as { code: string; display: string }[];
      const want = oracle[o.id];
      if (!Number.isFinite(want)) expect(got).toEqual([]);
      else
        expect(
          got.map((g) => g.display),
          o.id,
        ).toEqual([bands.find((b) => b.value === want)!.label]);
    }
  });

  test.runIf(expressed.length > 0).each(cases.map((c, k) => [k, c.name, c] as const))(
    'calculatedExpressions give the model’s values: case %i (%s)',
    (_k, _n, c) => {
      const { values: read } = readAll(calc, c.inputs);
      // The form asks each quantity in its canonical unit, so its tables score the canonical column; the
      // page scores a value on the column of the unit it was typed in (test/unit/table-boundaries.test.ts).
      const values = Object.fromEntries(Object.entries(read).filter(([k]) => !k.includes('.')));
      const typedOnOwnColumn = calc.tables.some((t) => read[`${t.input}.unit`] !== undefined && Object.keys(tableRows(t)).length > 1);
      const qr = responseFor(calc, c, values);
      const oracle = evaluateAll(checked, values);
      for (const o of expressed) {
        const out = calc.outputs.find((x) => x.id === o.id)!;
        const got = run(o.expression!, qr);
        const want = oracle[o.id];
        if (!Number.isFinite(want)) {
          expect(got, `${o.id}: the model gives no value, so neither does the form`).toEqual([]);
          continue;
        }
        expect(got.length, `${o.id} has one value`).toBe(1);
        if (out.format === 'date') expect(String(got[0]), o.id).toBe(formatDate(want));
        else {
          const shown = roundHalfAway(want, out.format === 'weeks-days' ? 0 : out.decimals);
          expect(Math.abs(Number(got[0]) - shown), `${o.id}: FHIRPath ${got[0]}, model ${shown}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(shown)));
        }
        // …and the source's expected value, as the case states it.
        const exp = c.expect[o.id];
        const e = typeof exp === 'object' ? exp : { value: exp, tol: undefined };
        // A value typed at a published SI cut-off scores on its SI column on the page; the form's canonical
        // value may score the canonical column differently (that is what the SI column is for).
        if (typedOnOwnColumn) continue;
        if (typeof e.value === 'number' && out.format === 'number')
          expect(Math.abs(Number(got[0]) - e.value), `${o.id} vs case`).toBeLessThanOrEqual(
            (e.tol ?? 0.5 * 10 ** -out.decimals) + 0.5 * 10 ** -out.decimals + 1e-9,
          );
        if (typeof e.value === 'string' && out.format === 'date') expect(String(got[0])).toBe(e.value);
      }
    },
  );

  test('model package: three files, the .onnx byte-identical to the committed model', () => {
    const files = unzip(modelPackage(id, calc));
    expect([...files.keys()].sort()).toEqual([`${id}.calculator.json`, `${id}.model-card.md`, `${id}.onnx`].sort());
    const onnx = files.get(`${id}.onnx`)!;
    const committed = readFileSync(modelFile(id));
    expect(Buffer.from(onnx).equals(committed)).toBe(true);
    expect(createHash('sha256').update(onnx).digest('hex')).toBe(manifest()[id].sha256);
    expect(JSON.parse(new TextDecoder().decode(files.get(`${id}.calculator.json`)!))).toEqual(JSON.parse(JSON.stringify(calc)));
    const card = new TextDecoder().decode(files.get(`${id}.model-card.md`)!);
    for (const s of [
      calc.title,
      calc.variant,
      calc.version,
      manifest()[id].sha256,
      ...calc.inputs.map((i) => `\`${i.id}\``),
      ...calc.outputs.map((o) => `\`${o.id}\``),
    ])
      expect(card).toContain(s);
    for (const i of calc.inputs) if (i.type === 'number') expect(card).toContain(`${i.limits[0]} – ${i.limits[1]}`);
    expect(card).toContain(calc.references.find((r) => r.primary)!.cite);
    // Deterministic: built twice, the same bytes.
    expect(Buffer.from(modelPackage(id, calc)).equals(Buffer.from(modelPackage(id, calc)))).toBe(true);
  });
});

test('the served files are the package and the Questionnaire', () => {
  const { id, calc } = entries.find((e) => e.id === 'bmi') ?? entries[0];
  const files = exportFiles(id, calc);
  expect(files.map((f) => f.file)).toEqual([EXPORT_FILES(id).package, EXPORT_FILES(id).questionnaire]);
  expect(JSON.parse(new TextDecoder().decode(files[1].bytes)).resourceType).toBe('Questionnaire');
});

test('zip: stored and deflated entries round-trip, with correct CRCs', () => {
  const big = new TextEncoder().encode('abc'.repeat(1000));
  const tiny = new Uint8Array([7]);
  const files = unzip(
    zip([
      { name: 'a.txt', data: big },
      { name: 'é/b.bin', data: tiny },
    ]),
  );
  expect(Buffer.from(files.get('a.txt')!).equals(Buffer.from(big))).toBe(true);
  expect([...files.get('é/b.bin')!]).toEqual([7]);
});

test('bmi and ckd-epi-2021 compute in FHIRPath as their first worked example says', () => {
  for (const id of ['bmi', 'ckd-epi-2021']) {
    const e = entries.find((x) => x.id === id);
    expect(e, `${id} is in the catalogue`).toBeDefined();
    const { calc, cases } = e!;
    const c = cases[0];
    const { values } = readAll(calc, c.inputs);
    const qr = responseFor(calc, c, values);
    const { outputs } = toQuestionnaire(id, calc);
    for (const [outId, exp] of Object.entries(c.expect)) {
      const o = outputs.find((x) => x.id === outId)!;
      expect(o.expression, `${id}.${outId} has a calculatedExpression`).toBeDefined();
      const out = calc.outputs.find((x) => x.id === outId)!;
      const [got] = fhirpath.evaluate(qr, o.expression!, { resource: qr }, r4 as any) as unknown[];
      const ex = typeof exp === 'object' ? exp : { value: exp, tol: undefined };
      expect(Math.abs(Number(got) - Number(ex.value)), `${id}.${outId}: ${got} vs ${ex.value}`).toBeLessThanOrEqual(
        (ex.tol ?? 0.5 * 10 ** -out.decimals) + 1e-9,
      );
    }
  }
});

// ---------------------------------------------------------------------------------------------

/** A QuestionnaireResponse answering a case; inputs the case leaves out stay unanswered (defaults apply). */
function responseFor(calc: Calculator, c: Case, values: Record<string, number>) {
  const item = calc.inputs
    .filter((i) => c.inputs[i.id] !== undefined && values[i.id] !== undefined && !Number.isNaN(values[i.id]))
    .map((i) => {
      const v = values[i.id];
      const value =
        i.type === 'number'
          ? { valueDecimal: v }
          : i.type === 'choice'
            ? { valueCoding: { code: String(v) } }
            : i.type === 'yesno'
              ? { valueBoolean: v === 1 }
              : { valueDate: formatDate(v) };
      return { linkId: i.id, answer: [value] };
    });
  return { resourceType: 'QuestionnaireResponse', status: 'completed', item };
}

/** Reads a zip through its central directory; checks every CRC. */
function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const b = Buffer.from(bytes);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThanOrEqual(0);
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out = new Map<string, Uint8Array>();
  for (let k = 0; k < count; k++) {
    expect(b.readUInt32LE(p)).toBe(0x02014b50);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const csize = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    expect(b.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const raw = b.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(raw) : method === 0 ? raw : undefined;
    expect(data, `${name}: method ${method}`).toBeDefined();
    expect(crc32(data!) >>> 0, `${name} crc`).toBe(crc);
    out.set(name, new Uint8Array(data!));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
