import type { Mapping } from '../types';
import { unit } from '../entities';

const electrolytes = (e: Record<string, any>) => ({
  sodium: unit(e.Sodium),
  chloride: unit(e.Chloride),
  bicarbonate: unit(e.Bicarbonate),
  ...(e.Albumin ? { albumin: unit(e.Albumin) } : {}),
});

const highBicarbonate =
  'Bicarbonate at or above 24 mmol/L: the delta ratio divides by (24 - HCO3), so it is undefined at 24 and sign-inverted above it; the ratio is meant for a high anion gap acidosis with a fallen bicarbonate (Rastegar A. J Am Soc Nephrol 2007;18:2429-31). Our calculator shows the delta ratio as unavailable ("—") for such a bicarbonate and gives the delta gap; the benchmark maintainers flag this row too.';

export default [
  { benchId: 39, calculator: 'anion-gap', output: 'ag', inputs: electrolytes },
  { benchId: 63, calculator: 'anion-gap', output: 'delta_gap', inputs: electrolytes },
  { benchId: 64, calculator: 'anion-gap', output: 'delta_ratio', inputs: electrolytes, explain: { 807: highBicarbonate, 809: highBicarbonate } },
  { benchId: 65, calculator: 'anion-gap', output: 'ag_corrected', inputs: electrolytes },
  { benchId: 66, calculator: 'anion-gap', output: 'delta_gap_corrected', inputs: electrolytes },
  {
    benchId: 67,
    calculator: 'anion-gap',
    output: 'delta_ratio_corrected',
    inputs: electrolytes,
    explain: {
      871: highBicarbonate,
      877: 'Albumin given as 3.5 mg/dL (a typo for g/dL); our calculator accepts albumin only in g/dL or g/L. With 3.5 g/dL the answer is 1.125 (benchmark label bug, known_issues.json).',
    },
  },
] satisfies Mapping[];
