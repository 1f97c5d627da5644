/**
 * The US/SI switch: which units the form shows for laboratory concentrations. A preference
 * (localStorage, prefs.ts); switching converts every field that follows it (form-state.ts,
 * convertUnit). Vital signs and body measures (blood pressure, heart rate, temperature, weight,
 * height, blood gases) keep the unit their definition gives them unless that field's own unit is
 * changed: SI vs conventional units means laboratory concentrations to clinicians (issue 16, item 2).
 */
import type { Accessor } from 'solid-js';
import type { Calculator, Input, NumberInput } from '../schema';
import type { Dimension } from '../units/catalogue';
import { conversionProblem, convert, lookupUnit } from '../units/convert';
import type { Form } from './form-state';
import { getUnitSystem, setUnitSystem, type UnitSystem } from './prefs';

/** The dimensions the preference applies to: laboratory concentrations (and cell counts per volume). */
const LABORATORY: ReadonlySet<Dimension> = new Set(['mass-concentration', 'molar-concentration', 'cell-count']);

/** The system of a laboratory concentration unit; undefined for any other unit. */
const labSystem = (unit: string): UnitSystem | undefined => {
  const u = lookupUnit(unit);
  return u && LABORATORY.has(u.dimension) ? u.system : undefined;
};

/** The field's unit in the given system, if it offers one. */
const unitFor = (input: NumberInput, system: UnitSystem) => [input.unit, ...input.units].find((u) => labSystem(u) === system);

/** Whether a field follows the US/SI preference: a laboratory concentration offered in a US and an SI unit. */
export function followsUnitSystem(input: Input): input is NumberInput {
  return input.type === 'number' && unitFor(input, 'us') !== undefined && unitFor(input, 'si') !== undefined;
}

export interface UnitSystemSwitch {
  /** Whether some field follows the preference (then the page shows the switch). */
  available: Accessor<boolean>;
  /**
   * The system the following fields show, read off the fields themselves, so the switch never says
   * "SI" while creatinine shows mg/dL; `mixed` when one field's own unit was changed.
   */
  current: Accessor<UnitSystem | 'mixed' | undefined>;
  /** The user chose a system: remembered as the preference and applied. */
  choose(s: UnitSystem): void;
  /** Applies the saved preference, if any. */
  applySaved(): void;
}

/**
 * Whether switching the field between its US and SI unit changes the number shown: creatinine
 * (mg/dL ↔ µmol/L) does; sodium (mEq/L ↔ mmol/L) and cell counts (10³/µL ↔ 10⁹/L) do not.
 */
const changesNumbers = (i: NumberInput) => {
  const [us, si] = [unitFor(i, 'us')!, unitFor(i, 'si')!];
  return conversionProblem(us, si, i.analyte) !== undefined || Math.abs(convert(1, us, si, i.analyte) - 1) > 1e-12;
};

export function createUnitSystem(calc: Calculator, form: Form): UnitSystemSwitch {
  const followers = calc.inputs.filter(followsUnitSystem);
  // What the switch reads: the fields whose numbers differ between US and SI (sodium is the same
  // number in mEq/L and mmol/L, so it does not make a page "mixed"); all followers if none does.
  const telling = followers.some(changesNumbers) ? followers.filter(changesNumbers) : followers;
  const apply = (s: UnitSystem) => {
    for (const i of followers) if (labSystem(form.units[i.id]) !== s) form.convertUnit(i, unitFor(i, s)!);
  };
  return {
    available: () => followers.length > 0,
    current: () => {
      const shown = new Set(telling.map((i) => labSystem(form.units[i.id])));
      if (shown.size === 0) return undefined;
      return shown.size === 1 ? [...shown][0] : 'mixed';
    },
    choose(s) {
      setUnitSystem(s);
      apply(s);
    },
    applySaved() {
      const pref = getUnitSystem();
      if (pref) apply(pref);
    },
  };
}
