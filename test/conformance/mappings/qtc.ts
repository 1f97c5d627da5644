import type { Mapping } from '../types';

// Heart rate in beats per minute and QT in msec, as our inputs expect; the benchmark also takes RR = 60 / HR.
const inputs = (e: Record<string, any>) => ({ hr: e['Heart Rate or Pulse'][0], qt: e['QT Interval'][0] });

export default [
  { benchId: 11, calculator: 'qtc', output: 'qtc_bazett', inputs },
  { benchId: 56, calculator: 'qtc', output: 'qtc_fridericia', inputs },
  { benchId: 57, calculator: 'qtc', output: 'qtc_framingham', inputs },
  { benchId: 58, calculator: 'qtc', output: 'qtc_hodges', inputs },
  { benchId: 59, calculator: 'qtc', output: 'qtc_rautaharju', inputs },
] satisfies Mapping[];
