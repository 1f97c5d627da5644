import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 62,
    calculator: 'adjusted-body-weight',
    output: 'abw',
    inputs: (e) => ({ sex: e.sex, height: unit(e.height), weight: unit(e.weight) }),
  },
] satisfies Mapping[];
