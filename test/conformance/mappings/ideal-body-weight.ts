import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 10,
    calculator: 'ideal-body-weight',
    output: 'ibw',
    inputs: (e) => ({ sex: e.sex, height: unit(e.height) }),
  },
] satisfies Mapping[];
