/** "Copy to note": the plain text a clinician pastes into the record. Pure, so its exact text is tested. */
import type { Accessor } from 'solid-js';
import type { Calculator } from '../schema';
import type { OutputResult } from '../runtime/calculate';
import { formatDate, todayDays, type FieldResult } from '../runtime/values';
import type { Form } from './form-state';
import { displayUnit } from '../units/convert';
import { locators } from '../format/citation';
import { reviewStatus } from '../format/review';
import { DOSE_DISCLAIMER, doseLines } from '../format/dose';

/** What the user entered for one input, as shown in the note. */
export interface EnteredValue {
  /** The text typed or the option chosen (choice: option value; yes/no: 0/1). */
  text: string;
  /** Unit the number was typed in. */
  unit: string;
  result: FieldResult;
}

function inputLine(calc: Calculator, id: string, v: EnteredValue): string {
  const input = calc.inputs.find((i) => i.id === id)!;
  if (v.result.status === 'skipped') return `${input.label}: not given`;
  switch (input.type) {
    case 'number': {
      const u = displayUnit(v.unit);
      return `${input.label}: ${v.text.trim().replace(',', '.')}${u ? ` ${u}` : ''}`;
    }
    case 'choice':
      return `${input.label}: ${input.options.find((o) => String(o.value) === v.text)?.label ?? v.text}`;
    case 'yesno':
      return `${input.label}: ${v.text === '1' ? 'Yes' : 'No'}`;
    case 'date':
      return `${input.label}: ${v.text}`;
  }
}

/** The result's dose lines (the cap as applied) and applicability warnings, each on its own indented line under it. */
const warningLines = (r: OutputResult) =>
  [...(r.dose ? doseLines(r.dose, r.value, r.unit) : []), ...(r.warnings ?? []).map((w) => `Warning: ${w}`)].map((w) => `\n  ${w}`).join('');

function outputLine(r: OutputResult): string {
  if (r.display === '—') return `${r.label}: not computed${r.unavailable ? ` (${r.unavailable})` : ''}`;
  // A categorical result is its label: no code, no band repeated after it.
  if (r.category) return `${r.label}: ${r.display}${warningLines(r)}`;
  const u = r.unit ? displayUnit(r.unit) : '';
  const also = r.also?.length ? ` = ${r.also.map((a) => `${a.display} ${displayUnit(a.unit)}`).join(' = ')}` : '';
  return `${r.label}: ${r.display}${u ? ` ${u}` : ''}${also}${r.band ? ` (${r.band.label})` : ''}${warningLines(r)}`;
}

/** The note text: title and version, review status, inputs, outputs with interpretation, primary citation, date. */
export function noteText(calc: Calculator, entered: Record<string, EnteredValue>, results: OutputResult[], date: string): string {
  const primary = calc.references.find((r) => r.primary)!;
  const first = locators(primary)[0];
  const locator = first ? ` ${first.text}` : '';
  return [
    `${calc.title} (v${calc.version})`,
    `Review status: ${reviewStatus(calc)}.`,
    ...calc.inputs.map((i) => inputLine(calc, i.id, entered[i.id])),
    ...results.map(outputLine),
    ...(results.some((r) => r.dose) ? [DOSE_DISCLAIMER] : []),
    `Reference: ${primary.cite}.${locator}`,
    `Calculated ${date} with Bedside.`,
  ].join('\n');
}

/**
 * The note for the current form, built when asked for (a click on "Copy to note"), or undefined
 * while there is no result to note.
 */
export function createNote(calc: Calculator, form: Form, results: Accessor<OutputResult[] | undefined>, ready: Accessor<boolean>): () => string | undefined {
  return () => {
    const r = results();
    if (!r || !ready()) return undefined;
    const entered = Object.fromEntries(calc.inputs.map((i) => [i.id, { text: form.texts[i.id], unit: form.units[i.id], result: form.field(i.id) }]));
    return noteText(calc, entered, r, formatDate(todayDays()));
  };
}
