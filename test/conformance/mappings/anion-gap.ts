import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

const electrolytes = (e: Record<string, any>) => ({
  sodium: unit(e.Sodium),
  chloride: unit(e.Chloride),
  bicarbonate: unit(e.Bicarbonate),
  ...(e.Albumin ? { albumin: unit(e.Albumin) } : {}),
});

export default [
  { benchId: 39, calculator: 'anion-gap', output: 'ag', inputs: electrolytes },
  { benchId: 63, calculator: 'anion-gap', output: 'delta_gap', inputs: electrolytes },
  { benchId: 65, calculator: 'anion-gap', output: 'ag_corrected', inputs: electrolytes },
  { benchId: 66, calculator: 'anion-gap', output: 'delta_gap_corrected', inputs: electrolytes },
] satisfies Mapping[];
