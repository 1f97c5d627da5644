import type { Mapping } from '../types';
import { isoDate } from './due-date';

export default [
  {
    benchId: 69,
    calculator: 'gestational-age',
    output: 'ga',
    inputs: (e) => ({ lmp: isoDate(e['Last menstrual date']), assess: isoDate(e['Current Date']) }),
    // Benchmark form: ["N weeks", "N days"] (always plural).
    answer: (v) => {
      const days = Math.round(v);
      const w = Math.trunc(days / 7);
      return [`${w} weeks`, `${days - 7 * w} days`];
    },
  },
] satisfies Mapping[];
