/**
 * The live calculator (a Solid island). The form works before the engine arrives; the engine
 * (onnxruntime-web and the model) starts loading as soon as the page's scripts run (prewarm.ts).
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { isServer } from 'solid-js/web';
import type { Calculator as Calc, Input } from '../schema';
import { fieldsToRow, interpret, rowsToFeeds, scoredTables, type OutputResult } from '../runtime/calculate';
import type { ModelRef } from '../runtime/session';
import { fmt, formatDate, parseDecimal, readDate, readNumber, readValue, todayDays, type FieldResult } from '../runtime/values';
import { convert, displayUnit, lookupUnit } from '../units/convert';
import Field from './Field';
import { forgetKept, loadKept, saveKept } from './kept-values';
import { noteText } from './note';
import { addRecent, getUnitSystem, setUnitSystem, type UnitSystem } from './prefs';
import Result from './Result';
import { decodeFragment, encodeFragment } from './share';
import Toolbar from './Toolbar';
import WhatIf from './WhatIf';

interface Props {
  calc: Calc;
  model: ModelRef;
}

type BrowserRuntime = typeof import('../runtime/browser');

function initialText(input: Input): string {
  if (input.type === 'yesno') return input.default ? '1' : '0';
  if (input.type === 'choice') return input.default !== undefined ? String(input.default) : '';
  if (input.type === 'date') return input.default === 'today' && !isServer ? formatDate(todayDays()) : '';
  return '';
}

function read(input: Input, text: string, unit: string): FieldResult {
  if (input.type === 'number') return readNumber(input, text, unit);
  if (input.type === 'date') return readDate(input, text);
  return readValue(input, text);
}

const usable = (f: FieldResult) => f.status === 'ok' || f.status === 'skipped';
const unitFor = (input: Input, system: UnitSystem) =>
  input.type === 'number' ? [input.unit, ...input.units].find((u) => lookupUnit(u)?.system === system) : undefined;

export default function Calculator(props: Props) {
  const initial: Record<string, string> = Object.fromEntries(props.calc.inputs.map((i) => [i.id, initialText(i)]));
  const [texts, setTexts] = createStore<Record<string, string>>({ ...initial });
  const [units, setUnits] = createStore<Record<string, string>>(Object.fromEntries(props.calc.inputs.map((i) => [i.id, i.type === 'number' ? i.unit : ''])));
  const [touched, setTouched] = createStore<Record<string, boolean>>({});
  const [system, setSystem] = createSignal<UnitSystem>();
  const [engine, setEngine] = createSignal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const [engineError, setEngineError] = createSignal<string>();
  const [results, setResults] = createSignal<OutputResult[]>();
  /** What the model's tables scored, e.g. "Creatinine (+3)". */
  const [tableScored, setTableScored] = createSignal<string[]>([]);
  let runtime: BrowserRuntime | undefined;
  let seq = 0;

  const numberInputs = () => props.calc.inputs.filter((i) => i.type === 'number');
  const hasSystems = () => numberInputs().some((i) => unitFor(i, 'us') && unitFor(i, 'si') && unitFor(i, 'us') !== unitFor(i, 'si'));
  // Without a saved preference, the toggle shows the system of the units on screen.
  const shownSystem = () => numberInputs().map((i) => lookupUnit(units[i.id])?.system).find(Boolean);
  // One memo per input: a keystroke re-reads only the field typed in, and only that field's
  // message and converted values update (BENCHMARKS.md, keystroke → result).
  const field: Record<string, () => FieldResult> = Object.fromEntries(props.calc.inputs.map((i) => [i.id, createMemo(() => read(i, texts[i.id], units[i.id]))]));
  const fields = createMemo(() => Object.fromEntries(props.calc.inputs.map((i) => [i.id, field[i.id]()])) as Record<string, FieldResult>);
  const missing = createMemo(() => props.calc.inputs.filter((i) => !usable(fields()[i.id])).map((i) => i.label));
  const skipped = createMemo(() => props.calc.inputs.filter((i) => fields()[i.id].status === 'skipped').map((i) => i.label));
  const values = createMemo(() => Object.fromEntries(props.calc.inputs.map((i) => [i.id, (fields()[i.id] as { value?: number }).value ?? NaN])));
  const warnings = createMemo(() => props.calc.inputs.flatMap((i) => {
    const f = fields()[i.id];
    return f.status === 'ok' && f.warning ? [`${i.label}: ${f.warning}`] : [];
  }));
  const primary = () => props.calc.outputs.find((o) => o.primary) ?? props.calc.outputs[0];
  // Which criteria scored: read off the declared points of the chosen answers (the total comes from the model).
  const scored = createMemo(() => props.calc.inputs.flatMap((i) => {
    const t = texts[i.id];
    if (i.type === 'yesno' && i.points && t === '1') return [`${i.label} (${i.points > 0 ? '+' : ''}${i.points})`];
    if (i.type === 'choice') {
      const o = i.options.find((x) => String(x.value) === t);
      if (o?.points) return [`${i.label}: ${o.label} (${o.points > 0 ? '+' : ''}${o.points})`];
    }
    return [];
  }));
  const converted = (i: Input) => {
    const f = field[i.id]();
    if (i.type !== 'number' || f.status !== 'ok') return undefined;
    const others = [i.unit, ...i.units].filter((u) => u !== units[i.id]);
    return others.length ? `= ${others.map((u) => `${fmt(convert(f.value, i.unit, u, i.analyte))} ${displayUnit(u)}`).join(' = ')}` : undefined;
  };

  const startEngine = () => {
    // Only from idle: after a failure, typing does not refetch the model; "Try again" does.
    if (engine() !== 'idle') return;
    setEngine('loading');
    import('../runtime/browser')
      .then(async (m) => {
        runtime = m;
        await m.runner.session(props.model);
        setEngine('ready');
      })
      .catch((e: unknown) => {
        setEngine('error');
        const known = runtime && e instanceof runtime.ModelError;
        setEngineError(known ? (e as Error).message : 'The calculation engine could not be loaded. Check your connection and try again; the form stays usable.');
      });
  };

  const restoreKept = () => {
    const kept = loadKept(props.model.id);
    if (!kept) return;
    for (const input of props.calc.inputs) {
      const t = kept.texts[input.id];
      const u = kept.units[input.id];
      if (input.type === 'number' && typeof u === 'string' && [input.unit, ...input.units].includes(u)) setUnits(input.id, u);
      if (typeof t === 'string' && t !== initialText(input)) {
        setTexts(input.id, t);
        setTouched(input.id, true);
      }
    }
    startEngine();
  };

  const applySystem = (s: UnitSystem) => {
    setSystem(s);
    for (const i of numberInputs()) {
      const u = unitFor(i, s);
      if (u && u !== units[i.id]) onUnit(i, u);
    }
  };

  onMount(() => {
    addRecent(props.model.id);
    const pref = getUnitSystem();
    if (pref) applySystem(pref);
    if (location.hash.length > 1) {
      const s = decodeFragment(props.calc, location.hash);
      for (const [id, t] of Object.entries(s.texts)) setTexts(id, t);
      for (const [id, u] of Object.entries(s.units)) setUnits(id, u);
      if (Object.keys(s.texts).length) startEngine();
    } else restoreKept();
    // Typed values survive a reload (e.g. to a new version) in sessionStorage only; see kept-values.ts.
    // Written a moment after typing stops (not on every keystroke) and at once when the page is
    // hidden or unloaded (reload, "Reload" to a new version, tab switch); forgotten at once on Clear.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (pending === undefined) return;
      clearTimeout(pending);
      pending = undefined;
      saveKept(props.model.id, { texts: { ...texts }, units: { ...units } });
    };
    const onHide = () => document.visibilityState === 'hidden' && flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    onCleanup(() => {
      flush();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
    });
    createEffect(() => {
      const changed = props.calc.inputs.some((i) => texts[i.id] !== initial[i.id]);
      for (const i of props.calc.inputs) void units[i.id]; // track units too
      clearTimeout(pending);
      if (changed) pending = setTimeout(flush, 300);
      else {
        pending = undefined;
        forgetKept(props.model.id);
      }
    });
    // The page's script has already started the engine (src/runtime/prewarm.ts): pick it up.
    startEngine();
  });

  createEffect(on([fields, engine], ([f, state]) => {
    const mine = ++seq;
    if (!Object.values(f).every(usable)) return setResults(undefined);
    if (state !== 'ready' || !runtime) return;
    // The unit each value was typed in goes to the model too: tables score it on that unit's column.
    const feeds = rowsToFeeds(props.calc, [fieldsToRow(props.calc, f)]);
    runtime.runner
      .run(props.model, feeds)
      .then((out) => {
        if (mine !== seq) return;
        setTableScored(scoredTables(props.calc, out));
        setResults(interpret(props.calc, out, 0, skipped()));
      })
      .catch(() => {
        if (mine !== seq) return;
        setEngine('error');
        setEngineError('The calculation failed. Check the inputs and try again.');
      });
  }));

  const onText = (input: Input, text: string) => {
    startEngine();
    setTexts(input.id, text);
    if (input.type !== 'number' && input.type !== 'date') setTouched(input.id, true);
  };

  // Switching unit converts what was typed, so the value keeps its meaning.
  function onUnit(input: Input, unit: string) {
    if (input.type !== 'number') return;
    const n = parseDecimal(texts[input.id]);
    if (n !== undefined) setTexts(input.id, fmt(convert(n, units[input.id], unit, input.analyte)));
    setUnits(input.id, unit);
  }

  const state = () => (engine() === 'error' ? 'error' : missing().length ? 'waiting' : engine() === 'ready' && results() ? 'ready' : 'loading');
  // The note and the share link are built when asked for (a click), not on every keystroke.
  const fragment = () => encodeFragment(props.calc, { texts, units });
  const canShare = () => props.calc.inputs.some((i) => texts[i.id]?.trim());
  const note = () => {
    const r = results();
    if (!r || state() !== 'ready') return undefined;
    const entered = Object.fromEntries(props.calc.inputs.map((i) => [i.id, { text: texts[i.id], unit: units[i.id], result: fields()[i.id] }]));
    return noteText(props.calc, entered, r, formatDate(todayDays()));
  };
  const run = (feeds: Record<string, Float64Array>) => runtime!.runner.run(props.model, feeds);

  return (
    <div class="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] items-start" data-engine={engine()}>
      <div>
        <form class="rounded-xl border border-slate-200 dark:border-slate-800 bg-white dark:bg-slate-900 p-4" onSubmit={(e) => e.preventDefault()} aria-label="Inputs" novalidate>
          <Show when={hasSystems()}>
            <fieldset class="flex items-center gap-2 text-sm mb-2 print:hidden">
              <legend class="sr-only">Units</legend>
              <span aria-hidden="true">Units:</span>
              <For each={[['us', 'US'], ['si', 'SI']] as const}>
                {([s, label]) => (
                  <label class="flex items-center gap-1 min-h-11 px-2 rounded-md cursor-pointer has-[:checked]:bg-teal-50 dark:has-[:checked]:bg-teal-950 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-teal-600">
                    <input type="radio" name="unit-system" value={s} class="accent-teal-700" aria-label={`${label} units`} checked={(system() ?? shownSystem()) === s} onChange={() => { setUnitSystem(s); applySystem(s); }} />
                    {label}
                  </label>
                )}
              </For>
            </fieldset>
          </Show>
          <For each={props.calc.inputs}>
            {(input) => (
              <Field
                input={input}
                tables={props.calc.tables.filter((t) => t.input === input.id)}
                text={texts[input.id]}
                unit={units[input.id]}
                result={field[input.id]()}
                touched={touched[input.id] ?? false}
                converted={converted(input)}
                onText={(t) => onText(input, t)}
                onUnit={(u) => onUnit(input, u)}
                onBlur={() => setTouched(input.id, true)}
              />
            )}
          </For>
          <button type="reset" class="mt-2 min-h-11 rounded-md border border-slate-300 dark:border-slate-600 px-3 print:hidden" onClick={(e) => {
            e.preventDefault();
            props.calc.inputs.forEach((i) => { setTexts(i.id, initialText(i)); setTouched(i.id, false); });
            if (location.hash) history.replaceState(null, '', location.pathname + location.search);
            forgetKept(props.model.id);
          }}>Clear</button>
        </form>
        <Show when={state() === 'ready'}>
          <WhatIf calc={props.calc} values={values()} units={units} output={primary()} run={run} />
        </Show>
      </div>
      <div class="md:sticky md:top-4">
        <Result
          state={state()}
          missing={missing()}
          results={results()}
          primaryId={primary().id}
          error={engineError()}
          warnings={warnings()}
          scored={[...scored(), ...tableScored()]}
          onRetry={() => { setEngine('idle'); startEngine(); }}
        />
        <Toolbar id={props.model.id} title={props.calc.title} canCopy={state() === 'ready'} note={note} canShare={canShare()} fragment={fragment} />
      </div>
    </div>
  );
}
