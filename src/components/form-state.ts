/**
 * The calculator form's state: what is typed in each field, the unit chosen for it, which fields
 * the user has touched, and everything read off them (values in canonical units, messages, what
 * is missing, which criteria scored). No engine, no storage, no DOM: those are other primitives.
 */
import { createMemo, type Accessor } from 'solid-js';
import { createStore } from 'solid-js/store';
import { z } from 'zod';
import { isServer } from 'solid-js/web';
import type { Calculator, Input, NumberInput } from '../schema';
import { fmt, formatDate, offeredUnitIn, parseDecimal, readDate, readNumberText, readValue, todayDays, type FieldResult } from '../runtime/values';
import { conversionProblem, convert, displayUnit, lookupUnit } from '../units/convert';
import { signedPoints } from '../format/points';

/** A field's text as kept: bounded like typed input (src/runtime/values.ts MAX_INPUT_LENGTH). */
const Text = z.string().max(200);
const Fields = z.record(z.string().max(80), Text).refine((r) => Object.keys(r).length <= 200);

/**
 * What a form holds: the text of each field and the unit chosen for it. The one type that is
 * kept across a reload (kept-values.ts, which reads stored values back through this schema) and
 * put in a share link (share.ts).
 */
export const FormStateSchema = z.object({ texts: Fields, units: Fields });
export type FormState = z.infer<typeof FormStateSchema>;

/** What a field shows before anything is typed (a default answer, or today for `default: today`). */
export function initialText(input: Input): string {
  if (input.type === 'yesno') return input.default ? '1' : '0';
  if (input.type === 'choice') return input.default !== undefined ? String(input.default) : '';
  if (input.type === 'date') return input.default === 'today' && !isServer ? formatDate(todayDays()) : '';
  return '';
}

function read(input: Input, text: string, unit: string): FieldResult {
  if (input.type === 'number') return readNumberText(input, text, unit);
  if (input.type === 'date') return readDate(input, text, todayDays());
  return readValue(input, text);
}

/** Whether a field's reading lets the model run (a value, or an optional field left empty). */
export const usable = (f: FieldResult) => f.status === 'ok' || f.status === 'skipped';

/** Which criteria scored: the declared points of the chosen answers (the total comes from the model). */
export function scoredCriteria(inputs: readonly Input[], texts: Record<string, string>): string[] {
  return inputs.flatMap((i) => {
    const t = texts[i.id];
    if (i.type === 'yesno' && i.points && t === '1') return [`${i.label} (${signedPoints(i.points)})`];
    if (i.type === 'choice') {
      const o = i.options.find((x) => String(x.value) === t);
      if (o?.points) return [`${i.label}: ${o.label} (${signedPoints(o.points)})`];
    }
    return [];
  });
}

/** Whether the unit at the end of `text` is the start of a longer unit the field offers ("mg/d" of "mg/dL"). */
function unitMayGrow(input: NumberInput, text: string): boolean {
  const tail = /[^\d\s.,+-][^\s]*$/.exec(text.trim())?.[0].toLowerCase() ?? '';
  return [input.unit, ...input.units].some((u) =>
    [u, ...(lookupUnit(u)?.aliases ?? [])].some((spelling) => spelling.length > tail.length && spelling.toLowerCase().startsWith(tail)),
  );
}

export interface Form extends Readonly<FormState> {
  readonly touched: Record<string, boolean>;
  /** The reading of one field (one memo per field: a keystroke re-reads only the field typed in). */
  field(id: string): FieldResult;
  fields: Accessor<Record<string, FieldResult>>;
  /** Labels of inputs still missing or invalid. */
  missing: Accessor<string[]>;
  /** Labels of optional inputs left empty. */
  skipped: Accessor<string[]>;
  /** Every input's value in its canonical unit (NaN while unusable). */
  values: Accessor<Record<string, number>>;
  /** "<label>: <warning>" for values outside their typical range. */
  warnings: Accessor<string[]>;
  scored: Accessor<string[]>;
  /** The value in the input's other units, e.g. "= 70.7 µmol/L", when it reads. */
  converted(input: Input): string | undefined;
  /** Whether any field differs from what the form started with. */
  changed: Accessor<boolean>;
  /** A copy of the texts and units (what is kept and shared). */
  snapshot(): FormState;
  /** The user typed or chose: choices and yes/no count as touched at once. */
  setText(input: Input, text: string): void;
  /**
   * The user switched a field's unit (its unit menu, or "did you mean" on its message): the number
   * typed is kept and now read in the new unit. Switching a unit after typing corrects the unit
   * the number was typed in; it never converts (180 typed, switched to lb, is 180 lb, not 396.8 lb).
   * The converted value beside the field shows the effect (issue 16, item 1).
   */
  setUnit(input: Input, unit: string): void;
  /** The US/SI preference shows a field in another unit: what was typed is converted, so it keeps its meaning. */
  convertUnit(input: Input, unit: string): void;
  blur(id: string): void;
  /** Puts values back (a share link or kept values); `touch` marks the restored fields touched. */
  restore(s: Partial<FormState>, touch?: boolean): void;
  /** Back to the initial texts, nothing touched (units stay as chosen). */
  clear(): void;
}

