/** From read input values to interpreted results, through a ModelRunner (browser or Node alike). */
import type { Band, Calculator, Output } from '../schema';
import { scoredOutputName, STATUS, statusOutputName, warningOutputName } from '../schema/graph';
import { signedPoints } from '../format/points';
import { convert } from '../units/convert';
import { roundHalfAway } from '../units/round';
import type { ModelRef, ModelRunner } from './session';
import { fieldValues, formatDate, readValue, type FieldResult } from './values';
import { readDose, type DoseResult } from './dose';

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
  /** True for a categorical output: `display` is the label of its category, never the code. */
  category?: boolean;
  /** The same result in the output's other units (e.g. LDL in mmol/L beside mg/dL). */
  also?: { unit: string; display: string }[];
  /** Applicability warnings the model raised for this result (e.g. an age outside the derivation cohort's). */
  warnings?: string[];
  /** A dose output's parts as the model computed them (weight, uncapped amount, cap applied, volume …). */
  dose?: DoseResult;
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
    Object.assign(values, fieldValues(input.id, r));
  }
  return { fields, values, ok: Object.values(fields).every((f) => f.status === 'ok' || f.status === 'skipped') };
}

/** An output's label, naming the options chosen where it has a `chosen_label` and `feeds` say which. */
export function outputLabel(calc: Calculator, o: Output, feeds?: Record<string, Float64Array>, i = 0): string {
  if (!o.chosen_label || !feeds) return o.label;
  let missing = false;
  const text = o.chosen_label.replace(/\{([^}]*)\}/g, (_, id: string) => {
    const input = calc.inputs.find((x) => x.id === id);
    const chosen = input?.type === 'choice' ? input.options.find((opt) => opt.value === feeds[id]?.[i]) : undefined;
    if (!chosen) missing = true;
    return chosen?.label ?? '';
  });
  return missing ? o.label : text;
}

/**
 * Turns the model's outputs for row `i` into interpreted results. `skipped` names optional inputs
 * left empty, to say why an output has no value; `feeds` (the model's inputs) name chosen options
 * in labels (`chosen_label`).
 */
export function interpret(
  calc: Calculator,
  out: Record<string, Float64Array>,
  i = 0,
  skipped: string[] = [],
  feeds?: Record<string, Float64Array>,
): OutputResult[] {
  return calc.outputs.map((o) => {
    const value = out[o.id][i];
    const status = out[statusOutputName(o.id)]?.[i];
    const unavailable = Number.isFinite(value)
      ? undefined
      : skipped.length
        ? `Enter ${skipped.join(', ').toLowerCase()} to see this.${o.valid ? ` (${o.valid.reason})` : ''}`
        : status === STATUS.implausible && o.plausible
          ? `Not calculable: ${o.plausible.reason}`
          : (o.valid?.reason ?? (o.dose ? 'No dose for these values: check the weight.' : 'Cannot be computed for these values: check the inputs.'));
    const bands = calc.interpretation.find((it) => it.output === o.id)?.bands;
    const bandIdx = out[`${o.id}.band`]?.[i];
    const band = bands && bandIdx !== undefined && bandIdx >= 0 ? bands[bandIdx] : undefined;
    const category = o.format === 'category';
    const shown = Number.isFinite(value) && (!category || band);
    // The model says which warnings hold; the page only looks their text up. Shown with a value only.
    const warnings = shown ? o.warnings.filter((_, j) => out[warningOutputName(o.id, j)]?.[i] === 1).map((w) => w.text) : [];
    const dose = shown ? readDose(calc, o, out, i, feeds) : undefined;
    return {
      id: o.id,
      label: outputLabel(calc, o, feeds, i),
      unit: category ? undefined : o.unit,
      value,
      display: !shown ? '—' : category ? band!.label : formatOutput(o, value),
      band,
      ...(category ? { category } : {}),
      ...(shown && !category && o.unit && o.units.length
        ? { also: o.units.map((u) => ({ unit: u.unit, display: roundHalfAway(convert(value, o.unit!, u.unit, o.analyte), u.decimals).toFixed(u.decimals) })) }
        : {}),
      ...(unavailable ? { unavailable } : {}),
      ...(warnings.length ? { warnings } : {}),
      ...(dose ? { dose } : {}),
    };
  });
}

const scoredLine = (label: string, p: number | undefined) => (p === undefined || !Number.isFinite(p) || p === 0 ? [] : [`${label} (${signedPoints(p)})`]);

/**
 * What the terms outputs list in `scored` (e.g. PSI's age points) scored, from the model's own
 * outputs (row `i`), for the head of the "scored" list: "Age (women: age − 10) (+62)".
 */
export function scoredTerms(calc: Calculator, out: Record<string, Float64Array>, i = 0): string[] {
  return calc.outputs.flatMap((o) => Object.entries(o.scored ?? {}).flatMap(([name, label]) => scoredLine(label, out[scoredOutputName(name)]?.[i])));
}

/**
 * What each table scored, from the model's own table outputs (row `i`), for the "scored" list:
 * "Creatinine (+3)". Tables that scored nothing, or are empty, are left out.
 */
export function scoredTables(calc: Calculator, out: Record<string, Float64Array>, i = 0): string[] {
  return calc.tables.flatMap((t) => scoredLine(t.label ?? calc.inputs.find((x) => x.id === t.input)?.label ?? t.id, out[t.id]?.[i]));
}

/** The values the model gets for one set of read fields (see fieldValues). */
export function fieldsToRow(calc: Calculator, fields: Record<string, FieldResult>): Record<string, number> {
  return Object.assign({}, ...calc.inputs.map((i) => fieldValues(i.id, fields[i.id])));
}

/**
 * One Float64Array per key of the rows (canonical values by input id, plus `<id>.unit`/`<id>.typed`
 * where a value was typed in another unit; a row without them is canonical).
 */
export function rowsToFeeds(calc: Calculator, rows: Record<string, number>[]): Record<string, Float64Array> {
  const keys = new Set([...calc.inputs.map((i) => i.id), ...rows.flatMap((r) => Object.keys(r))]);
  return Object.fromEntries(
    [...keys].map((k) => {
      const [id, part] = k.split('.');
      return [k, Float64Array.from(rows, (r) => r[k] ?? (part === 'unit' ? 0 : r[id]))];
    }),
  );
}

/** Runs many rows of read values in one batched model run. */
export async function computeRows(runner: ModelRunner, model: ModelRef, calc: Calculator, rows: Record<string, number>[]): Promise<OutputResult[][]> {
  const feeds = rowsToFeeds(calc, rows);
  const out = await runner.run(model, feeds);
  return rows.map((_, i) => interpret(calc, out, i, [], feeds));
}
