import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 3,
    calculator: 'ckd-epi-2021',
    output: 'egfr',
    inputs: (e) => ({ sex: e.sex, age: e.age[0], scr: unit(e.creatinine) }),
  },
] satisfies Mapping[];
