/** createKeptValues (sessionStorage), createShare (#fragment), createNote and createUnitSystem on a real form. */
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, test } from 'vitest';
import { createForm } from '../../src/components/form-state';
import { createKeptValues, keptFor, loadKept } from '../../src/components/kept-values';
import { createNote } from '../../src/components/note';
import { createShare } from '../../src/components/share';
import { createUnitSystem, followsUnitSystem } from '../../src/components/unit-system';
import { getUnitSystem, setUnitSystem } from '../../src/components/prefs';
import { convert, lookupUnit } from '../../src/units/convert';
import { loadCatalog } from '../../src/definitions/load';
import { definition } from './helpers';

const ckd = definition('ckd-epi-2021');
const input = (id: string) => ckd.inputs.find((i) => i.id === id)!;
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  history.replaceState(null, '', '/');
});

describe('createKeptValues', () => {
  test('keeps typed values a moment after typing stops, and forgets them when the form is back to its start', async () => {
    const { form, dispose } = createRoot((dispose) => {
      const form = createForm(ckd);
      createKeptValues('ckd-epi-2021', form, 20);
      return { form, dispose };
    });
    form.setText(input('age'), '50');
    expect(loadKept('ckd-epi-2021')).toBeUndefined(); // not on every keystroke
    await tick(60);
    expect(loadKept('ckd-epi-2021')?.texts.age).toBe('50');
    form.clear();
    expect(loadKept('ckd-epi-2021')).toBeUndefined();
    dispose();
  });

  test('writes at once when the page is hidden', () => {
    const { form, dispose } = createRoot((dispose) => {
      const form = createForm(ckd);
      createKeptValues('ckd-epi-2021', form, 60_000);
      return { form, dispose };
    });
    form.setText(input('age'), '61');
    dispatchEvent(new Event('pagehide'));
    expect(loadKept('ckd-epi-2021')?.texts.age).toBe('61');
    dispose();
  });

  test('restores only what still fits the definition', () => {
    expect(keptFor(ckd, { texts: { age: '50', sex: '', scr: 7 as never }, units: { scr: 'mmol/L', age: 'years' } })).toEqual({
      texts: { age: '50' },
      units: { age: 'years' },
    });
  });
});

describe('createShare', () => {
  test('builds the fragment from the form, reads the page own fragment, and clears it', () =>
    createRoot((dispose) => {
      const form = createForm(ckd);
      const share = createShare(ckd, form);
      expect(share.canShare()).toBe(false);
      expect(share.fromLocation()).toBeUndefined();
      form.setText(input('age'), '50');
      expect(share.canShare()).toBe(true);
      expect(share.fragment()).toBe('age=50');
      history.replaceState(null, '', '/c/ckd-epi-2021/#sex=1&scr=70.7umol%2FL');
      expect(share.fromLocation()).toEqual({ texts: { sex: '1', scr: '70.7' }, units: { scr: 'umol/L' } });
      share.clearLocation();
      expect(location.hash).toBe('');
      expect(location.pathname).toBe('/c/ckd-epi-2021/');
      dispose();
    }));
});

describe('createNote', () => {
  test('is undefined until there is a result to note', () =>
    createRoot((dispose) => {
      const note = createNote(
        ckd,
        createForm(ckd),
        () => undefined,
        () => true,
      );
      expect(note()).toBeUndefined();
      dispose();
    }));
});

describe('createUnitSystem', () => {
  test('shows the system on screen, and choosing one converts the fields and is remembered', () =>
    createRoot((dispose) => {
      const form = createForm(ckd);
      const units = createUnitSystem(ckd, form);
      expect(units.available()).toBe(true);
      expect(units.current()).toBe('us');
      form.setText(input('scr'), '1');
      units.choose('si');
      expect(form.units.scr).toBe('umol/L');
      expect(form.texts.scr).toBe('88.4');
      expect(units.current()).toBe('si');
      expect(getUnitSystem()).toBe('si');
      // The one field that follows switched back by hand: the switch follows the field.
      form.setUnit(input('scr'), 'mg/dL');
      expect(units.current()).toBe('us');
      dispose();
    }));

  test("a field's own unit changed: the switch says the fields are mixed, never SI beside mg/dL", () =>
    createRoot((dispose) => {
      const meld = definition('meld-3');
      const form = createForm(meld);
      const units = createUnitSystem(meld, form);
      units.choose('si');
      expect(units.current()).toBe('si');
      form.setUnit(
        meld.inputs.find((i) => i.id === 'creatinine')!,
        'mg/dL',
      );
      expect(units.current()).toBe('mixed');
      dispose();
    }));

  test('every page opens with the switch saying what its fields show: US or SI only when they all do, else mixed', () =>
    createRoot((dispose) => {
      for (const { id, calc } of loadCatalog().entries) {
        const units = createUnitSystem(calc, createForm(calc));
        if (!units.available()) continue;
        // The laboratory fields whose number changes between US and SI (sodium mEq/L = mmol/L does not).
        const shown = calc.inputs.filter(followsUnitSystem).flatMap((i) => {
          const [us, si] = [
            [i.unit, ...i.units].find((u) => lookupUnit(u)!.system === 'us')!,
            [i.unit, ...i.units].find((u) => lookupUnit(u)!.system === 'si')!,
          ];
          return Math.abs(convert(1, us, si, i.analyte) - 1) > 1e-12 ? [lookupUnit(i.unit)!.system] : [];
        });
        const expected = new Set(shown).size === 1 ? shown[0] : shown.length ? 'mixed' : units.current();
        expect(units.current(), id).toBe(expected);
      }
      expect(createUnitSystem(definition('meld-3'), createForm(definition('meld-3'))).current()).toBe('us');
      dispose();
    }));

  test('applies to laboratory concentrations only: blood pressure, temperature and weight keep their units (issue 16, item 2)', () =>
    createRoot((dispose) => {
      setUnitSystem('si');
      for (const id of ['qsofa', 'map', 'abcd2', 'news2', 'ascvd-pce', 'framingham-chd', 'cockcroft-gault', 'sirs']) {
        const calc = definition(id);
        const form = createForm(calc);
        const units = createUnitSystem(calc, form);
        units.applySaved();
        for (const i of calc.inputs) {
          if (i.type !== 'number') continue;
          const dim = lookupUnit(i.unit)!.dimension;
          if (!['mass-concentration', 'molar-concentration', 'cell-count'].includes(dim)) expect(form.units[i.id], `${id}.${i.id}`).toBe(i.unit);
        }
        // The page shows the switch exactly when some field follows it, and the switch says what the fields show.
        expect(units.available(), id).toBe(calc.inputs.some(followsUnitSystem));
        if (units.available()) expect(units.current(), id).toBe('si');
      }
      dispose();
    }));
});
