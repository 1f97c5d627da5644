import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 30,
    calculator: 'serum-osmolality',
    output: 'osm',
    // No measured osmolality in the benchmark rows: the optional input stays empty.
    inputs: (e) => ({ sodium: unit(e.Sodium), bun: unit(e['Blood Urea Nitrogen (BUN)']), glucose: unit(e.Glucose) }),
  },
] satisfies Mapping[];
