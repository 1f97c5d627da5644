import type { Mapping } from '../types';
import { isoDate, mdyDate } from './due-date';

export default [
  {
    benchId: 68,
    calculator: 'conception-date',
    output: 'conception',
    // The benchmark gives no cycle length: our default (28 days) applies, i.e. LMP + 14 days.
    inputs: (e) => ({ lmp: isoDate(e['Last menstrual date']) }),
    answer: (v) => mdyDate(v),
  },
] satisfies Mapping[];
