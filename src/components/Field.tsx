/** One input of a calculator: number (with unit), choice, yes/no or date, with its message. */
import { For, Show, splitProps, type JSX } from 'solid-js';
import { rowLabels, tableRows, type Input, type Table } from '../schema';
import type { FieldResult } from '../runtime/values';
import { displayUnit } from '../units/convert';
import { signedPoints } from '../format/points';

interface Props {
  input: Input;
  /** Prefix of the element ids, where one page shows several forms (a collection: the calculator id). */
  idPrefix?: string;
  /** The tables that score this input: their rows are shown beside it, in the unit on screen. */
  tables?: Table[];
  text: string;
  unit: string;
  result: FieldResult;
  /** Show "empty" messages (after the user has touched the field). */
  touched: boolean;
  /** The value in the input's other units, e.g. "= 70.7 µmol/L". */
  converted?: string;
  onText: (text: string) => void;
  onUnit: (unit: string) => void;
  onBlur: () => void;
}

const box =
  'rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 min-h-11 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-teal-600';

export default function Field(props: Props) {
  const key = () => `${props.idPrefix ?? ''}${props.input.id}`;
  const id = () => `in-${key()}`;
  const msgId = () => `msg-${key()}`;
  const message = () => {
    const r = props.result;
    if (r.status === 'error') return { text: r.message, kind: 'error' as const };
    if (r.status === 'empty' && props.touched) return { text: r.message, kind: 'error' as const };
    if (r.status === 'ok' && r.warning) return { text: r.warning, kind: 'warn' as const };
    return undefined;
  };
  const described = () => [props.input.help ? `help-${key()}` : '', message() ? msgId() : ''].filter(Boolean).join(' ') || undefined;
  const invalid = () => message()?.kind === 'error';
  const suggested = () => {
    const r = props.result;
    return (r.status === 'error' || r.status === 'ok') && r.suggestUnit && r.suggestUnit !== props.unit ? r.suggestUnit : undefined;
  };

  return (
    <div class="py-2">
      <Show
        when={props.input.type === 'choice' || props.input.type === 'yesno'}
        fallback={
          <>
            <label for={id()} class="block font-medium mb-1">
              {props.input.label}
            </label>
            <div class="flex gap-2 items-stretch">
              <input
                id={id()}
                name={props.input.id}
                type={props.input.type === 'date' ? 'date' : 'text'}
                inputmode={props.input.type === 'number' ? 'decimal' : undefined}
                autocomplete="off"
                class={`${box} w-full min-w-0 max-w-48`}
                value={props.text}
                aria-invalid={invalid() ? 'true' : undefined}
                aria-describedby={described()}
                onInput={(e) => props.onText(e.currentTarget.value)}
                onBlur={() => props.onBlur()}
              />
              <UnitPicker input={props.input} unit={props.unit} onUnit={props.onUnit} />
            </div>
          </>
        }
      >
        <Options {...props} described={described()} />
      </Show>
      <Show when={props.converted}>
        <p class="text-sm text-slate-600 dark:text-slate-400 mt-1 tabular-nums" data-testid={`converted-${key()}`}>
          {props.converted}
        </p>
      </Show>
      <For each={props.tables ?? []}>{(t) => <Points table={t} input={props.input} unit={props.unit} />}</For>
      <Show when={props.input.help}>
        <p id={`help-${key()}`} class="text-sm text-slate-600 dark:text-slate-400 mt-1">
          {props.input.help}
        </p>
      </Show>
      <Show when={message()}>
        {(m) => (
          <p id={msgId()} class={`text-sm mt-1 font-medium ${m().kind === 'error' ? 'text-red-700 dark:text-red-300' : 'text-amber-800 dark:text-amber-300'}`}>
            {m().text}
          </p>
        )}
      </Show>
      <Show when={suggested()}>
        {(u) => (
          // "Did you mean µmol/L?" answered: the number typed is kept and read in that unit (relabel, never convert).
          <button
            type="button"
            class="mt-1 min-h-11 rounded-md border border-slate-300 dark:border-slate-600 px-3 text-sm print:hidden"
            onClick={() => props.onUnit(u())}
          >
            Read {props.text.trim()} as {displayUnit(u())}
          </button>
        )}
      </Show>
    </div>
  );
}

