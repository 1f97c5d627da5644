/**
 * Reading what a user (or the CLI, or a case) typed: parse, convert to the canonical unit, check
 * limits and typical ranges. Pure functions, no engine: they decide whether a value may be computed.
 */
import type { ChoiceInput, DateInput, Input, NumberInput } from '../schema';
import { convert, displayUnit, lookupUnit } from '../units';

/** The outcome of reading one field. */
export type FieldResult =
  | { status: 'empty'; message: string }
  | { status: 'error'; message: string; suggestUnit?: string }
  /**
   * `value` is in the input's canonical unit; `unitIndex` and `typed` say what was typed (the index in
   * [unit, ...units] and the number in that unit), for tables that score each unit as its source prints it.
   */
  | { status: 'ok'; value: number; warning?: string; suggestUnit?: string; unitIndex?: number; typed?: number }
  /** An optional input left empty: the model receives NaN and outputs using it are unavailable. */
  | { status: 'skipped'; value: number };

/** A number shown to a person: at most 4 significant digits, no float noise. */
export const fmt = (n: number): string => String(Number(n.toPrecision(4)));

/**
 * The longest text read as one value (a number with its unit, a date). Anything longer is refused
 * before any regular expression sees it: a share link or a paste of 100,000 digits must not freeze
 * the tab (issue 15, finding 5). The longest real value ("-1.2345e-10 mL/min/1.73m2") is ~25.
 */
export const MAX_INPUT_LENGTH = 64;

/** The message for a value longer than MAX_INPUT_LENGTH. */
const tooLong = (label: string, n: number): FieldResult => ({
  status: 'error',
  message: `${label} is too long to be a value (${n} characters; at most ${MAX_INPUT_LENGTH}).`,
});

/** Parses a decimal number as people type it ("0.8", "0,8", " 12 "); undefined if it is not one. */
export function parseDecimal(text: string): number | undefined {
  if (text.length > MAX_INPUT_LENGTH) return undefined;
  const t = text.trim().replace(/^\+/, '');
  // "150,000" could be 150 thousand or 150.000: refuse rather than guess. "0,8" is a decimal comma.
  if (/^-?\d{1,3}(,\d{3})+$/.test(t)) return undefined;
  const norm = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  // Unambiguous: a digit run belongs to exactly one group, so a failed match backtracks linearly.
  if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i.test(norm)) return undefined;
  const n = Number(norm);
  return Number.isFinite(n) ? n : undefined;
}

const inRange = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

/** Another accepted unit in which `n` would be a typical value, when it is not typical in `unit`. */
function betterUnit(input: NumberInput, n: number, unit: string): string | undefined {
  return [input.unit, ...input.units].find((u) => u !== unit && inRange(convert(n, u, input.unit, input.analyte), input.typical));
}

/** Reads a number typed in `unit` (one of the input's units) for a number input. */
export function readNumber(input: NumberInput, text: string, unit: string = input.unit): FieldResult {
  if (text.length > MAX_INPUT_LENGTH) return tooLong(input.label, text.length);
  if (text.trim() === '') {
    if (input.default !== undefined) return { status: 'ok', value: input.default };
    if (input.optional) return { status: 'skipped', value: NaN };
    return { status: 'empty', message: `Enter ${input.label.toLowerCase()}.` };
  }
  // The unit first: the example in the not-a-number message below is converted into it.
  if (unit !== input.unit && !input.units.includes(unit))
    return {
      status: 'error',
      message: `${displayUnit(unit)} is not a unit for ${input.label.toLowerCase()}. Use ${[input.unit, ...input.units].map(displayUnit).join(' or ')}.`,
    };
  const n = parseDecimal(text);
  if (n === undefined && /^-?\d{1,3}(,\d{3})+$/.test(text.trim()))
    return { status: 'error', message: `“${text.trim()}” is ambiguous: write ${text.trim().replace(/,/g, '')} without the comma, or use a decimal point.` };
  if (n === undefined)
    return {
      status: 'error',
      message: `“${text.trim()}” is not a number. Enter ${input.label.toLowerCase()} as a number, e.g. ${fmt(convert(input.typical[0], input.unit, unit, input.analyte))}.`,
    };
  // 12 significant digits drop float noise of the conversion (100.4 °F is 38 °C, not 38.00000000000001),
  // so a converted value sits on the same side of a cut-off as the value typed in the canonical unit.
  const value = Number(convert(n, unit, input.unit, input.analyte).toPrecision(12));
  const typedAs = unit === input.unit ? {} : { unitIndex: input.units.indexOf(unit) + 1, typed: n };
  const u = displayUnit(unit);
  const suggestUnit = betterUnit(input, n, unit);
  const hint = suggestUnit ? ` Did you mean ${displayUnit(suggestUnit)}?` : '';
  if (!inRange(value, input.limits)) {
    const [lo, hi] = input.limits.map((l) => fmt(convert(l, input.unit, unit, input.analyte)));
    const why = input.limits_reason ? ` (${input.limits_reason})` : '';
    return { status: 'error', message: `${input.label} must be between ${lo} and ${hi}${u ? ` ${u}` : ''}${why}.${hint}`, suggestUnit };
  }
  if (input.training_range && !inRange(value, input.training_range)) {
    const [lo, hi] = input.training_range.map((l) => fmt(convert(l, input.unit, unit, input.analyte)));
    return {
      status: 'ok',
      value,
      ...typedAs,
      warning: `Outside the data this model was built on (${lo}–${hi}${u ? ` ${u}` : ''}): the prediction is an extrapolation.${hint}`,
      suggestUnit,
    };
  }
  if (!inRange(value, input.typical)) {
    const [lo, hi] = input.typical.map((l) => fmt(convert(l, input.unit, unit, input.analyte)));
    return { status: 'ok', value, ...typedAs, warning: `Unusual value (typical ${lo}–${hi}${u ? ` ${u}` : ''}) — check the unit.${hint}`, suggestUnit };
  }
  return { status: 'ok', value, ...typedAs };
}

