/** schema/*.schema.json: generated from the zod schemas, committed, in sync, and as permissive as zod. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { generateJsonSchemas, jsonSchemaDrift, SCHEMA_DIR } from '../../src/definitions/json-schemas';
import { CALCULATORS_DIR } from '../../src/definitions/load';

const schemas = generateJsonSchemas();
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = {
  calculator: ajv.compile(JSON.parse(schemas['calculator.schema.json'])),
  cases: ajv.compile(JSON.parse(schemas['cases.schema.json'])),
};

describe('JSON Schemas for editors', () => {
  test('the committed files are what `npm run schemas` writes (else run it)', () => {
    expect(jsonSchemaDrift()).toEqual([]);
  });

  test('a stale or missing file is reported by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bedside-schema-'));
    cpSync(SCHEMA_DIR, dir, { recursive: true });
    const file = join(dir, 'calculator.schema.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"minLength": 1', '"minLength": 2'));
    const drift = jsonSchemaDrift(dir);
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatch(/calculator\.schema\.json is out of date with src\/schema\/$/);
    expect(jsonSchemaDrift(join(dir, 'nowhere'))).toEqual([
      expect.stringMatching(/calculator\.schema\.json is missing$/),
      expect.stringMatching(/cases\.schema\.json is missing$/),
      expect.stringMatching(/collection\.schema\.json is missing$/),
    ]);
  });

  test('every field carries its JSDoc from src/schema as a description (editor hover)', () => {
    const calc = JSON.parse(schemas['calculator.schema.json']);
    expect(calc.properties.variant.description).toBe('The formula variant implemented, named precisely (year, version, race-free …).');
    expect(calc.properties.superseded_by.properties.what_changed.description).toBe('What changed between the versions.');
    const number = calc.properties.inputs.items.anyOf.find((s: { properties: { type: { const: string } } }) => s.properties.type.const === 'number');
    expect(number.properties.limits.description).toMatch(/^Hard limits in the canonical unit/);
    expect(number.additionalProperties).toBe(false);
  });

  const folders = readdirSync(CALCULATORS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  test.each(folders)('calculators/%s validates (the JSON Schema accepts what zod accepts)', (id) => {
    for (const kind of ['calculator', 'cases'] as const) {
      let text: string;
      try {
        // The template's date is filled in by `npm run new`.
        text = readFileSync(join(CALCULATORS_DIR, id, `${kind}.yaml`), 'utf8').replaceAll('__TODAY__', '2026-01-31');
      } catch {
        continue; // a folder being written; npm run check reports it
      }
      const ok = validate[kind](parse(text));
      expect(validate[kind].errors ?? [], `${id}/${kind}.yaml`).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  test('a misspelt field is flagged in the editor', () => {
    const def = parse(readFileSync(join(CALCULATORS_DIR, 'bmi', 'calculator.yaml'), 'utf8'));
    def.inputs[0].limit = def.inputs[0].limits;
    expect(validate.calculator(def)).toBe(false);
  });
});

describe('the collection JSON Schema', () => {
  const collection = ajv.compile(JSON.parse(schemas['collection.schema.json']));
  const dir = join(CALCULATORS_DIR, '..', 'collections');
  test.each(readdirSync(dir).filter((f) => f.endsWith('.yaml')))('accepts collections/%s', (f) => {
    expect(collection(parse(readFileSync(join(dir, f), 'utf8'))), JSON.stringify(collection.errors)).toBe(true);
  });
  test('refuses an unknown field and carries the JSDoc', () => {
    const doc = JSON.parse(schemas['collection.schema.json']);
    expect(doc.properties.question.description).toMatch(/^The clinical question/);
    expect(collection({ ...parse(readFileSync(join(dir, 'suspected-pe.yaml'), 'utf8')), memebers: [] })).toBe(false);
  });
});
