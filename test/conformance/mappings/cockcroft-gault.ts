import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 2,
    calculator: 'cockcroft-gault',
    output: 'crcl',
    inputs: (e) => ({ sex: e.sex, age: e.age[0], weight: unit(e.weight), height: unit(e.height), scr: unit(e.creatinine) }),
  },
] satisfies Mapping[];
