/**
 * Runs worked examples (cases.yaml) through a model and says where each one disagrees: the one case
 * runner, used by `npm run check` (through the model compiled in memory) and by
 * test/calculators.test.ts (through the committed model).
 */
import { computeRows, formatOutput, readAll } from '../runtime/calculate';
import type { ModelRef, ModelRunner } from '../runtime/session';
import type { Calculator, Case, Expect } from '../schema';
import type { OutputResult } from '../runtime/calculate';
import { volumeText } from '../format/dose';

/** One disagreement; `path` is the field within cases.yaml (e.g. [0, 'expect', 'egfr', 'value']). */
export interface CaseMismatch {
  path: (string | number)[];
  message: string;
}

const show = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(12))) : String(v));

/**
 * Runs `cases` in one batched model run; returns, per case, every way the model's results differ from
 * what the case expects (empty: the case holds). `index` offsets the paths (the case's position in
 * cases.yaml when a slice is passed).
 */
export async function checkCases(runner: ModelRunner, model: ModelRef, calc: Calculator, cases: Case[], index = 0): Promise<CaseMismatch[][]> {
  const found: CaseMismatch[][] = cases.map(() => []);
  const rows: { k: number; values: Record<string, number> }[] = [];
  cases.forEach((c, k) => {
    const { fields, values, ok } = readAll(calc, c.inputs);
    for (const [id, f] of Object.entries(fields)) {
      if (f.status === 'empty' || f.status === 'error')
        found[k].push({ path: [index + k, 'inputs', id], message: `${id} = ${JSON.stringify(c.inputs[id] ?? null)} is not readable: ${f.message}` });
    }
    if (ok) rows.push({ k, values });
  });
  if (!rows.length) return found;
  const results = await computeRows(
    runner,
    model,
    calc,
    rows.map((r) => r.values),
  );
  rows.forEach(({ k }, n) => {
    const c = cases[k];
    const at = (...p: (string | number)[]) => [index + k, 'expect', ...p];
    for (const [outputId, exp] of Object.entries(c.expect) as [string, Expect][]) {
      const o = calc.outputs.find((x) => x.id === outputId);
      const r = results[n].find((x) => x.id === outputId);
      if (!o || !r) {
        found[k].push({ path: at(outputId), message: `"${outputId}" is not an output (outputs: ${calc.outputs.map((x) => x.id).join(', ')})` });
        continue;
      }
      const { value, tol, band, warning } = typeof exp === 'object' ? exp : { value: exp, tol: undefined, band: undefined, warning: undefined };
      if (typeof exp === 'object') found[k].push(...doseMismatches(outputId, exp, r, at));
      if (typeof value === 'number') {
        const allowed = tol ?? 0.5 * 10 ** -o.decimals;
        if (!Number.isFinite(r.value))
          found[k].push({ path: at(outputId, 'value'), message: `${outputId}: found no value (${r.unavailable ?? r.value}), expected ${value}` });
        else if (Math.abs(r.value - value) > allowed + 1e-12)
          found[k].push({ path: at(outputId, 'value'), message: `${outputId}: found ${show(r.value)} (shown "${r.display}"), expected ${value} ± ${allowed}` });
        // A categorical output is shown as its label: its band is what the case checks.
        else if (o.format === 'category') {
          if (r.display !== r.band?.label)
            found[k].push({ path: at(outputId, 'value'), message: `${outputId} as shown: found "${r.display}", expected its band's label "${r.band?.label}"` });
        }
        // Without an explicit tolerance, what the user sees is what the source says.
        else if (tol === undefined && r.display !== formatOutput(o, value))
          found[k].push({ path: at(outputId, 'value'), message: `${outputId} as shown: found "${r.display}", expected "${formatOutput(o, value)}"` });
      } else if (typeof value === 'string' && r.display !== value) {
        found[k].push({ path: at(outputId, 'value'), message: `${outputId} as shown: found "${r.display}", expected "${value}"` });
      }
      if (band !== undefined && r.band?.label !== band)
        found[k].push({ path: at(outputId, 'band'), message: `${outputId} band: found ${r.band ? `"${r.band.label}"` : 'none'}, expected "${band}"` });
      if (warning !== undefined) {
        const shown = r.warnings ?? [];
        const holds = typeof warning === 'boolean' ? shown.length > 0 === warning : shown.length === 1 && shown[0] === warning;
        if (!holds)
          found[k].push({
            path: at(outputId, 'warning'),
            message: `${outputId} warning: found ${shown.length ? shown.map((w) => `"${w}"`).join(', ') : 'none'}, expected ${typeof warning === 'boolean' ? (warning ? 'a warning' : 'none') : `"${warning}"`}`,
          });
      }
    }
  });
  return found;
}

/** Where a dose output differs from what a case expects of its cap, uncapped amount, volume and daily total. */
function doseMismatches(
  outputId: string,
  exp: Exclude<Expect, number | string>,
  r: OutputResult,
  at: (...p: (string | number)[]) => (string | number)[],
): CaseMismatch[] {
  const wanted = [exp.capped, exp.uncapped, exp.volume, exp.daily].some((x) => x !== undefined);
  if (!wanted) return [];
  const d = r.dose;
  if (!d)
    return [
      {
        path: at(outputId),
        message: `${outputId}: expects a dose's cap, uncapped amount, volume or daily total, but shows no dose (${r.unavailable ?? r.display})`,
      },
    ];
  const found: CaseMismatch[] = [];
  if (exp.capped !== undefined && d.cap !== exp.capped)
    found.push({ path: at(outputId, 'capped'), message: `${outputId} capped: found ${d.cap}, expected ${exp.capped}` });
  const near = (field: 'uncapped' | 'daily', v: number | undefined, want: number | undefined) => {
    if (want !== undefined && !(v !== undefined && Math.abs(v - want) <= 0.005 + 1e-12))
      found.push({ path: at(outputId, field), message: `${outputId} ${field}: found ${v ?? 'none'}, expected ${want}` });
  };
  near('uncapped', d.uncapped, exp.uncapped);
  near('daily', d.daily, exp.daily);
  if (exp.volume !== undefined) {
    const shown = d.volume ? volumeText(d.volume) : undefined;
    if (!d.volume || Number(shown) !== exp.volume)
      found.push({ path: at(outputId, 'volume'), message: `${outputId} volume: found ${shown ?? 'none'} mL, expected ${exp.volume} mL` });
  }
  return found;
}
