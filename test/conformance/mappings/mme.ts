import type { Mapping, MappedInputs } from '../types';

/** Benchmark opioid name -> our input prefix and the unit our dose field is in. */
const OPIOIDS: Record<string, { id: string; unit: 'mg' | 'µg' }> = {
  Codeine: { id: 'codeine', unit: 'mg' },
  'FentaNYL buccal': { id: 'fentanyl_buccal', unit: 'µg' },
  HYDROcodone: { id: 'hydrocodone', unit: 'mg' },
  HYDROmorphone: { id: 'hydromorphone', unit: 'mg' },
  Methadone: { id: 'methadone', unit: 'mg' },
  Morphine: { id: 'morphine', unit: 'mg' },
  OxyCODONE: { id: 'oxycodone', unit: 'mg' },
  OxyMORphone: { id: 'oxymorphone', unit: 'mg' },
  Tapentadol: { id: 'tapentadol', unit: 'mg' },
  TraMADol: { id: 'tramadol', unit: 'mg' },
};

const MASS: Record<string, number> = { g: 1e6, mg: 1e3, 'µg': 1, ug: 1, mcg: 1 }; // in µg

const toUnit = (value: number, from: string, to: 'mg' | 'µg'): number => {
  const f = MASS[from.trim()];
  if (f === undefined) throw new Error(`unknown opioid dose unit "${from}"`);
  return (value * f) / MASS[to];
};

export default [
  {
    benchId: 49,
    calculator: 'mme',
    output: 'mme',
    // Opioids the row does not mention are not taken: our inputs default to 0.
    inputs: (e) => {
      const out: MappedInputs = {};
      for (const key of Object.keys(e)) {
        if (key.endsWith(' Dose Per Day')) continue;
        const name = key.replace(/ Dose$/, '');
        const [value, unit] = e[key] as [number, string];
        const perDay = (e[`${name} Dose Per Day`] as [number, string])[0];
        if (name === 'FentANYL patch' || name === 'FentaNYL patch') {
          // A patch is a rate (mcg/h); the benchmark multiplies it by "doses per day" (patches worn).
          out.fentanyl_patch = value * perDay;
          continue;
        }
        const o = OPIOIDS[name];
        if (!o) throw new Error(`opioid "${name}" is not in our calculator`);
        out[`${o.id}_dose`] = toUnit(value, unit, o.unit);
        out[`${o.id}_n`] = perDay;
      }
      return out;
    },
  },
] satisfies Mapping[];
