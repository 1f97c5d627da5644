/**
 * `npm run schemas`: writes json-schema/calculator.schema.json and json-schema/cases.schema.json from the zod
 * schemas in src/schema/. Run it after changing a schema and commit the result; `npm run check`
 * fails while they are out of sync.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateJsonSchemas, SCHEMA_DIR } from '../definitions/json-schemas';
import { writeUnitDocs } from '../definitions/unit-docs';

mkdirSync(SCHEMA_DIR, { recursive: true });
for (const [file, text] of Object.entries(generateJsonSchemas())) {
  writeFileSync(join(SCHEMA_DIR, file), text);
  console.log(`wrote ${relative(process.cwd(), join(SCHEMA_DIR, file))}`);
}
writeUnitDocs();
console.log('wrote the unit tables of CONTRIBUTING.md');
