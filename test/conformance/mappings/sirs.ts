import type { Mapping } from '../types';

// Our white cell count is in 10^9/L (also /uL). The benchmark's WBC "unit" is the denominator only
// (README): a count per µL or mm^3 (passed as /uL, converted exactly), per mL, or per L.
const wbc = (v: [number, string]) => {
  if (['µL', 'uL', 'mm^3'].includes(v[1])) return `${v[0]} /uL`;
  const d = ({ mL: 1e6, L: 1e9 } as Record<string, number>)[v[1]];
  if (!d) throw new Error(`unknown WBC denominator ${v[1]}`);
  return v[0] / d;
};
const temp = (t: [number, string]) => `${t[0]} ${/fahrenheit/i.test(t[1]) ? 'degF' : 'degC'}`;

export default [
  {
    benchId: 51,
    calculator: 'sirs',
    output: 'criteria',
    inputs: (e) => ({
      temperature: temp(e.Temperature),
      heart_rate: e['Heart Rate or Pulse'][0],
      // Benchmark convention: a respiratory rate not given is taken as not raised.
      resp_rate: e['respiratory rate']?.[0] ?? 12,
      ...(e.PaCO2 ? { paco2: e.PaCO2[0] } : {}),
      wbc: wbc(e['White blood cell count']),
      ...(e.bands ? { bands: Array.isArray(e.bands) ? e.bands[0] : e.bands } : {}),
    }),
  },
] satisfies Mapping[];
