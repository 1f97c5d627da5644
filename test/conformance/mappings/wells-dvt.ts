import type { Mapping } from '../types';

// Not mentioned = absent. "Bedridden > 3 days" and "major surgery within 12 weeks" are one Wells item.
export default [
  {
    benchId: 16,
    calculator: 'wells-dvt',
    output: 'score',
    inputs: (e) => ({
      cancer: !!e['Active cancer'],
      paralysis: !!e['Paralysis, paresis, or recent plaster immobilization of the lower extremity'],
      bedridden_surgery: !!e['Bedridden recently >3 days'] || !!e['Major surgery within 12 weeks'],
      tenderness: !!e['Localized tenderness along the deep venous system'],
      entire_leg: !!e['Entire Leg Swollen'],
      calf_swelling: !!e['Calf swelling >3 centimeters compared to the other leg'],
      pitting_oedema: !!e['Pitting edema, confined to symptomatic leg'],
      collateral_veins: !!e['Collateral (nonvaricose) superficial veins present'],
      previous_dvt: !!e['Previously documented Deep Vein Thrombosis'],
      alternative: !!e['Alternative diagnosis to Deep Vein Thrombosis as likely or more likely'],
    }),
  },
] satisfies Mapping[];
