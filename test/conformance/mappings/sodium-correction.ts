import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 26,
    calculator: 'sodium-correction',
    output: 'na_hillier',
    inputs: (e) => ({ sodium: unit(e.Sodium), glucose: unit(e.Glucose) }),
  },
] satisfies Mapping[];
