import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 22,
    calculator: 'maintenance-fluids',
    output: 'rate',
    inputs: (e) => ({ weight: unit(e.weight) }),
  },
] satisfies Mapping[];
