/** The form: the unit switch, one Field per input, and Clear. State lives in form-state.ts. */
import { For, Show } from 'solid-js';
import type { Calculator } from '../schema';
import Field from './Field';
import type { Form } from './form-state';
import type { Prefill } from '../context/prefill';
import { ago } from '../context/patient';
import { displayUnit } from '../units/convert';
import UnitSystemToggle from './UnitSystemToggle';
import type { UnitSystemSwitch } from './unit-system';

interface Props {
  calc: Calculator;
  form: Form;
  units: UnitSystemSwitch;
  /** Fields filled from the current patient and not changed since (patient-context.ts). */
  carried?: Record<string, Prefill>;
  /** Any typing or choosing (starts the engine). */
  onInput: () => void;
  onClear: () => void;
  /** The form's accessible name and its fields' id prefix, where a page shows several forms (a collection). */
  label?: string;
  idPrefix?: string;
}

/** "Carried over from CKD-EPI 2021, 3 min ago (entered as 106 µmol/L)": where a pre-filled value came from. */
function carriedText(p: Prefill): string {
  const e = p.entry;
  const where = e.source === 'paste' ? `pasted results (“${e.line ?? ''}”)` : e.from.title;
  const unit = e.unit ? ` ${displayUnit(e.unit)}` : '';
  return `Carried over from ${where}, ${ago(e.at, Date.now())}${p.converted ? ` (entered as ${e.text}${unit})` : ''}. Check it is this patient's.`;
}

export default function InputsForm(props: Props) {
  return (
    <form
      class="rounded-xl border border-slate-200 dark:border-slate-800 bg-white dark:bg-slate-900 p-4"
      onSubmit={(e) => e.preventDefault()}
      aria-label={props.label ?? 'Inputs'}
      novalidate
    >
      <Show when={props.units.available()}>
        <UnitSystemToggle units={props.units} />
      </Show>
      <For each={props.calc.inputs}>
        {(input) => (
          <>
            <Field
              input={input}
              idPrefix={props.idPrefix}
              tables={props.calc.tables.filter((t) => t.input === input.id)}
              text={props.form.texts[input.id]}
              unit={props.form.units[input.id]}
              result={props.form.field(input.id)}
              touched={props.form.touched[input.id] ?? false}
              converted={props.form.converted(input)}
              onText={(t) => {
                props.onInput();
                props.form.setText(input, t);
              }}
              onUnit={(u) => props.form.setUnit(input, u)}
              onBlur={() => props.form.blur(input.id)}
            />
            <Show when={props.carried?.[input.id]}>
              {(p) => (
                <p class="-mt-2 mb-3 text-xs text-sky-800 dark:text-sky-300" data-carried={input.id}>
                  {carriedText(p())}
                </p>
              )}
            </Show>
          </>
        )}
      </For>
      <button
        type="reset"
        class="mt-2 min-h-11 rounded-md border border-slate-300 dark:border-slate-600 px-3 print:hidden"
        onClick={(e) => {
          e.preventDefault();
          props.onClear();
        }}
      >
        Clear
      </button>
    </form>
  );
}