/**
 * The values one read field gives the model: its canonical value, and for a value typed in another
 * unit, that unit's index and the number as typed (`<id>.unit`, `<id>.typed`; see runtime/feeds.ts).
 */
export function fieldValues(id: string, r: FieldResult): Record<string, number> {
  if (r.status !== 'ok' && r.status !== 'skipped') return {};
  const out: Record<string, number> = { [id]: r.value };
  if (r.status === 'ok' && r.unitIndex !== undefined && r.typed !== undefined) {
    out[`${id}.unit`] = r.unitIndex;
    out[`${id}.typed`] = r.typed;
  }
  return out;
}

/** Reads a choice by option value or label (case-insensitive). */
export function readChoice(input: ChoiceInput, raw: string | number | undefined): FieldResult {
  if (raw === undefined || raw === '') {
    if (input.default !== undefined) return { status: 'ok', value: input.default };
    return { status: 'empty', message: `Choose ${input.label.toLowerCase()}.` };
  }
  const s = String(raw).trim().toLowerCase();
  const hit = input.options.find((o) => String(o.value) === s || o.label.toLowerCase() === s);
  if (!hit)
    return {
      status: 'error',
      message: `“${raw}” is not an option for ${input.label.toLowerCase()}. Choose one of: ${input.options.map((o) => o.label).join(', ')}.`,
    };
  return { status: 'ok', value: hit.value };
}

const YES = ['yes', 'y', 'true', '1', 'present'];
const NO = ['no', 'n', 'false', '0', 'absent'];

/** Reads a yes/no answer. */
export function readYesNo(raw: string | number | boolean | undefined, label: string): FieldResult {
  if (raw === undefined || raw === '') return { status: 'empty', message: `Answer ${label.toLowerCase()}.` };
  const s = String(raw).trim().toLowerCase();
  if (YES.includes(s)) return { status: 'ok', value: 1 };
  if (NO.includes(s)) return { status: 'ok', value: 0 };
  return { status: 'error', message: `“${raw}” is not yes or no for ${label.toLowerCase()}.` };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of a YYYY-MM-DD date, as the model receives dates. */
export function readDate(input: DateInput, text: string, today?: number): FieldResult {
  if (text.length > MAX_INPUT_LENGTH) return tooLong(input.label, text.length);
  const t = text.trim();
  if (t === '') return { status: 'empty', message: `Enter ${input.label.toLowerCase()}.` };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== t) return { status: 'error', message: `“${t}” is not a date. Use YYYY-MM-DD, e.g. 2026-01-31.` };
  const out = dateWindowProblem(input, ms / DAY_MS, today);
  return out ?? { status: 'ok', value: ms / DAY_MS };
}

/** Without a declared window, a date must lie within 150 years before and 10 years after today. */
export const DEFAULT_DATE_WINDOW = { past_days: 150 * 366, future_days: 10 * 366 } as const;

