/** createForm: what is typed, the unit chosen, what each field reads as, what is missing or scored. */
import { createRoot } from 'solid-js';
import { describe, expect, test } from 'vitest';
import { createForm } from '../../src/components/form-state';
import { definition } from './helpers';

const ckd = definition('ckd-epi-2021');
const curb = definition('curb-65');
const input = (calc: typeof ckd, id: string) => calc.inputs.find((i) => i.id === id)!;
const withForm = <T>(calc: typeof ckd, fn: (form: ReturnType<typeof createForm>) => T): T =>
  createRoot((dispose) => {
    try {
      return fn(createForm(calc));
    } finally {
      dispose();
    }
  });

describe('createForm', () => {
  test('starts with every required field missing, canonical units, nothing touched', () =>
    withForm(ckd, (form) => {
      expect(form.missing()).toEqual(['Sex', 'Age', 'Serum creatinine']);
      expect(form.units.scr).toBe('mg/dL');
      expect(form.touched).toEqual({});
      expect(form.values().scr).toBeNaN();
      expect(form.changed()).toBe(false);
    }));

  test('reads typed values in canonical units and lists only what is still missing', () =>
    withForm(ckd, (form) => {
      form.setText(input(ckd, 'age'), '50');
      form.setText(input(ckd, 'scr'), '0,8');
      expect(form.missing()).toEqual(['Sex']);
      expect(form.values()).toMatchObject({ age: 50, scr: 0.8 });
      expect(form.converted(input(ckd, 'scr'))).toBe('= 70.72 µmol/L');
      expect(form.changed()).toBe(true);
    }));

  test('a choice counts as touched at once; a number only on blur', () =>
    withForm(ckd, (form) => {
      form.setText(input(ckd, 'sex'), '1');
      form.setText(input(ckd, 'age'), '5');
      expect(form.touched).toEqual({ sex: true });
      form.blur('age');
      expect(form.touched).toEqual({ sex: true, age: true });
    }));

  test("switching a field's unit after typing relabels the number: 180 then lb is 180 lb (issue 16, item 1)", () =>
    withForm(definition('cockcroft-gault'), (form) => {
      const cg = definition('cockcroft-gault');
      const weight = cg.inputs.find((i) => i.id === 'weight')!;
      form.setText(weight, '180');
      expect(form.converted(weight)).toBe('= 396.8 lb');
      form.setUnit(weight, 'lb');
      expect(form.texts.weight).toBe('180');
      expect(form.units.weight).toBe('lb');
      expect(form.values().weight).toBeCloseTo(81.647, 3);
      // The converted value beside the field shows the effect of the relabel.
      expect(form.converted(weight)).toBe('= 81.65 kg');
    }));

  test('"did you mean µmol/L?" relabels: 88 stays 88, read in µmol/L', () =>
    withForm(ckd, (form) => {
      form.setText(input(ckd, 'scr'), '88');
      expect(form.field('scr')).toMatchObject({ status: 'error', suggestUnit: 'umol/L' });
      form.setUnit(input(ckd, 'scr'), 'umol/L');
      expect(form.texts.scr).toBe('88');
      expect(form.values().scr).toBeCloseTo(88 / 88.4, 6);
    }));

  test('the US/SI preference converts what was typed, so the value keeps its meaning', () =>
    withForm(ckd, (form) => {
      form.setText(input(ckd, 'scr'), '1.2');
      form.convertUnit(input(ckd, 'scr'), 'umol/L');
      expect(form.texts.scr).toBe('106.1');
      expect(form.units.scr).toBe('umol/L');
      expect(form.values().scr).toBeCloseTo(1.2, 3);
    }));

  test('"1.2 mg/dL" typed or pasted is read as value and unit: the number in the field, the unit in its menu (item 8)', () =>
    withForm(ckd, (form) => {
      form.convertUnit(input(ckd, 'scr'), 'umol/L');
      form.setText(input(ckd, 'scr'), '1.2 mg/dL');
      expect(form.texts.scr).toBe('1.2');
      expect(form.units.scr).toBe('mg/dL');
      expect(form.values().scr).toBe(1.2);
      form.setText(input(ckd, 'scr'), '106umol/L');
      expect(form.snapshot()).toMatchObject({ texts: { scr: '106' }, units: { scr: 'umol/L' } });
    }));

  test('a unit still being typed is not taken early, but is read; blur moves it to the menu', () =>
    withForm(definition('meld-3'), (form) => {
      const meld = definition('meld-3');
      const na = meld.inputs.find((i) => i.id === 'sodium')!;
      form.setText(na, '130 mM'); // "mM" could still become "mmol/L"
      expect(form.texts.sodium).toBe('130 mM');
      expect(form.values().sodium).toBe(130);
      form.blur('sodium');
      expect(form.snapshot()).toMatchObject({ texts: { sodium: '130' }, units: { sodium: 'mmol/L' } });
    }));

  test('a unit the field does not offer gets a plain message, never a value', () =>
    withForm(ckd, (form) => {
      form.setText(input(ckd, 'scr'), '1.2 mmol/L');
      expect(form.field('scr')).toEqual({ status: 'error', message: 'mmol/L is not a unit for serum creatinine. Use mg/dL or µmol/L.' });
      form.setText(input(ckd, 'scr'), '1.2 stone');
      expect(form.field('scr')).toEqual({ status: 'error', message: '“stone” is not a unit for serum creatinine. Use mg/dL or µmol/L.' });
      expect(form.texts.scr).toBe('1.2 stone');
    }));

  test('says which criteria scored, with their signed points', () =>
    withForm(curb, (form) => {
      expect(form.scored()).toEqual([]);
      form.setText(input(curb, 'confusion'), '1');
      expect(form.scored()).toEqual(['Confusion (+1)']);
    }));

  test('an out-of-limits value is an error, not a value', () =>
    withForm(ckd, (form) => {
      form.setText(input(ckd, 'age'), '7');
      expect(form.field('age').status).toBe('error');
      expect(form.missing()).toContain('Age');
    }));

  test('restore puts values back; clear returns to the start and keeps the chosen units', () =>
    withForm(ckd, (form) => {
      form.restore({ texts: { age: '60', scr: '80' }, units: { scr: 'umol/L' } }, true);
      expect(form.snapshot()).toEqual({ texts: { sex: '', age: '60', scr: '80' }, units: { sex: '', age: 'years', scr: 'umol/L' } });
      expect(form.touched).toEqual({ age: true, scr: true });
      form.clear();
      expect(form.texts).toEqual({ sex: '', age: '', scr: '' });
      expect(form.touched).toEqual({ sex: false, age: false, scr: false });
      expect(form.units.scr).toBe('umol/L');
    }));
});
