/**
 * On a narrow screen, the headline result pinned to the bottom of the viewport once it can be
 * computed (value, unit, band), linking to the full result: after the last tap the answer is on
 * screen, wherever the form was scrolled to (issue 16, item 3). Hidden while the full result is in
 * view, on wide screens (the result sits beside the form) and in print. Not a live region: the full
 * result announces itself.
 */
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { isServer } from 'solid-js/web';
import type { OutputResult } from '../runtime/calculate';
import { displayUnit } from '../units/convert';
import { TONE_CLASSES } from './tone';

interface Props {
  /** The headline output, once computed (undefined while waiting). */
  result?: OutputResult;
  /** The id of the full result's element, which the bar links to and watches. */
  target: string;
}

export default function ResultBar(props: Props) {
  const [targetVisible, setTargetVisible] = createSignal(false);
  onMount(() => {
    const el = document.getElementById(props.target);
    if (isServer || !el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(([e]) => setTargetVisible(e.isIntersecting), { threshold: 0.25 });
    io.observe(el);
    onCleanup(() => io.disconnect());
  });
  const shown = () => {
    const r = props.result;
    return r && !r.unavailable && !targetVisible() ? r : undefined;
  };
  return (
    <>
      {/* Room at the end of the page, so the bar never covers the last field or button. */}
      <Show when={props.result && !props.result.unavailable}>
        <div class="h-20 md:hidden print:hidden" aria-hidden="true" />
      </Show>
      <Show when={shown()}>
        {(r) => (
          <div
            class={`fixed inset-x-0 bottom-0 z-20 md:hidden print:hidden border-t shadow-lg px-4 py-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] ${
              r().band ? TONE_CLASSES[r().band!.tone] : 'bg-white text-slate-900 border-slate-300 dark:bg-slate-900 dark:text-slate-100 dark:border-slate-700'
            }`}
            data-testid="result-bar"
          >
            <a href={`#${props.target}`} class="flex items-center gap-3 min-h-11 no-underline">
              <span class="min-w-0 flex-1">
                <span class="block text-xs truncate">{r().label}</span>
                <span class="font-semibold tabular-nums text-xl">
                  <span data-bar-output={r().id}>{r().display}</span>
                  <Show when={r().unit && displayUnit(r().unit!)}>
                    <span class="text-sm font-normal ml-1">{displayUnit(r().unit!)}</span>
                  </Show>
                </span>
                <Show when={r().band && !r().category}>
                  <span class="block text-sm line-clamp-2" data-bar-band>
                    {r().band!.label}
                  </span>
                </Show>
              </span>
              <span class="shrink-0 text-sm font-medium underline">Full result</span>
            </a>
          </div>
        )}
      </Show>
    </>
  );
}
