import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 60,
    calculator: 'bsa',
    output: 'bsa_mosteller',
    inputs: (e) => ({ weight: unit(e.weight), height: unit(e.height) }),
  },
] satisfies Mapping[];
