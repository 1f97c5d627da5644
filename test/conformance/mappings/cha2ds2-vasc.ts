import type { Mapping } from '../types';
import { yes } from '../entities';

/** The benchmark counts a finding it does not mention as absent. */

export default [
  {
    benchId: 4,
    calculator: 'cha2ds2-vasc',
    output: 'score',
    inputs: (e) => {
      const age = e.age[0] as number;
      return {
        chf: yes(e['Congestive Heart Failure']),
        hypertension: yes(e['Hypertension history']),
        age: age >= 75 ? '75 or over' : age >= 65 ? '65 to 74' : 'Under 65',
        diabetes: yes(e['Diabetes history']),
        // The benchmark splits our one item "stroke, TIA or thromboembolism" in two.
        stroke: yes(e['Stroke']) || yes(e['Thromboembolism history']),
        vascular: yes(e['Vascular disease history']),
        sex: e.sex,
      };
    },
  },
] satisfies Mapping[];