export function createForm(calc: Calculator): Form {
  const initial: Record<string, string> = Object.fromEntries(calc.inputs.map((i) => [i.id, initialText(i)]));
  const [texts, setTexts] = createStore<Record<string, string>>({ ...initial });
  const [units, setUnits] = createStore<Record<string, string>>(Object.fromEntries(calc.inputs.map((i) => [i.id, i.type === 'number' ? i.unit : ''])));
  const [touched, setTouched] = createStore<Record<string, boolean>>({});
  // One memo per input: a keystroke re-reads only the field typed in, and only that field's
  // message and converted values update (BENCHMARKS.md, keystroke → result).
  const field: Record<string, Accessor<FieldResult>> = Object.fromEntries(calc.inputs.map((i) => [i.id, createMemo(() => read(i, texts[i.id], units[i.id]))]));
  const fields = createMemo(() => Object.fromEntries(calc.inputs.map((i) => [i.id, field[i.id]()])) as Record<string, FieldResult>);
  const missing = createMemo(() => calc.inputs.filter((i) => !usable(fields()[i.id])).map((i) => i.label));
  const skipped = createMemo(() => calc.inputs.filter((i) => fields()[i.id].status === 'skipped').map((i) => i.label));
  const values = createMemo(() =>
    Object.fromEntries(
      calc.inputs.map((i) => {
        const f = fields()[i.id];
        return [i.id, 'value' in f ? f.value : NaN];
      }),
    ),
  );
  const warnings = createMemo(() =>
    calc.inputs.flatMap((i) => {
      const f = fields()[i.id];
      return f.status === 'ok' && f.warning ? [`${i.label}: ${f.warning}`] : [];
    }),
  );
  const scored = createMemo(() => scoredCriteria(calc.inputs, texts));
  /** Moves a unit the field offers from its text to its menu ("1.2 mg/dL" → "1.2", mg/dL); false if there is none. */
  const absorbUnit = (input: NumberInput, text: string): boolean => {
    const typed = offeredUnitIn(input, text);
    if (!typed) return false;
    setUnits(input.id, typed.unit);
    setTexts(input.id, typed.number.trim());
    return true;
  };

  return {
    texts,
    units,
    touched,
    field: (id) => field[id](),
    fields,
    missing,
    skipped,
    values,
    warnings,
    scored,
    converted(i) {
      const f = field[i.id]();
      if (i.type !== 'number' || f.status !== 'ok') return undefined;
      const typedIn = f.unitIndex ? i.units[f.unitIndex - 1] : i.unit;
      const others = [i.unit, ...i.units].filter((u) => u !== typedIn);
      return others.length ? `= ${others.map((u) => `${fmt(convert(f.value, i.unit, u, i.analyte))} ${displayUnit(u)}`).join(' = ')}` : undefined;
    },
    changed: () => calc.inputs.some((i) => texts[i.id] !== initial[i.id]),
    snapshot: () => ({ texts: { ...texts }, units: { ...units } }),
    setText(input, text) {
      // "1.2 mg/dL" typed or pasted: the number goes in the field and the unit in its menu (once the
      // unit is complete: "1.2 mmol" could still become "1.2 mmol/L").
      if (input.type === 'number' && !unitMayGrow(input, text) && absorbUnit(input, text)) return;
      setTexts(input.id, text);
      if (input.type !== 'number' && input.type !== 'date') setTouched(input.id, true);
    },
    setUnit(input, unit) {
      if (input.type !== 'number') return;
      const typed = offeredUnitIn(input, texts[input.id]);
      if (typed) setTexts(input.id, typed.number.trim()); // "88 mg/dL" relabelled: the menu now says the unit
      setUnits(input.id, unit);
    },
    convertUnit(input, unit) {
      if (input.type !== 'number') return;
      const n = parseDecimal(texts[input.id]);
      if (n !== undefined && !conversionProblem(units[input.id], unit, input.analyte))
        setTexts(input.id, fmt(convert(n, units[input.id], unit, input.analyte)));
      setUnits(input.id, unit);
    },
    blur(id) {
      const input = calc.inputs.find((i) => i.id === id);
      if (input?.type === 'number') absorbUnit(input, texts[id]);
      setTouched(id, true);
    },
    restore(s, touch = false) {
      for (const [id, u] of Object.entries(s.units ?? {})) setUnits(id, u);
      for (const [id, t] of Object.entries(s.texts ?? {})) {
        setTexts(id, t);
        if (touch) setTouched(id, true);
      }
    },
    clear() {
      for (const i of calc.inputs) {
        setTexts(i.id, initialText(i));
        setTouched(i.id, false);
      }
    },
  };
}
