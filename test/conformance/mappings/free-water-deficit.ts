import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 38,
    calculator: 'free-water-deficit',
    output: 'fwd',
    inputs: (e) => ({ sex: e.sex, age: e.age[0], weight: unit(e.weight), sodium: unit(e.Sodium) }),
  },
] satisfies Mapping[];
