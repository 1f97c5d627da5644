import type { Mapping } from '../types';
import { platelets, yes } from '../entities';

// Benchmark conventions (README): findings not mentioned count as absent (no ventilation, no CPAP,
// no vasopressor, no hypotension); GCS not given counts as 15.
const unit = (v: [number, string]) => `${v[0]} ${v[1].replace(/^mm hg$/i, 'mmHg')}`;
const dose = (v?: [number, string]) => (v ? `${v[0]} ${v[1]}` : 0);

export default [
  {
    benchId: 43,
    calculator: 'sofa',
    output: 'sofa',
    inputs: (e) => {
      const sbp = e['Systolic Blood Pressure']?.[0];
      const dbp = e['Diastolic Blood Pressure']?.[0];
      // MAP from SBP and DBP when given; otherwise the row's "Hypotension" flag decides which side
      // of the 70 mmHg cut-off the (unstated) MAP lies.
      const map = sbp !== undefined && dbp !== undefined ? (sbp + 2 * dbp) / 3 : yes(e.Hypotension) ? 69 : 70;
      return {
        pao2: unit(e.PaO2),
        fio2: e.FiO2[0],
        resp_support: yes(e['On mechanical ventilation']) || yes(e['Continuous positive airway pressure']),
        platelets: platelets(e['Platelet count']),
        gcs: e['Glasgow Coma Score'] ?? 15,
        bilirubin: unit(e.Bilirubin),
        map,
        dopamine: dose(e.DOPamine),
        dobutamine: dose(e.DOBUTamine),
        epinephrine: dose(e.EPINEPHrine),
        norepinephrine: dose(e.norEPINEPHrine),
        creatinine: unit(e.creatinine),
        ...(e['Urine Output'] ? { urine_output: e['Urine Output'][0] } : {}),
      };
    },
  },
] satisfies Mapping[];
