import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 2,
    calculator: 'cockcroft-gault',
    output: 'crcl',
    inputs: (e) => ({ sex: e.sex, age: e.age[0], weight: unit(e.weight), height: unit(e.height), scr: unit(e.creatinine) }),
  },
] satisfies Mapping[];
