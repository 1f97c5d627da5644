import type { Mapping } from '../types';
import { unit } from '../entities';

// Not mentioned = absent.
export default [
  {
    benchId: 17,
    calculator: 'rcri',
    output: 'score',
    inputs: (e) => ({
      high_risk_surgery: !!e['Elevated-risk surgery'],
      ihd: !!e['History of ischemic heart disease'],
      chf: !!e['Congestive Heart Failure criteria for the Cardiac Risk Index rule'],
      cvd: !!e['History of cerebrovascular disease'],
      insulin: !!e['Pre-operative treatment with insulin'],
      scr: unit(e['Pre-operative creatinine']),
    }),
  },
] satisfies Mapping[];
