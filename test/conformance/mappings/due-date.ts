import type { Mapping } from '../types';

/** "MM/DD/YYYY" (benchmark) -> "YYYY-MM-DD" (our date inputs). */
export const isoDate = (mdy: string): string => {
  const [m, d, y] = mdy.split('/');
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
};

/** Days since 1970-01-01 (our date outputs) -> "MM/DD/YYYY" (benchmark). */
export const mdyDate = (days: number): string => {
  const [y, m, d] = new Date(Math.round(days) * 86_400_000).toISOString().slice(0, 10).split('-');
  return `${m}/${d}/${y}`;
};

export default [
  {
    benchId: 13,
    calculator: 'due-date',
    output: 'edd',
    inputs: (e) => ({ lmp: isoDate(e['Last menstrual date']), cycle: e['cycle length'] }),
    answer: (v) => mdyDate(v),
  },
] satisfies Mapping[];
