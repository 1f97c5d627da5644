import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 60,
    calculator: 'bsa',
    output: 'bsa_mosteller',
    inputs: (e) => ({ weight: unit(e.weight), height: unit(e.height) }),
  },
] satisfies Mapping[];
