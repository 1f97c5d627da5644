/**
 * The current patient, on the calculator page: what the context holds (one panel), how long it is
 * kept, "Paste results" (a lab report read on the device) and "New patient". See
 * patient-context.ts for the rules; nothing here leaves the device.
 */
import { createSignal, For, Show } from 'solid-js';
import { ago, expiresAt } from '../context/patient';
import { MAX_PASTE_LENGTH, parseReport, type PasteResult } from '../paste/parse';
import { concept } from '../units/concepts';
import { displayUnit } from '../units/convert';
import type { PatientContextState } from './patient-context';

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const unitText = (u?: string) => (u ? ` ${displayUnit(u)}` : '');
const btn = 'min-h-11 rounded-md border border-slate-300 dark:border-slate-600 px-3 text-sm';

export default function PatientBar(props: { patient: PatientContextState }) {
  const [open, setOpen] = createSignal(false);
  const [pasting, setPasting] = createSignal(false);
  const [text, setText] = createSignal('');
  const [read, setRead] = createSignal<PasteResult | undefined>(undefined);
  const [used, setUsed] = createSignal(0);
  const entries = () => Object.entries(props.patient.context()?.entries ?? {});

  return (
    <section
      aria-label="Current patient"
      data-patient
      class="mb-3 rounded-xl border border-slate-200 dark:border-slate-800 bg-slate-50 dark:bg-slate-900/60 p-3 text-sm print:hidden"
    >
      <div class="flex flex-wrap items-center gap-2">
        <p class="grow" data-patient-summary>
          <Show when={props.patient.context()} fallback={<>No values carried between calculators yet.</>}>
            {(ctx) => (
              <>
                Current patient: {entries().length} value{entries().length === 1 ? '' : 's'}, kept in this tab until {time(expiresAt(ctx()))}.
              </>
            )}
          </Show>
        </p>
        <Show when={entries().length}>
          <button type="button" class={btn} aria-expanded={open()} onClick={() => setOpen(!open())}>
            {open() ? 'Hide values' : 'Show values'}
          </button>
        </Show>
        <button type="button" class={btn} aria-expanded={pasting()} onClick={() => setPasting(!pasting())}>
          Paste results
        </button>
        <Show when={entries().length}>
          <button
            type="button"
            class={btn}
            onClick={() => {
              props.patient.newPatient();
              setRead(undefined);
              setText('');
              setUsed(0);
            }}
          >
            New patient
          </button>
        </Show>
      </div>
      <Show when={open() && entries().length}>
        <ul class="mt-2 space-y-1" data-patient-values>
          <For each={entries()}>
            {([id, e]) => (
              <li>
                <span class="font-medium">{concept(id)?.label ?? id}</span>: {e.sex ? (e.sex === 'female' ? 'Female' : 'Male') : `${e.text}${unitText(e.unit)}`}{' '}
                <span class="text-slate-600 dark:text-slate-400">
                  — {e.source === 'paste' ? `pasted (“${e.line ?? ''}”)` : `from ${e.from.title}`}, {ago(e.at, Date.now())}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={pasting()}>
        <div class="mt-2" data-paste>
          <label class="block font-medium" for="paste-results">
            Paste lab results (read on this device only)
          </label>
          <textarea
            id="paste-results"
            class="mt-1 w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-950 p-2 font-mono text-xs"
            rows={5}
            maxLength={MAX_PASTE_LENGTH}
            value={text()}
            onInput={(ev) => setText(ev.currentTarget.value)}
          />
          <button type="button" class={`${btn} mt-1`} onClick={() => setRead(parseReport(text()))}>
            Read
          </button>
          <Show when={read()}>
            {(r) => (
              <div class="mt-2" aria-live="polite">
                <Show when={r().readings.length} fallback={<p>No value Bedside can use was found.</p>}>
                  <p class="font-medium">Read:</p>
                  <ul class="list-disc pl-5" data-paste-read>
                    <For each={r().readings}>
                      {(x) => (
                        <li>
                          {x.label}: {x.value}
                          {unitText(x.unit)}
                          {x.unitInferred ? ' (no unit in the report: read from its size)' : ''}
                          {x.flag ? ` [${x.flag}]` : ''}
                          {x.date ? `, ${x.date}` : ''}{' '}
                          <span class="text-slate-600 dark:text-slate-400">
                            — line {x.line}: “{x.text}”
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                  <button
                    type="button"
                    class={`${btn} mt-1`}
                    onClick={() => {
                      props.patient.usePaste(r());
                      setUsed(r().readings.length);
                    }}
                  >
                    Use these values
                  </button>
                  <Show when={used()}>
                    <p role="status">
                      {used()} value{used() === 1 ? '' : 's'} added to the current patient; empty fields of this calculator were filled.
                    </p>
                  </Show>
                </Show>
                <Show when={r().unread.length}>
                  <p class="mt-2 font-medium">Not used (enter these by hand if you need them):</p>
                  <ul class="list-disc pl-5" data-paste-unread>
                    <For each={r().unread}>
                      {(u) => (
                        <li>
                          {u.line ? `Line ${u.line}: “${u.text}” — ` : ''}
                          {u.reason}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
            )}
          </Show>
        </div>
      </Show>
    </section>
  );
}
