/** The result panel: headline value, its band, next steps, the other outputs; announced politely. */
import { For, Index, Match, Show, Switch } from 'solid-js';
import type { OutputResult } from '../runtime/calculate';
import { displayUnit } from '../units/convert';
import { TONE_CLASSES } from './tone';
import { DOSE_DISCLAIMER, doseLines } from '../format/dose';

interface Props {
  state: 'waiting' | 'loading' | 'ready' | 'error';
  /** Labels of inputs still missing or invalid. */
  missing: string[];
  results?: OutputResult[];
  primaryId: string;
  error?: string;
  warnings: string[];
  /** Criteria that scored, for points-based scores. */
  scored: string[];
  onRetry: () => void;
}

export default function Result(props: Props) {
  const primary = () => props.results?.find((r) => r.id === props.primaryId);
  const others = () => props.results?.filter((r) => r.id !== props.primaryId) ?? [];
  return (
    <section aria-labelledby="result-heading" class="rounded-xl border border-slate-200 dark:border-slate-800 bg-white dark:bg-slate-900 p-4">
      <h2 id="result-heading" class="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400 mb-2">
        Result
      </h2>
      <div aria-live="polite" aria-atomic="true" data-testid="result" data-state={props.state}>
        <Switch>
          <Match when={props.state === 'error'}>
            <p class="text-red-700 dark:text-red-300" role="alert">
              {props.error}
            </p>
            <button type="button" class="mt-2 min-h-11 rounded-md border border-slate-300 px-3" onClick={() => props.onRetry()}>
              Try again
            </button>
          </Match>
          <Match when={props.missing.length > 0}>
            <p class="text-slate-600 dark:text-slate-400">Waiting for: {props.missing.join(', ')}.</p>
          </Match>
          <Match when={props.state === 'loading' || !props.results}>
            <p class="text-slate-600 dark:text-slate-400">Loading engine…</p>
          </Match>
          <Match when={primary()}>
            {(p) => (
              <div>
                <p class="text-slate-700 dark:text-slate-300">{p().label}</p>
                <p class={`${p().category ? 'text-2xl' : 'text-4xl tabular-nums'} font-semibold`}>
                  <span data-output={p().id}>{p().display}</span>
                  <Show when={p().unit}>
                    <span class="text-lg font-normal ml-2">{displayUnit(p().unit!)}</span>
                  </Show>
                </p>
                <Also result={p()} />
                <DoseLines result={p()} />
                <Warnings result={p()} />
                <Show when={p().unavailable}>
                  <p class="text-sm mt-1 text-slate-700 dark:text-slate-300" data-unavailable={p().id}>
                    {p().unavailable}
                  </p>
                </Show>
                <Band result={p()} />
                <Show when={props.scored.length}>
                  <div class="mt-3 text-sm">
                    <h3 class="font-semibold">Scored</h3>
                    <ul class="list-disc pl-5" data-testid="scored">
                      <For each={props.scored}>{(s) => <li>{s}</li>}</For>
                    </ul>
                  </div>
                </Show>
                <Show when={others().length}>
                  <dl class="mt-4 grid grid-cols-[1fr_auto] gap-x-4 gap-y-2">
                    {/* Index, not For: each result is a new object, and rows are updated in place, not rebuilt. */}
                    <Index each={others()}>
                      {(o) => (
                        <>
                          <dt class="text-slate-700 dark:text-slate-300">
                            {o().label}
                            <Show when={o().band && !o().category}>
                              <span class="block text-sm">{o().band!.label}</span>
                            </Show>
                            <Show when={o().unavailable}>
                              <span class="block text-sm" data-unavailable={o().id}>
                                {o().unavailable}
                              </span>
                            </Show>
                          </dt>
                          <dd class="font-semibold tabular-nums text-right">
                            <span data-output={o().id}>{o().display}</span>
                            <Show when={o().unit}>
                              {' '}
                              <span class="font-normal text-sm">{displayUnit(o().unit!)}</span>
                            </Show>
                            <Also result={o()} />
                            <DoseLines result={o()} />
                            <Warnings result={o()} />
                          </dd>
                        </>
                      )}
                    </Index>
                  </dl>
                </Show>
              </div>
            )}
          </Match>
        </Switch>
        <Show when={props.state === 'ready' && !props.missing.length && props.results?.some((r) => r.dose)}>
          <p class="mt-3 text-sm text-slate-700 dark:text-slate-300" data-testid="dose-disclaimer">
            {DOSE_DISCLAIMER}
          </p>
        </Show>
        <Show when={props.warnings.length && props.state !== 'error'}>
          <ul class="mt-3 text-sm text-amber-800 dark:text-amber-300 list-disc pl-5">
            <For each={props.warnings}>{(w) => <li>{w}</li>}</For>
          </ul>
        </Show>
      </div>
    </section>
  );
}

/** The result in the output's other units ("= 3.36 mmol/L"). */
function Also(props: { result: OutputResult }) {
  return (
    <Show when={props.result.also?.length}>
      <span class="block text-sm font-normal text-slate-700 dark:text-slate-300" data-also={props.result.id}>
        = {props.result.also!.map((a) => `${a.display} ${displayUnit(a.unit)}`).join(' = ')}
      </span>
    </Show>
  );
}

/** A dose's calculation (the cap shown as applied), volume, route and interval, under its value. */
function DoseLines(props: { result: OutputResult }) {
  return (
    <Show when={props.result.dose}>
      {(d) => (
        <ul class="mt-1 text-sm font-normal text-left text-slate-700 dark:text-slate-300" data-dose={props.result.id} data-cap={d().cap}>
          <For each={doseLines(d(), props.result.value, props.result.unit)}>{(line) => <li>{line}</li>}</For>
        </ul>
      )}
    </Show>
  );
}

/** The model's applicability warnings for this result, right under its value (not only in the notes). */
function Warnings(props: { result: OutputResult }) {
  return (
    <Show when={props.result.warnings?.length}>
      <ul class="mt-1 text-sm font-normal text-left text-amber-800 dark:text-amber-300" data-warnings={props.result.id}>
        <For each={props.result.warnings}>
          {(w) => (
            <li data-warning>
              <span aria-hidden="true">⚠ </span>
              <span class="font-semibold">Warning:</span> {w}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function Band(props: { result: OutputResult }) {
  return (
    <Show when={props.result.band}>
      {(b) => (
        <div class={`mt-3 rounded-lg border p-3 ${TONE_CLASSES[b().tone]}`} data-band={b().label}>
          {/* A categorical result already reads as its label: the band adds its tone, detail and next steps. */}
          <Show when={!props.result.category || (!b().detail && !b().next.length)}>
            <p class="font-semibold">{b().label}</p>
          </Show>
          <Show when={b().detail}>
            <p class="text-sm mt-1">{b().detail}</p>
          </Show>
          <Show when={b().next.length}>
            <h3 class="text-sm font-semibold mt-2">Next steps</h3>
            <ul class="text-sm list-disc pl-5">
              <For each={b().next}>{(n) => <li>{n}</li>}</For>
            </ul>
          </Show>
        </div>
      )}
    </Show>
  );
}
