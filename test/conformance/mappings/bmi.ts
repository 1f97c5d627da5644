import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 6,
    calculator: 'bmi',
    output: 'bmi',
    inputs: (e) => ({ weight: unit(e.weight), height: unit(e.height) }),
  },
] satisfies Mapping[];
