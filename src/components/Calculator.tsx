/**
 * The live calculator (a Solid island). The form works before the engine arrives; the engine
 * (onnxruntime-web and the model) starts loading when the page is idle, or at the first keystroke.
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount } from 'solid-js';
import { createStore } from 'solid-js/store';
import { isServer } from 'solid-js/web';
import type { Calculator as Calc, Input } from '../schema';
import { interpret, type OutputResult } from '../runtime/calculate';
import type { ModelRef } from '../runtime/session';
import { fmt, parseDecimal, readValue, todayDays, formatDate, readNumber, readDate, type FieldResult } from '../runtime/values';
import { convert } from '../units/convert';
import Field from './Field';
import Result from './Result';

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

export default function Calculator(props: Props) {
  const [texts, setTexts] = createStore<Record<string, string>>(Object.fromEntries(props.calc.inputs.map((i) => [i.id, initialText(i)])));
  const [units, setUnits] = createStore<Record<string, string>>(Object.fromEntries(props.calc.inputs.map((i) => [i.id, i.type === 'number' ? i.unit : ''])));
  const [touched, setTouched] = createStore<Record<string, boolean>>({});
  const [engine, setEngine] = createSignal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const [engineError, setEngineError] = createSignal<string>();
  const [results, setResults] = createSignal<OutputResult[]>();
  let runtime: BrowserRuntime | undefined;
  let seq = 0;

  const fields = createMemo(() => Object.fromEntries(props.calc.inputs.map((i) => [i.id, read(i, texts[i.id], units[i.id])])) as Record<string, FieldResult>);
  const usable = (f: FieldResult) => f.status === 'ok' || f.status === 'skipped';
  const missing = createMemo(() => props.calc.inputs.filter((i) => !usable(fields()[i.id])).map((i) => i.label));
  const skipped = createMemo(() => props.calc.inputs.filter((i) => fields()[i.id].status === 'skipped').map((i) => i.label));
  const warnings = createMemo(() => props.calc.inputs.flatMap((i) => {
    const f = fields()[i.id];
    return f.status === 'ok' && f.warning ? [`${i.label}: ${f.warning}`] : [];
  }));
  const primaryId = () => (props.calc.outputs.find((o) => o.primary) ?? props.calc.outputs[0]).id;

  const startEngine = () => {
    if (engine() === 'loading' || engine() === 'ready') return;
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

  onMount(() => {
    const w = window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
    if (w.requestIdleCallback) {
      const h = w.requestIdleCallback(startEngine, { timeout: 1500 });
      onCleanup(() => w.cancelIdleCallback?.(h));
    } else {
      const t = setTimeout(startEngine, 200);
      onCleanup(() => clearTimeout(t));
    }
  });

  createEffect(on([fields, engine], ([f, state]) => {
    const mine = ++seq;
    if (!Object.values(f).every(usable)) return setResults(undefined);
    if (state !== 'ready' || !runtime) return;
    const feeds = Object.fromEntries(props.calc.inputs.map((i) => [i.id, Float64Array.of((f[i.id] as { value: number }).value)]));
    runtime.runner
      .run(props.model, feeds)
      .then((out) => mine === seq && setResults(interpret(props.calc, out)))
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
  const onUnit = (input: Input, unit: string) => {
    if (input.type !== 'number') return;
    const n = parseDecimal(texts[input.id]);
    if (n !== undefined) setTexts(input.id, fmt(convert(n, units[input.id], unit, input.analyte)));
    setUnits(input.id, unit);
  };

  const state = () => (engine() === 'error' ? 'error' : missing().length ? 'waiting' : engine() === 'ready' && results() ? 'ready' : 'loading');

  return (
    <div class="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] items-start" data-engine={engine()}>
      <form class="rounded-xl border border-slate-200 dark:border-slate-800 bg-white dark:bg-slate-900 p-4" onSubmit={(e) => e.preventDefault()} aria-label="Inputs" novalidate>
        <For each={props.calc.inputs}>
          {(input) => (
            <Field
              input={input}
              text={texts[input.id]}
              unit={units[input.id]}
              result={fields()[input.id]}
              touched={touched[input.id] ?? false}
              onText={(t) => onText(input, t)}
              onUnit={(u) => onUnit(input, u)}
              onBlur={() => setTouched(input.id, true)}
            />
          )}
        </For>
        <button type="reset" class="mt-2 min-h-11 rounded-md border border-slate-300 dark:border-slate-600 px-3" onClick={(e) => {
          e.preventDefault();
          props.calc.inputs.forEach((i) => setTexts(i.id, initialText(i)));
          setTouched({});
        }}>Clear</button>
      </form>
      <div class="md:sticky md:top-4">
        <Result
          state={state()}
          missing={missing()}
          results={results()}
          primaryId={primaryId()}
          error={engineError()}
          warnings={warnings()}
          skipped={skipped()}
          onRetry={() => { setEngine('idle'); startEngine(); }}
        />
      </div>
    </div>
  );
}
