import type { Mapping } from '../types';

/** "MethylPrednisoLONE IV" -> "Methylprednisolone": our equivalences do not depend on the route (oral or IV). */
const drug = (name: string): string => {
  const base = name.replace(/\s+(IV|PO)$/i, '').toLowerCase();
  return base.charAt(0).toUpperCase() + base.slice(1);
};

/** Dose in mg (the benchmark gives [name, value, unit]). */
const mg = (value: number, unit: string): number => {
  const u = unit.trim().toLowerCase();
  if (u === 'mg') return value;
  if (u === 'g') return value * 1000;
  if (u === 'µg' || u === 'ug' || u === 'mcg') return value / 1000;
  throw new Error(`unknown steroid dose unit "${unit}"`);
};

export default [
  {
    benchId: 24,
    calculator: 'steroid-conversion',
    output: 'target_dose',
    inputs: (e) => {
      const [name, value, unit] = e['input steroid'] as [string, number, string];
      return { drug_from: drug(name), dose: mg(value, unit), drug_to: drug(e['target steroid']) };
    },
  },
] satisfies Mapping[];