/**
 * A table's rows in the unit on screen, as the source prints them ("171–299 µmol/L: +2"); a unit
 * without its own column is scored on the canonical column, which is then what is shown.
 */
function Points(props: { table: Table; input: Input; unit: string }) {
  const column = () => {
    const cols = tableRows(props.table);
    const canonical = props.input.type === 'number' ? props.input.unit : props.unit;
    const unit = cols[props.unit] ? props.unit : canonical;
    const rows = cols[unit] ?? [];
    const labels = rowLabels(rows);
    return { unit, rows: rows.map((r, j) => ({ range: labels[j], points: r.points })) };
  };
  const criterion = () => !props.table.rows;
  return (
    <details class="mt-1 text-sm text-slate-700 dark:text-slate-300" data-table={props.table.id}>
      <summary class="cursor-pointer min-h-11 flex items-center">
        {criterion() ? 'Cut-off' : 'Points'}
        {props.table.label ? ` — ${props.table.label}` : ''} ({displayUnit(column().unit)})
      </summary>
      <ul class="pl-5 list-disc tabular-nums">
        <For each={column().rows}>
          {(r) => (
            <li>
              {r.range} {displayUnit(column().unit)}: {criterion() ? (r.points ? 'counts' : 'does not count') : signedPoints(r.points)}
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}

function UnitPicker(props: { input: Input; unit: string; onUnit: (u: string) => void }): JSX.Element {
  const units = () => (props.input.type === 'number' ? [props.input.unit, ...props.input.units] : []);
  return (
    <Show
      when={units().length > 1}
      fallback={
        <Show when={props.input.type === 'number' && displayUnit(props.unit)}>
          <span class="self-center text-slate-600 dark:text-slate-300">{displayUnit(props.unit)}</span>
        </Show>
      }
    >
      <select aria-label={`${props.input.label} unit`} class={box} value={props.unit} onChange={(e) => props.onUnit(e.currentTarget.value)}>
        <For each={units()}>
          {(u) => (
            <option value={u} selected={u === props.unit}>
              {displayUnit(u)}
            </option>
          )}
        </For>
      </select>
    </Show>
  );
}

function Options(allProps: Props & { described?: string }) {
  const [props] = splitProps(allProps, ['input', 'text', 'onText', 'described']);
  const options = () => {
    const i = props.input;
    if (i.type === 'choice') return i.options.map((o) => ({ value: String(o.value), label: o.label, points: o.points }));
    if (i.type === 'yesno')
      return [
        { value: '0', label: 'No', points: undefined },
        { value: '1', label: 'Yes', points: i.points },
      ];
    return [];
  };
  return (
    <fieldset aria-describedby={props.described}>
      <legend class="font-medium mb-1">{props.input.label}</legend>
      <div class={`flex flex-wrap gap-2 ${props.input.type === 'choice' && options().length > 3 ? 'flex-col' : ''}`}>
        <For each={options()}>
          {(o) => (
            <label class="flex items-center gap-2 min-h-11 rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 cursor-pointer has-[:checked]:border-teal-600 has-[:checked]:bg-teal-50 dark:has-[:checked]:bg-teal-950 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-teal-600">
              <input
                type="radio"
                class="accent-teal-700 size-4"
                name={props.input.id}
                value={o.value}
                aria-label={o.label}
                checked={props.text === o.value}
                onChange={() => props.onText(o.value)}
              />
              <span>{o.label}</span>
              <Show when={o.points !== undefined && (props.input.type === 'choice' || o.value === '1')}>
                <span class="ml-auto pl-2 text-sm text-slate-600 dark:text-slate-300 tabular-nums">{signedPoints(o.points!)}</span>
              </Show>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  );
}
