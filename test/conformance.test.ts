/**
 * MedCalc-Bench Verified agreement must never fall below the figures recorded in
 * test/conformance/recorded.json (update with `npm run conformance -- --record` after an improvement).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreement, byCalculator, runConformance, type RowResult } from './conformance/harness';
import { BY_CALCULATOR } from './conformance/by-calculator';

const recorded: Record<string, number> = JSON.parse(readFileSync('test/conformance/recorded.json', 'utf8'));
let table: ReturnType<typeof agreement>;
let results: RowResult[];

beforeAll(async () => {
  results = await runConformance();
  table = agreement(results);
}, 120_000);

describe('MedCalc-Bench Verified conformance', () => {
  for (const [benchId, agree] of Object.entries(recorded).filter(([, n]) => n > 0)) {
    it(`benchmark calculator ${benchId} agrees on at least ${agree} rows`, () => {
      const t = table[Number(benchId)];
      const open = results
        .filter((r) => r.row.calculator_id === Number(benchId) && !r.agree)
        .map((r) => `row ${r.row.row_number}: ours ${JSON.stringify(r.ours)}, benchmark ${JSON.stringify(r.row.ground_truth)} (${r.reason ?? 'unexplained'})`);
      expect(t.agree, open.join('\n')).toBeGreaterThanOrEqual(agree);
    });
  }

  it(`the verification page's figures (${BY_CALCULATOR}) are the ones this run measured`, () => {
    const shipped = JSON.parse(readFileSync(BY_CALCULATOR, 'utf8'));
    expect(shipped, 'run npm run conformance to regenerate').toEqual(byCalculator(results));
  });
});
