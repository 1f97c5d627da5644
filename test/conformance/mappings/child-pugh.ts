import type { Mapping } from '../types';
import { unit } from '../entities';

// Benchmark convention: a missing ascites or encephalopathy finding counts as absent.
const ascites: Record<string, number> = { absent: 1, slight: 2, moderate: 3 };
const enceph: Record<string, number> = { 'No Encephalopathy': 1, 'Grade 1-2': 2, 'Grade 3-4': 3 };

export default [
  {
    benchId: 15,
    calculator: 'child-pugh',
    output: 'score',
    inputs: (e) => ({
      bilirubin: unit(e.Bilirubin),
      albumin: unit(e.Albumin),
      inr: Number(e['international normalized ratio']),
      ascites: ascites[e.Ascites ?? 'absent'],
      encephalopathy: enceph[e.Encephalopathy ?? 'No Encephalopathy'],
      pbc: false,
    }),
  },
] satisfies Mapping[];
