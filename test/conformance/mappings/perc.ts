import type { Mapping } from '../types';

// Not mentioned = absent. Prior PE and prior DVT are one PERC criterion.
export default [
  {
    benchId: 48,
    calculator: 'perc',
    output: 'count',
    inputs: (e) => ({
      age: e.age[0],
      heart_rate: e['Heart Rate or Pulse'][0],
      spo2: e['O₂ saturation percentage'][0],
      leg_swelling: !!e['Unilateral Leg Swelling'],
      haemoptysis: !!e.Hemoptysis,
      surgery_trauma: !!e['Recent surgery or trauma'],
      previous_vte: !!e['Previously Documented Pulmonary Embolism'] || !!e['Previously documented Deep Vein Thrombosis'],
      hormones: !!e['Hormone use'],
    }),
  },
] satisfies Mapping[];
