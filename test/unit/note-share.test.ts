import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { modelRef } from '../../src/definitions/models';
import { computeRows, readAll } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';
import { readNumber, readValue } from '../../src/runtime/values';
import { noteText, type EnteredValue } from '../../src/components/note';
import { decodeFragment, encodeFragment } from '../../src/components/share';

const { entries } = loadCatalog();
const ckd = entries.find((e) => e.id === 'ckd-epi-2021')!;
const input = (id: string) => ckd.calc.inputs.find((i) => i.id === id)!;

describe('copy to note', () => {
  it('gives the exact plain text: title and version, review status, inputs with units, outputs with interpretation, citation, date', async () => {
    const entered: Record<string, EnteredValue> = {
      sex: { text: '1', unit: '', result: readValue(input('sex'), '1') },
      age: { text: '50', unit: 'years', result: readValue(input('age'), 50) },
      scr: { text: '70.7', unit: 'umol/L', result: readNumber(input('scr') as never, '70.7', 'umol/L') },
    };
    const { values } = readAll(ckd.calc, { sex: 1, age: 50, scr: '70.7 umol/L' });
    const [results] = await computeRows(nodeRunner(), modelRef('ckd-epi-2021'), ckd.calc, [values]);
    expect(noteText(ckd.calc, entered, results, '2026-11-26')).toBe(
      [
        'CKD-EPI Creatinine Equation (2021, race-free) (v1.0.0)',
        'Review status: Draft: not yet checked against the primary source by a second clinician.',
        'Sex: Female',
        'Age: 50 years',
        'Serum creatinine: 70.7 µmol/L',
        'eGFR: 90 mL/min/1.73 m² (G1 — normal or high)',
        'Reference: Inker LA, Eneanya ND, Coresh J, et al. New creatinine- and cystatin C-based equations to estimate GFR without race. N Engl J Med 2021;385:1737-49. doi:10.1056/NEJMoa2102953',
        'Calculated 2026-11-26 with Bedside.',
      ].join('\n'),
    );
  });
});

describe('share link fragment', () => {
  it('round-trips values and units, and leaves empty fields out', () => {
    const texts = { sex: '1', age: '50', scr: '70.7' };
    const units = { sex: '', age: 'years', scr: 'umol/L' };
    const frag = encodeFragment(ckd.calc, { texts, units });
    expect(frag).toBe('sex=1&age=50&scr=70.7umol%2FL');
    expect(decodeFragment(ckd.calc, `#${frag}`)).toEqual({ texts, units: { age: 'years', scr: 'umol/L' } });
    expect(encodeFragment(ckd.calc, { texts: { sex: '', age: '', scr: '0.8' }, units })).toBe('scr=0.8umol%2FL');
  });

  it('ignores unknown names and values that are no option', () => {
    expect(decodeFragment(ckd.calc, '#sex=7&evil=<script>&age=60')).toEqual({ texts: { age: '60' }, units: { age: 'years' } });
  });
});
