import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 38,
    calculator: 'free-water-deficit',
    output: 'fwd',
    inputs: (e) => ({ sex: e.sex, age: e.age[0], weight: unit(e.weight), sodium: unit(e.Sodium) }),
  },
] satisfies Mapping[];
