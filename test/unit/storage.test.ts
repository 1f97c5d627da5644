/**
 * Stored values are read through schemas (issue 15, finding 3): whatever another page of the origin,
 * an older version or a curious user left in storage, a read gives a value of the right shape or the
 * default, never throws, and drops the bad key.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FormStateSchema } from '../../src/components/form-state';
import { readStored, StoredSchemas } from '../../src/components/prefs';
import { memoryStorage } from '../helpers';

const schemas = { ...StoredSchemas, kept: FormStateSchema };
const fallbacks: Record<keyof typeof schemas, unknown> = { units: undefined, theme: 'system', favourites: [], recent: [], kept: undefined };
// The shapes the adversarial test used, then anything JSON or not.
const NAMED = [
  'null',
  '{}',
  '5',
  '"abc"',
  '123',
  '[1,2]',
  '[null]',
  '["<script>"]',
  '{"texts":null,"units":{}}',
  '{"texts":{"a":5},"units":{}}',
  'not json',
  '',
  '["a"',
  '"si "',
  'true',
];
const stored = fc.oneof(
  fc.constantFrom(...NAMED),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 300 }),
);

describe('every stored key, any stored text', () => {
  for (const [name, schema] of Object.entries(schemas) as [keyof typeof schemas, (typeof schemas)[keyof typeof schemas]][]) {
    test(`${name}: a value of the right shape or the default; a bad value is dropped`, () => {
      let tried = 0;
      fc.assert(
        fc.property(stored, (raw) => {
          tried++;
          const s = memoryStorage();
          s.data.set('k', raw);
          const v = readStored(s, 'k', schema as never, fallbacks[name]);
          let good = false;
          try {
            good = schema.safeParse(JSON.parse(raw)).success;
          } catch {
            good = false;
          }
          if (good) expect(schema.safeParse(v).success).toBe(true);
          else {
            expect(v).toEqual(fallbacks[name]);
            expect(s.data.has('k')).toBe(false);
          }
        }),
        { numRuns: 2_000 },
      );
      expect(tried).toBeGreaterThanOrEqual(2_000);
    });
  }

  test('the shapes that froze every calculator are refused', () => {
    for (const raw of ['null', '{}', '5', '"abc"']) {
      const s = memoryStorage();
      s.data.set('bedside.recent', raw);
      expect(readStored(s, 'bedside.recent', StoredSchemas.recent, [])).toEqual([]);
    }
  });

  test('storage that throws on every call reads as the default', () => {
    const s = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readStored(s, 'k', StoredSchemas.theme, 'system')).toBe('system');
  });
});
