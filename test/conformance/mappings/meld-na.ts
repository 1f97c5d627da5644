import type { Mapping } from '../types';
import { unit, yes } from '../entities';

/** The benchmark counts a finding it does not mention as absent. */

export default [
  {
    benchId: 23,
    calculator: 'meld-na',
    output: 'meld_na',
    inputs: (e) => ({
      bilirubin: unit(e['Bilirubin']),
      inr: e['international normalized ratio'],
      creatinine: unit(e['creatinine']),
      sodium: unit(e['Sodium']),
      // UNOS/OPTN: dialysis at least twice, or 24 hours of CVVHD, in the past week.
      dialysis: yes(e['Dialysis at least twice in the past week']) || yes(e['Continuous veno-venous hemodialysis for ≥24 hours in the past week']),
    }),
  },
] satisfies Mapping[];
