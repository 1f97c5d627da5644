import type { Mapping } from '../types';

// The benchmark gives the platelet count per denominator unit (README: "units" are the denominator only):
// a count per µL or mm³; our platelet input takes it in /uL (converted exactly to 10⁹/L).
const perMicrolitre: Record<string, string> = { 'µL': '/uL', uL: '/uL', 'mm^3': '/mm3' };
const platelets = (v: [number, string]) => {
  const u = perMicrolitre[v[1]];
  if (!u) throw new Error(`unknown platelet unit ${v[1]}`);
  return `${v[0]} ${u}`;
};

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
