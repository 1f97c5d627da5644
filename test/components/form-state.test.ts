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

  test('switching unit converts what was typed, so the value keeps its meaning', () =>
    withForm(ckd, (form) => {
      form.setText(input(ckd, 'scr'), '1.2');
      form.setUnit(input(ckd, 'scr'), 'umol/L');
      expect(form.texts.scr).toBe('106.1');
      expect(form.units.scr).toBe('umol/L');
      expect(form.values().scr).toBeCloseTo(1.2, 3);
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
