import type { Mapping } from '../types';
import { yes } from '../entities';

// Benchmark conventions (README): findings not mentioned count as absent (acute renal failure,
// severe organ insufficiency/immunocompromise). Its "Chronic renal failure" entity has no place in
// APACHE II (chronic dialysis belongs to the chronic-health item, which the row states separately).
const mmhg = (s: string) => s.replace(/^mm hg$/i, 'mmHg');
const temp = (t: [number, string]) => `${t[0]} ${/fahrenheit/i.test(t[1]) ? 'degF' : 'degC'}`;
// White-cell "unit" is the denominator only (README): a count per mm^3 or µL, which our input takes
// as /uL (converted exactly to 10^9/L); per mL or per L converted here.
const wbc = (w: [number, string]) => {
  if (['µL', 'uL', 'mm^3'].includes(w[1])) return `${w[0]} /uL`;
  const d = ({ mL: 1e6, L: 1e9 } as Record<string, number>)[w[1]];
  if (!d) throw new Error(`unknown WBC denominator ${w[1]}`);
  return w[0] / d;
};
const admission: Record<string, string> = {
  Nonoperative: 'Nonoperative',
  Emergency: 'Emergency postoperative',
  Elective: 'Elective postoperative',
};

function meanArterial(e: Record<string, any>): number {
  const m = e['Mean arterial pressure'];
  if (Array.isArray(m)) return m[0];
  if (typeof m === 'string') return parseFloat(m);
  return (e['Systolic Blood Pressure'][0] + 2 * e['Diastolic Blood Pressure'][0]) / 3;
}

export default [
  {
    benchId: 28,
    calculator: 'apache-ii',
    output: 'apache',
    inputs: (e) => {
      return {
        age: e.age[0],
        temperature: temp(e.Temperature),
        map: meanArterial(e),
        heart_rate: e['Heart Rate or Pulse'][0],
        resp_rate: e['respiratory rate'][0],
        fio2: e.FiO2[0],
        ...(e.PaO2 ? { pao2: `${e.PaO2[0]} ${mmhg(e.PaO2[1])}` } : {}),
        ...(e['A-a gradient'] !== undefined ? { aa_gradient: Number(e['A-a gradient']) } : {}),
        ph: Number(e.pH),
        sodium: `${e.Sodium[0]} ${e.Sodium[1]}`,
        potassium: `${e.Potassium[0]} ${e.Potassium[1]}`,
        creatinine: `${e.creatinine[0]} ${e.creatinine[1]}`,
        arf: yes(e['Acute renal failure']),
        hematocrit: e.Hematocrit[0],
        wbc: wbc(e['White blood cell count']),
        gcs: e['Glasgow Coma Score'],
        chronic_health: yes(e['History of severe organ failure or immunocompromise']),
        // The benchmark gives no admission type when there is no chronic-health history; it then
        // does not affect the score.
        admission: admission[e['Surgery Type'] ?? 'Nonoperative'],
      };
    },
  },
] satisfies Mapping[];
