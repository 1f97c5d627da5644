import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 62,
    calculator: 'adjusted-body-weight',
    output: 'abw',
    inputs: (e) => ({ sex: e.sex, height: unit(e.height), weight: unit(e.weight) }),
  },
] satisfies Mapping[];
