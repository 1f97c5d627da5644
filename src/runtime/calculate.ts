/** From read input values to interpreted results, through a ModelRunner (browser or Node alike). */
import type { Band, Calculator, Output } from '../schema';
import { roundHalfAway } from '../units/round';
import type { ModelRef, ModelRunner } from './session';
import { formatDate, readValue, type FieldResult } from './values';

/** One interpreted result, ready to show. */
export interface OutputResult {
  id: string;
  label: string;
  unit?: string;
  /** The model's value, unrounded. */
  value: number;
  /** As shown: rounded to the output's decimals, or a date, or weeks + days. */
  display: string;
  /** The band the model chose (matched on the displayed value), if the output has bands. */
  band?: Band;
  /** Why there is no value (display "—"): the output's validity reason, or the inputs it waits for. */
  unavailable?: string;
}

/** Shows a value the way its output is declared. Never prints NaN: the caller checks finiteness. */
export function formatOutput(o: Pick<Output, 'decimals' | 'format'>, value: number): string {
  if (o.format === 'date') return formatDate(value);
  if (o.format === 'weeks-days') {
    const days = Math.round(value);
    const w = Math.trunc(days / 7);
    const d = days - w * 7;
    return `${w} week${Math.abs(w) === 1 ? '' : 's'} ${d} day${Math.abs(d) === 1 ? '' : 's'}`;
  }
  return roundHalfAway(value, o.decimals).toFixed(o.decimals);
}

/** Reads every input of a calculator from loose values; `ok` when all can be computed. */
export function readAll(calc: Calculator, raw: Record<string, string | number | boolean | undefined>) {
  const fields: Record<string, FieldResult> = {};
  const values: Record<string, number> = {};
  for (const input of calc.inputs) {
    const r = readValue(input, raw[input.id]);
    fields[input.id] = r;
    if (r.status === 'ok' || r.status === 'skipped') values[input.id] = r.value;
  }
  return { fields, values, ok: Object.values(fields).every((f) => f.status === 'ok' || f.status === 'skipped') };
}

/**
 * Turns the model's outputs for row `i` into interpreted results. `skipped` names optional inputs
 * left empty, to say why an output has no value.
 */
export function interpret(calc: Calculator, out: Record<string, Float64Array>, i = 0, skipped: string[] = []): OutputResult[] {
  return calc.outputs.map((o) => {
    const value = out[o.id][i];
    const unavailable = Number.isFinite(value)
      ? undefined
      : skipped.length
        ? `Enter ${skipped.join(', ').toLowerCase()} to see this.${o.valid ? ` (${o.valid.reason})` : ''}`
        : (o.valid?.reason ?? 'Cannot be computed for these values: check the inputs.');
    const bands = calc.interpretation.find((it) => it.output === o.id)?.bands;
    const bandIdx = out[`${o.id}.band`]?.[i];
    return {
      id: o.id,
      label: o.label,
      unit: o.unit,
      value,
      display: Number.isFinite(value) ? formatOutput(o, value) : '—',
      band: bands && bandIdx !== undefined && bandIdx >= 0 ? bands[bandIdx] : undefined,
      ...(unavailable ? { unavailable } : {}),
    };
  });
}

/** Runs many rows of canonical values in one batched model run. */
export async function computeRows(runner: ModelRunner, model: ModelRef, calc: Calculator, rows: Record<string, number>[]): Promise<OutputResult[][]> {
  const feeds = Object.fromEntries(calc.inputs.map((i) => [i.id, Float64Array.from(rows, (r) => r[i.id])]));
  const out = await runner.run(model, feeds);
  return rows.map((_, i) => interpret(calc, out, i));
}
