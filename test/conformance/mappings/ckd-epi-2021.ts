import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 3,
    calculator: 'ckd-epi-2021',
    output: 'egfr',
    inputs: (e) => ({ sex: e.sex, age: e.age[0], scr: unit(e.creatinine) }),
  },
] satisfies Mapping[];
