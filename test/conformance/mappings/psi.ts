import type { Mapping } from '../types';
import { unit } from '../entities';

const TEMP: Record<string, string> = { 'degrees celsius': 'degC', 'degrees fahrenheit': 'degF' };

// Not mentioned = absent. The benchmark reports the raw PSI points (README), our `score` output.
export default [
  {
    benchId: 29,
    calculator: 'psi',
    output: 'score',
    inputs: (e) => {
      const t = e.Temperature as [number, string];
      if (!TEMP[t[1]]) throw new Error(`unknown temperature unit "${t[1]}"`);
      const pao2 = e['Partial pressure of oxygen'] as [number, string] | undefined;
      const sao2 = e['O₂ saturation percentage'] as [number, string] | undefined;
      return {
        age: e.age[0],
        sex: e.sex,
        nursing_home: !!e['Nursing home resident'],
        neoplastic: !!e['Neoplastic disease'],
        liver: !!e['Liver disease history'],
        chf: !!e['Congestive Heart Failure'],
        cerebrovascular: !!e['Cerebrovascular disease history'],
        renal: !!e['Renal disease history'],
        altered_mental: !!e['Altered mental status'],
        resp_rate: e['respiratory rate'][0],
        sbp: e['Systolic Blood Pressure'][0],
        temp: `${t[0]} ${TEMP[t[1]]}`,
        pulse: e['Heart Rate or Pulse'][0],
        ph_low: e.pH !== undefined && Number(e.pH) < 7.35,
        bun: unit(e['Blood Urea Nitrogen (BUN)']),
        sodium: unit(e.Sodium),
        glucose: unit(e.Glucose),
        haematocrit: e.Hematocrit[0],
        hypoxaemia: (pao2 !== undefined && pao2[0] < 60) || (sao2 !== undefined && sao2[0] < 90),
        pleural_effusion: !!e['Pleural effusion on x-ray'],
      };
    },
  },
] satisfies Mapping[];
