import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 31,
    calculator: 'homa-ir',
    output: 'homa_ir',
    // Insulin is given in µIU/mL, the unit our (unit-less) insulin field expects.
    inputs: (e) => ({ glucose: unit(e.Glucose), insulin: e.Insulin[0] }),
  },
] satisfies Mapping[];
