import type { Mapping } from '../types';

/** "MethylPrednisoLONE IV" -> "Methylprednisolone": our equivalences do not depend on the route (oral or IV). */
const drug = (name: string): string => {
  const base = name.replace(/\s+(IV|PO)$/i, '').toLowerCase();
  return base.charAt(0).toUpperCase() + base.slice(1);
};

/** Dose with its unit (the benchmark gives [name, value, unit]); our dose input converts g and mg. */
const dose = (value: number, unit: string): string => `${value} ${unit.trim()}`;

export default [
  {
    benchId: 24,
    calculator: 'steroid-conversion',
    output: 'target_dose',
    inputs: (e) => {
      const [name, value, unit] = e['input steroid'] as [string, number, string];
      return { drug_from: drug(name), dose: dose(value, unit), drug_to: drug(e['target steroid']) };
    },
  },
] satisfies Mapping[];
