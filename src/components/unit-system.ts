/**
 * The US/SI switch: which laboratory units the form shows. A preference (localStorage, prefs.ts);
 * switching converts every field that has a unit of the chosen system (form-state.ts, setUnit).
 */
import { createSignal, type Accessor } from 'solid-js';
import type { Calculator, Input } from '../schema';
import { lookupUnit } from '../units/convert';
import type { Form } from './form-state';
import { getUnitSystem, setUnitSystem, type UnitSystem } from './prefs';

const unitFor = (input: Input, system: UnitSystem) =>
  input.type === 'number' ? [input.unit, ...input.units].find((u) => lookupUnit(u)?.system === system) : undefined;

export interface UnitSystemSwitch {
  /** Whether some field has a US and a different SI unit (otherwise there is nothing to switch). */
  available: Accessor<boolean>;
  /** The system chosen, or without a choice the system of the units on screen. */
  current: Accessor<UnitSystem | undefined>;
  /** The user chose a system: remembered as the preference and applied. */
  choose(s: UnitSystem): void;
  /** Applies the saved preference, if any. */
  applySaved(): void;
}

export function createUnitSystem(calc: Calculator, form: Form): UnitSystemSwitch {
  const [system, setSystem] = createSignal<UnitSystem>();
  const numberInputs = calc.inputs.filter((i) => i.type === 'number');
  const apply = (s: UnitSystem) => {
    setSystem(s);
    for (const i of numberInputs) {
      const u = unitFor(i, s);
      if (u && u !== form.units[i.id]) form.setUnit(i, u);
    }
  };
  // Without a saved preference, the switch shows the system of the units on screen.
  const shown = () => numberInputs.map((i) => lookupUnit(form.units[i.id])?.system).find(Boolean);
  return {
    available: () => numberInputs.some((i) => unitFor(i, 'us') && unitFor(i, 'si') && unitFor(i, 'us') !== unitFor(i, 'si')),
    current: () => system() ?? shown(),
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
