import type { Mapping } from '../types';
import { yes } from '../entities';

/** The benchmark counts a finding it does not mention as absent. */

export default [
  {
    benchId: 8,
    calculator: 'wells-pe',
    output: 'score',
    inputs: (e) => ({
      dvt_signs: yes(e['Clinical signs and symptoms of Deep Vein Thrombosis']),
      pe_most_likely: yes(e['Pulmonary Embolism is #1 diagnosis OR equally likely']),
      // Wells 2000: heart rate > 100 beats/min (strict).
      heart_rate: Array.isArray(e['Heart Rate or Pulse']) && (e['Heart Rate or Pulse'][0] as number) > 100,
      immobilisation: yes(e['Immobilization for at least 3 days']) || yes(e['Surgery in the previous 4 weeks']),
      previous_vte: yes(e['Previously Documented Pulmonary Embolism']) || yes(e['Previously documented Deep Vein Thrombosis']),
      haemoptysis: yes(e['Hemoptysis']),
      malignancy: yes(e['Malignancy with treatment within 6 months or palliative']),
    }),
  },
] satisfies Mapping[];
