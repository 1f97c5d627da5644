/**
 * Between a calculator's fields and the patient context (patient.ts): which fields a context value
 * pre-fills, and which entry a field's value becomes. Matching is by declared concept only
 * (src/units/concepts.ts): an input without a concept is never filled, and a value is never used for
 * another quantity. Pure functions: no storage, no DOM.
 */
import type { Calculator, Input } from '../schema';
import type { FieldResult } from '../runtime/values';
import { readNumber } from '../runtime/values';
import { concept as conceptById } from '../units/concepts';
import { labTest } from '../units/lab-tests';
import { convert } from '../units/convert';
import type { ContextEntry, PatientContext } from './patient';

/** What a field is pre-filled with, and from which entry. */
export interface Prefill {
  concept: string;
  text: string;
  /** The unit to show it in (a number field). */
  unit?: string;
  entry: ContextEntry;
  /** True when the value was converted from the unit it was entered in. */
  converted: boolean;
}

const conceptOf = (input: Input) => (input.concept && input.concept !== 'none' ? conceptById(input.concept) : undefined);

/** A number as a field shows it: enough digits that converting back lands on the same side of a cut-off. */
const asText = (v: number) => String(Number(v.toPrecision(6)));

/** The pre-fill of one input from the context, if the context holds its concept and the value fits. */
export function prefillOf(input: Input, ctx: PatientContext | undefined): Prefill | undefined {
  const c = conceptOf(input);
  const entry = c && ctx?.entries[c.id];
  if (!c || !entry) return undefined;
  if (c.kind === 'sex') {
    if (input.type !== 'choice' || !entry.sex) return undefined;
    const o = input.options.find((x) => x.label.toLowerCase() === entry.sex);
    return o ? { concept: c.id, text: String(o.value), entry, converted: false } : undefined;
  }
  if (input.type !== 'number' || entry.value === undefined) return undefined;
  const offered = [input.unit, ...input.units];
  // In the unit it was entered in when this field offers it: the same number the user typed.
  const same = entry.unit && offered.includes(entry.unit) ? { text: entry.text, unit: entry.unit } : undefined;
  let fill = same;
  if (!fill) {
    let v: number;
    try {
      v = convert(entry.value, c.unit!, input.unit, input.analyte ?? c.analyte);
    } catch {
      return undefined;
    }
    if (!Number.isFinite(v)) return undefined;
    fill = { text: asText(v), unit: input.unit };
  }
  // Only a value this calculator accepts: one outside its limits is left for the user to enter.
  const r = readNumber(input, fill.text, fill.unit);
  if (r.status !== 'ok') return undefined;
  return { concept: c.id, text: fill.text, unit: fill.unit, entry, converted: !same };
}

/** Every pre-fill for a calculator's inputs (input id → pre-fill). */
export function prefillFor(calc: Calculator, ctx: PatientContext | undefined): Record<string, Prefill> {
  const out: Record<string, Prefill> = {};
  if (!ctx) return out;
  for (const input of calc.inputs) {
    const p = prefillOf(input, ctx);
    if (p) out[input.id] = p;
  }
  return out;
}

/** The context entry a field's accepted value becomes (undefined: no concept, or nothing usable). */
export function entryOf(
  input: Input,
  text: string,
  unit: string | undefined,
  read: FieldResult,
  from: { id: string; title: string },
  now: number,
): { concept: string; entry: ContextEntry } | undefined {
  const c = conceptOf(input);
  if (!c || read.status !== 'ok') return undefined;
  const base = { text: text.trim().slice(0, 64), from, source: 'typed' as const, at: now };
  if (c.kind === 'sex') {
    if (input.type !== 'choice') return undefined;
    const label = input.options.find((o) => o.value === read.value)?.label.toLowerCase();
    return label === 'female' || label === 'male' ? { concept: c.id, entry: { ...base, sex: label } } : undefined;
  }
  if (input.type !== 'number') return undefined;
  const value = convert(read.value, input.unit, c.unit!, input.analyte ?? c.analyte);
  if (!Number.isFinite(value)) return undefined;
  return { concept: c.id, entry: { ...base, value, unit: unit ?? input.unit } };
}

/** The context entries a read paste gives (src/paste/parse.ts), each with the line it came from. */
export function entriesFromPaste(readings: readonly { test: string; value: number; unit: string; text: string }[], now: number): Record<string, ContextEntry> {
  const out: Record<string, ContextEntry> = {};
  for (const r of readings) {
    const test = labTest(r.test);
    const c = test && conceptById(test.concept ?? test.id);
    if (!c || c.kind !== 'number') continue;
    let value: number;
    try {
      value = convert(r.value, r.unit, c.unit!, test.analyte ?? c.analyte);
    } catch {
      continue;
    }
    if (!Number.isFinite(value)) continue;
    out[c.id] = {
      value,
      text: String(r.value),
      unit: r.unit,
      from: { id: 'paste', title: 'Pasted results' },
      source: 'paste',
      line: r.text.slice(0, 300),
      at: now,
    };
  }
  return out;
}
