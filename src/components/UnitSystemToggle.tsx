/** The US / SI switch above the fields (shown only when some laboratory field has both). */
import { For, Show } from 'solid-js';
import type { UnitSystemSwitch } from './unit-system';

export default function UnitSystemToggle(props: { units: UnitSystemSwitch }) {
  return (
    <fieldset class="flex items-center gap-2 text-sm mb-2 print:hidden">
      <legend class="sr-only">Laboratory units</legend>
      <span aria-hidden="true">Lab units:</span>
      <For
        each={
          [
            ['us', 'US'],
            ['si', 'SI'],
          ] as const
        }
      >
        {([s, label]) => (
          <label class="flex items-center gap-1 min-h-11 px-2 rounded-md cursor-pointer has-[:checked]:bg-teal-50 dark:has-[:checked]:bg-teal-950 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-teal-600">
            <input
              type="radio"
              name="unit-system"
              value={s}
              class="accent-teal-700"
              aria-label={`${label} units`}
              checked={props.units.current() === s}
              onChange={() => props.units.choose(s)}
            />
            {label}
          </label>
        )}
      </For>
      <Show when={props.units.current() === 'mixed'}>
        <span class="text-slate-600 dark:text-slate-400" data-testid="unit-system-mixed">
          (mixed: some fields in US units, some in SI)
        </span>
      </Show>
    </fieldset>
  );
}
