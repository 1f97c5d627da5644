/**
 * Concepts on inputs (src/units/concepts.ts, src/definitions/lint-concepts.ts): the key by which the
 * patient context carries a value between calculators. A declared concept must fit its input; an
 * input that looks like one but declares none is a warning; the catalogue declares them.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { lintConcepts } from '../../src/definitions/lint-concepts';
import type { Calculator } from '../../src/schema';
import { CONCEPTS, concept, conversionProblem, lookupUnit } from '../../src/units';

const { entries } = loadCatalog(undefined, ['ckd-epi-2021', 'cockcroft-gault', 'ranson']);
const get = (id: string) => structuredClone(entries.find((e) => e.id === id)!.calc);
const withInput = (c: Calculator, id: string, patch: Record<string, unknown>): Calculator => ({
  ...c,
  inputs: c.inputs.map((i) => (i.id === id ? ({ ...i, ...patch } as typeof i) : i)),
});
const messages = (c: Calculator) => lintConcepts(c).map((p) => `${p.check}${p.severity ? `/${p.severity}` : ''}: ${p.message} | ${p.hint ?? ''}`);

describe('the concept table', () => {
  test('ids are unique, number concepts have a catalogue unit, lab concepts convert through their analyte', () => {
    expect(new Set(CONCEPTS.map((c) => c.id)).size).toBe(CONCEPTS.length);
    for (const c of CONCEPTS) {
      if (c.kind === 'sex') continue;
      expect(lookupUnit(c.unit!), c.id).toBeDefined();
    }
    // BUN (mg/dL) and urea (mmol/L) are one quantity: one concept.
    expect(concept('bun')).toBeUndefined();
    expect(conversionProblem('mg/dL', concept('urea')!.unit!, concept('urea')!.analyte)).toBeUndefined();
  });
});

describe('declared concepts', () => {
  test('the catalogue as committed has no concept problem', () => {
    for (const e of entries) expect(messages(e.calc), e.id).toEqual([]);
  });

  test('an unknown concept gets the list and a did-you-mean', () => {
    const out = messages(withInput(get('ckd-epi-2021'), 'scr', { concept: 'creatinin' }));
    expect(out.join('\n')).toMatch(/^concept: "creatinin" is not a known concept\. Expected one of: .*creatinine.*\| did you mean "creatinine"\?/m);
  });

  test('a concept whose unit cannot convert to the input’s is refused (creatinine on an age)', () => {
    const out = messages(withInput(get('ckd-epi-2021'), 'age', { concept: 'creatinine' }));
    expect(out.join('\n')).toMatch(/concept "creatinine" is measured in mg\/dL; age's unit years does not convert to it/);
  });

  test('sex needs a choice labelled Female and Male', () => {
    const c = get('ckd-epi-2021');
    const sex = c.inputs.find((i) => i.id === 'sex')!;
    expect(sex.concept).toBe('sex');
    const relabelled = withInput(c, 'sex', {
      options: [
        { value: 0, label: 'Man' },
        { value: 1, label: 'Woman' },
      ],
    });
    expect(messages(relabelled).join('\n')).toMatch(/concept "sex" needs options labelled Female and Male; found Man, Woman/);
    expect(messages(withInput(c, 'age', { concept: 'sex' })).join('\n')).toMatch(/concept "sex" is a choice; age is a number input/);
  });

  test('one concept on two inputs of one calculator is refused (one value would fill both)', () => {
    const out = messages(withInput(get('cockcroft-gault'), 'height', { concept: 'weight' }));
    expect(out.join('\n')).toMatch(/weight and height both declare concept "weight"|concept "weight" is measured in kg/);
  });
});

describe('inputs that look like a concept', () => {
  test('an undeclared creatinine is a warning with the fix, not an error', () => {
    const c = withInput(get('ckd-epi-2021'), 'scr', { concept: undefined });
    const out = lintConcepts(c);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ check: 'concept-missing', severity: 'warning', path: ['inputs', 2] });
    expect(out[0].hint).toMatch(/add `concept: creatinine`/);
  });

  test('`concept: none` records a deliberate decision and silences the warning', () => {
    const ranson = get('ranson');
    expect(ranson.inputs.find((i) => i.id === 'glucose')!.concept).toBe('none');
    expect(lintConcepts(ranson)).toEqual([]);
    expect(lintConcepts(withInput(ranson, 'glucose', { concept: undefined })).map((p) => p.check)).toEqual(['concept-missing']);
  });
});
