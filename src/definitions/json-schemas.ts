/**
 * JSON Schemas of `calculator.yaml` and `cases.yaml`, generated from the zod schemas so editors
 * (yaml-language-server: VS Code's YAML extension, IntelliJ, Neovim) autocomplete and validate
 * while an author types. Written by `npm run schemas`; `npm run check` fails when they drift.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zodToJsonSchema } from 'zod-to-json-schema';
import type { z } from 'zod';
import { CalculatorSchema, CasesSchema, CollectionSchema } from '../schema';
import { describeFromJsDoc } from './schema-docs';

/** json-schema/ at the repository root (CLI and tests only, so the path is resolved from this file). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../json-schema', import.meta.url));

const SCHEMAS: { file: string; title: string; schema: z.ZodTypeAny }[] = [
  { file: 'calculator.schema.json', title: 'Bedside calculator definition (calculators/<id>/calculator.yaml)', schema: CalculatorSchema },
  { file: 'cases.schema.json', title: 'Bedside worked examples (calculators/<id>/cases.yaml)', schema: CasesSchema },
  { file: 'collection.schema.json', title: 'Bedside collection (collections/<id>.yaml)', schema: CollectionSchema },
];

/** The text of every generated schema file, by file name (deterministic: same zod schema, same bytes). */
export function generateJsonSchemas(): Record<string, string> {
  return Object.fromEntries(
    SCHEMAS.map(({ file, title, schema }) => {
      // Authors write the *input* side: fields with a default are optional, transforms are ignored.
      const json = zodToJsonSchema(schema, {
        $refStrategy: 'none',
        effectStrategy: 'input',
        pipeStrategy: 'input',
        target: 'jsonSchema7',
        postProcess: describeFromJsDoc,
      }) as Record<string, unknown>;
      const { $schema, ...rest } = json;
      const doc = {
        $schema,
        title,
        $comment: 'Generated from src/schema/*.ts by `npm run schemas`; do not edit by hand.',
        ...rest,
      };
      return [file, `${JSON.stringify(doc, null, 2)}\n`];
    }),
  );
}

/**
 * Problems with the committed schema files: one line per file that is missing or differs from
 * what the zod schemas generate. Empty when in sync.
 */
export function jsonSchemaDrift(dir = SCHEMA_DIR): string[] {
  return Object.entries(generateJsonSchemas()).flatMap(([file, text]) => {
    const path = join(dir, file);
    const shown = relative(process.cwd(), path) || path;
    if (!existsSync(path)) return [`${shown} is missing`];
    return readFileSync(path, 'utf8') === text ? [] : [`${shown} is out of date with src/schema/`];
  });
}
