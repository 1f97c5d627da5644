/** The Formula section's rows: long named steps broken at their top-level sum, braces that stretch (issue 16, item 7). */
import { describe, expect, test } from 'vitest';
import { formulasOf } from '../../src/build/formula';
import { ROW_CHARS, stepRows, visibleLength } from '../../src/compiler/latex';
import { checkOutputs } from '../../src/compiler/check';
import { definition } from '../components/helpers';
import { loadCatalog } from '../../src/definitions/load';

const meld = definition('meld-3');

describe('formula rows', () => {
  test('visibleLength counts what is shown, not the LaTeX commands', () => {
    expect(visibleLength('\\text{bili\\_used} \\times \\left(137 - x\\right)')).toBe('bili_used×(137-x)'.length);
  });

  test("MELD 3.0's long step is broken into rows no wider than a phone's formula box", () => {
    const raw = checkOutputs(meld).outputs[0].where.find((w) => w.name === 'meld3_raw')!;
    const rows = stepRows('\\text{meld3\\_raw}', raw.expr, {});
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]).toMatch(/^\\text\{meld3\\_raw\} &= /);
    for (const r of rows.slice(1)) expect(r).toMatch(/^&\\quad \{\} [+-] /);
    // Every row fits, except a single term that is itself wider (none is, here).
    for (const r of rows) expect(visibleLength(r), r).toBeLessThanOrEqual(ROW_CHARS);
  });

  test('a short step stays on one row; the output is written under its id', () => {
    const f = formulasOf(meld);
    expect(f.map((x) => x.id)).toEqual(['meld3', 'meld3_uncapped']);
    expect(f[0].mathml).toContain('meld3_raw');
    expect(f[0].mathml).not.toContain('US allocation score');
  });

  test('every formula of the catalogue renders, and piecewise definitions render as stretchy cases', () => {
    for (const { id, calc } of loadCatalog().entries) for (const f of formulasOf(calc)) expect(f.mathml, id).toMatch(/^<math/);
    const ckd = formulasOf(definition('ckd-epi-2021'))[0].mathml;
    expect(ckd).toMatch(/<mo[^>]*fence="true"[^>]*>\{<\/mo>|stretchy="true"[^>]*>\{/);
  });
});
