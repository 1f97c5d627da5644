import type { Mapping } from '../types';
import { unit, yes } from '../entities';

// Benchmark convention (README): a finding not mentioned counts as absent.

export default [
  {
    benchId: 27,
    calculator: 'glasgow-blatchford',
    output: 'score',
    inputs: (e) => ({
      urea: unit(e['Blood Urea Nitrogen (BUN)']),
      sex: e.sex,
      haemoglobin: unit(e.Hemoglobin),
      sbp: e['Systolic Blood Pressure'][0],
      pulse_100: e['Heart Rate or Pulse'][0] >= 100,
      melaena: yes(e['Melena Present']),
      syncope: yes(e['Recent Syncope']),
      hepatic: yes(e['Hepatic disease history']),
      cardiac_failure: yes(e['Cardiac Failure Present']),
    }),
  },
] satisfies Mapping[];
