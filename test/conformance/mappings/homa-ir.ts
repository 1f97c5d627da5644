import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 31,
    calculator: 'homa-ir',
    output: 'homa_ir',
    // Insulin is given in µIU/mL (uIU/mL, our insulin field's unit).
    inputs: (e) => ({ glucose: unit(e.Glucose), insulin: `${e.Insulin[0]} uIU/mL` }),
  },
] satisfies Mapping[];