/**
 * A date outside its plausible window relative to today (issue 15, finding 6). The broad default
 * always applies; a window the definition declares (`plausible`) applies when `today` is given, i.e.
 * on the page — worked examples in cases.yaml keep their fixed dates.
 */
function dateWindowProblem(input: DateInput, days: number, today?: number): FieldResult | undefined {
  const now = today ?? todayDays();
  const w = today !== undefined && input.plausible ? input.plausible : DEFAULT_DATE_WINDOW;
  const [lo, hi] = [now - w.past_days, now + w.future_days];
  if (days >= lo && days <= hi) return undefined;
  const why = today !== undefined && input.plausible?.reason ? ` (${input.plausible.reason})` : '';
  return { status: 'error', message: `${input.label} must be between ${formatDate(lo)} and ${formatDate(hi)}${why}.` };
}

/** Today's date where the user is (not in UTC), as days since 1970-01-01. */
export function todayDays(now = new Date()): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS;
}

/** YYYY-MM-DD of a days-since-1970 value. */
export const formatDate = (days: number): string => new Date(Math.round(days) * DAY_MS).toISOString().slice(0, 10);

/** Splits "0.8mg/dL" or "70 umol/L" into number text and unit symbol (known units only). */
export function splitUnit(text: string): { number: string; unit?: string } {
  if (text.length > MAX_INPUT_LENGTH) return { number: text };
  // On the trimmed text, with no lazy group before an optional tail: linear, whatever the input.
  const m = /^([-+]?[\d.,]+(?:e[-+]?\d+)?)\s*(.*)$/is.exec(text.trim());
  if (!m || m[2] === '') return { number: text };
  const unit = lookupUnit(m[2]);
  return unit ? { number: m[1], unit: unit.symbol } : { number: text };
}

/**
 * Reads what was typed in a number field shown in `unit`, where the text may carry its own unit
 * ("1.2 mg/dL" typed or pasted): a unit the field offers is read as that unit; another known unit,
 * or letters that are no unit, get a plain message naming the units the field takes (issue 16, item 8).
 */
export function readNumberText(input: NumberInput, text: string, unit: string = input.unit): FieldResult {
  if (text.length > MAX_INPUT_LENGTH) return tooLong(input.label, text.length);
  const split = splitUnit(text);
  if (split.unit !== undefined) return readNumber(input, split.number, split.unit);
  if (/[a-zµ%°]/i.test(text) && parseDecimal(text) === undefined) {
    const m = /^\s*[-+]?[\d.,]+\s*(.+)$/.exec(text);
    // "5e" is an exponent being typed (5e3), not a unit: it reads as "not a number" until complete.
    if (m && !/^e[-+]?$/i.test(m[1].trim()))
      return {
        status: 'error',
        message: `“${m[1].trim()}” is not a unit for ${input.label.toLowerCase()}. Use ${[input.unit, ...input.units].map(displayUnit).join(' or ')}.`,
      };
  }
  return readNumber(input, text, unit);
}

/**
 * The unit a number field's text names, when it is one the field offers ("1.2 mg/dL" → mg/dL),
 * with the number alone: the form then shows the number in the field and the unit in its menu.
 */
export function offeredUnitIn(input: NumberInput, text: string): { number: string; unit: string } | undefined {
  const { number, unit } = splitUnit(text);
  return unit !== undefined && [input.unit, ...input.units].includes(unit) && parseDecimal(number) !== undefined ? { number, unit } : undefined;
}

/** Reads any input from a loose value: CLI arguments, share links, cases.yaml. */
export function readValue(input: Input, raw: string | number | boolean | undefined): FieldResult {
  if (typeof raw === 'string' && raw.length > MAX_INPUT_LENGTH) return tooLong(input.label, raw.length);
  switch (input.type) {
    case 'number': {
      if (typeof raw === 'number') return readNumber(input, String(raw));
      if (raw === undefined || typeof raw === 'boolean') return readNumber(input, '');
      return readNumberText(input, raw);
    }
    case 'choice':
      return readChoice(input, typeof raw === 'boolean' ? String(raw) : raw);
    case 'yesno':
      return raw === undefined ? { status: 'ok', value: input.default ? 1 : 0 } : readYesNo(raw, input.label);
    case 'date':
      return raw === undefined && input.default === 'today' ? { status: 'ok', value: todayDays() } : readDate(input, raw === undefined ? '' : String(raw));
  }
}
