import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 10,
    calculator: 'ideal-body-weight',
    output: 'ibw',
    inputs: (e) => ({ sex: e.sex, height: unit(e.height) }),
  },
] satisfies Mapping[];
