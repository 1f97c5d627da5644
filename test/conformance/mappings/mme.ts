import type { Mapping, MappedInputs } from '../types';

/** Benchmark opioid name -> our input prefix (doses carry their unit, mg or µg, which our inputs convert). */
const OPIOIDS: Record<string, string> = {
  Codeine: 'codeine',
  'FentaNYL buccal': 'fentanyl_buccal',
  HYDROcodone: 'hydrocodone',
  HYDROmorphone: 'hydromorphone',
  Methadone: 'methadone',
  Morphine: 'morphine',
  OxyCODONE: 'oxycodone',
  OxyMORphone: 'oxymorphone',
  Tapentadol: 'tapentadol',
  TraMADol: 'tramadol',
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
          out.fentanyl_patch = `${value * perDay} mcg/h`;
          continue;
        }
        const id = OPIOIDS[name];
        if (!id) throw new Error(`opioid "${name}" is not in our calculator`);
        out[`${id}_dose`] = `${value} ${unit.trim()}`;
        out[`${id}_n`] = `${perDay} /day`;
      }
      return out;
    },
  },
] satisfies Mapping[];
