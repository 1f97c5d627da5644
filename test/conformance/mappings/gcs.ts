import type { Mapping } from '../types';

/** Benchmark wording -> our option value. A component the row does not mention scores full points (benchmark convention). */
const EYE: Record<string, number> = {
  'eyes open spontaneously': 4,
  'eye opening to verbal command': 3,
  'eye opening to pain': 2,
  'no eye opening': 1,
};
const VERBAL: Record<string, number> = {
  oriented: 5,
  confused: 4,
  'inappropriate words': 3,
  'incomprehensible sounds': 2,
  'no verbal response': 1,
};
const MOTOR: Record<string, number> = {
  'obeys commands': 6,
  'localizes pain': 5,
  'withdrawal from pain': 4,
  'flexion to pain': 3,
  'extension to pain': 2,
  'no motor response': 1,
};

const pick = (table: Record<string, number>, v: unknown, full: number): number => {
  if (v === undefined) return full;
  const hit = table[String(v).trim().toLowerCase()];
  if (hit === undefined) throw new Error(`unknown GCS wording "${String(v)}"`);
  return hit;
};

export default [
  {
    benchId: 21,
    calculator: 'gcs',
    output: 'total',
    inputs: (e) => ({
      eye: pick(EYE, e['Best eye response'], 4),
      verbal: pick(VERBAL, e['Best verbal response'], 5),
      motor: pick(MOTOR, e['Best motor response'], 6),
    }),
  },
] satisfies Mapping[];
