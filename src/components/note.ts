/** "Copy to note": the plain text a clinician pastes into the record. Pure, so its exact text is tested. */
import type { Calculator } from '../schema';
import type { OutputResult } from '../runtime/calculate';
import type { FieldResult } from '../runtime/values';
import { displayUnit } from '../units/convert';
import { locators } from '../format/citation';

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

function outputLine(r: OutputResult): string {
  const u = r.unit ? displayUnit(r.unit) : '';
  const value = Number.isFinite(r.value) ? `${r.display}${u ? ` ${u}` : ''}` : 'not computed';
  return `${r.label}: ${value}${r.band ? ` (${r.band.label})` : ''}`;
}

/** The note text: title and version, inputs, outputs with interpretation, primary citation, date. */
export function noteText(calc: Calculator, entered: Record<string, EnteredValue>, results: OutputResult[], date: string): string {
  const primary = calc.references.find((r) => r.primary)!;
  const first = locators(primary)[0];
  const locator = first ? ` ${first.text}` : '';
  return [
    `${calc.title} (v${calc.version})`,
    ...calc.inputs.map((i) => inputLine(calc, i.id, entered[i.id])),
    ...results.map(outputLine),
    `Reference: ${primary.cite}.${locator}`,
    `Calculated ${date} with Bedside.`,
  ].join('\n');
}
