import type { Mapping } from '../types';
import { platelets } from '../entities';

export default [
  {
    benchId: 19,
    calculator: 'fib-4',
    output: 'fib4',
    inputs: (e) => ({
      age: e.age[0],
      ast: e['Aspartate aminotransferase'][0],
      alt: e['Alanine aminotransferase'][0],
      platelets: platelets(e['Platelet count']),
    }),
  },
] satisfies Mapping[];
