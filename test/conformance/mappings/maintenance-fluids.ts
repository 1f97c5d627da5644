import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 22,
    calculator: 'maintenance-fluids',
    output: 'rate',
    inputs: (e) => ({ weight: unit(e.weight) }),
  },
] satisfies Mapping[];
