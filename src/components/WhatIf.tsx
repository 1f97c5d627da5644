/**
 * What-if curve: the headline result across one numeric input's typical range, the other inputs
 * held, computed in ONE batched model run. Accessible SVG with a text summary and a data table.
 */
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';
import type { Calculator, NumberInput, Output } from '../schema';
import { formatOutput } from '../runtime/calculate';
import { fmt } from '../runtime/values';
import { convert, displayUnit } from '../units/convert';

interface Props {
  calc: Calculator;
  /** Canonical values of every input (the current form). */
  values: Record<string, number>;
  /** Unit each number input is shown in. */
  units: Record<string, string>;
  output: Output;
  run: (feeds: Record<string, Float64Array>) => Promise<Record<string, Float64Array>>;
}

// Fine enough that a score's step sits within 0.5 % of the range from its cut-off; one batched run.
const POINTS = 201;
/** Every TABLE_EVERY-th point is a row of the table (9 rows). */
const TABLE_EVERY = 25;
const W = 320;
const H = 170;
const PAD = { l: 44, r: 10, t: 10, b: 30 };

/**
 * The SVG path of a curve. A score (every value a whole number: points, or a rounded score such as
 * MELD) is a step function, drawn as steps with each jump halfway between the two samples it falls
 * between; anything else as straight segments between samples (issue 16, item 8).
 */
export function curvePath(pts: readonly (readonly [number, number])[], sx: (x: number) => number, sy: (y: number) => number): string {
  const at = (x: number, y: number) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
  if (!pts.every(([, y]) => Number.isInteger(y))) return pts.map(([x, y], k) => `${k ? 'L' : 'M'}${at(x, y)}`).join(' ');
  const parts = [`M${at(pts[0][0], pts[0][1])}`];
  for (let k = 1; k < pts.length; k++) {
    const [[x0, y0], [x1, y1]] = [pts[k - 1], pts[k]];
    if (y1 !== y0) parts.push(`L${at((x0 + x1) / 2, y0)}`, `L${at((x0 + x1) / 2, y1)}`);
  }
  const [xl, yl] = pts[pts.length - 1];
  parts.push(`L${at(xl, yl)}`);
  return parts.join(' ');
}

export default function WhatIf(props: Props) {
  const numbers = () => props.calc.inputs.filter((i): i is NumberInput => i.type === 'number');
  const [axis, setAxis] = createSignal(numbers()[0]?.id);
  const [curve, setCurve] = createSignal<{ xs: number[]; ys: number[] }>();
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  // The curve follows typing with a short delay, so a keystroke only pays for the headline result.
  createEffect(
    on([axis, () => props.values], ([id, values]) => {
      clearTimeout(timer);
      timer = setTimeout(() => draw(id, values), 150);
    }),
  );

  function draw(id: string | undefined, values: Record<string, number>) {
    const input = numbers().find((i) => i.id === id);
    if (!input) return;
    const [lo, hi] = input.typical;
    const xs = Array.from({ length: POINTS }, (_, k) => lo + ((hi - lo) * k) / (POINTS - 1));
    const feeds = Object.fromEntries(props.calc.inputs.map((i) => [i.id, i.id === id ? Float64Array.from(xs) : new Float64Array(POINTS).fill(values[i.id])]));
    const mine = ++seq;
    props
      .run(feeds)
      .then((out) => {
        if (mine === seq) setCurve({ xs, ys: Array.from(out[props.output.id]) });
      })
      .catch(() => mine === seq && setCurve(undefined));
  }

  const input = () => numbers().find((i) => i.id === axis())!;
  const shownX = (x: number) => convert(x, input().unit, props.units[input().id] ?? input().unit, input().analyte);
  const geometry = createMemo(() => {
    const c = curve();
    if (!c) return undefined;
    const pts = c.xs.map((x, k) => [x, c.ys[k]] as const).filter(([, y]) => Number.isFinite(y));
    if (pts.length < 2) return undefined;
    const ys = pts.map(([, y]) => y);
    let [ymin, ymax] = [Math.min(...ys), Math.max(...ys)];
    if (ymin === ymax) [ymin, ymax] = [ymin - 1, ymax + 1];
    const [xmin, xmax] = [c.xs[0], c.xs[c.xs.length - 1]];
    const sx = (x: number) => PAD.l + ((x - xmin) / (xmax - xmin)) * (W - PAD.l - PAD.r);
    const sy = (y: number) => H - PAD.b - ((y - ymin) / (ymax - ymin)) * (H - PAD.t - PAD.b);
    return {
      path: curvePath(pts, sx, sy),
      ymin,
      ymax,
      xmin,
      xmax,
      sx,
      sy,
      pts,
    };
  });
  // The marker of the current value moves with typing; the path only when the curve is redrawn.
  const marker = () => {
    const g = geometry();
    const cur = props.values[axis()!];
    return g && cur >= g.xmin && cur <= g.xmax ? { x: g.sx(cur) } : undefined;
  };
  const yText = (y: number) => formatOutput(props.output, y);
  const xUnit = () => displayUnit(props.units[input().id] ?? input().unit);
  const summary = () => {
    const g = geometry();
    if (!g) return '';
    const first = g.pts[0];
    const last = g.pts[g.pts.length - 1];
    return `${props.output.label} goes from ${yText(first[1])} at ${input().label.toLowerCase()} ${fmt(shownX(first[0]))} ${xUnit()} to ${yText(last[1])} at ${fmt(shownX(last[0]))} ${xUnit()}, other inputs held.`;
  };

  return (
    <Show when={numbers().length > 0 && props.output.format === 'number'}>
      <section aria-labelledby="whatif-h" class="rounded-xl border border-slate-200 dark:border-slate-800 bg-white dark:bg-slate-900 p-4 print:hidden">
        <h2 id="whatif-h" class="font-semibold">
          What if?
        </h2>
        {/* The select takes the card's width at most: at 320 px a long input label must not overflow it. */}
        <label class="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm mt-2">
          <span>{props.output.label} across</span>
          <select
            class="min-w-0 max-w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 min-h-11"
            value={axis()}
            onChange={(e) => setAxis(e.currentTarget.value)}
          >
            <For each={numbers()}>{(i) => <option value={i.id}>{i.label}</option>}</For>
          </select>
        </label>
        <Show when={geometry()} fallback={<p class="text-sm text-slate-600 dark:text-slate-400 mt-2">No curve for these values.</p>}>
          {(g) => (
            <>
              <svg
                viewBox={`0 0 ${W} ${H}`}
                class="w-full max-w-lg mt-2 text-teal-700 dark:text-teal-300"
                role="img"
                aria-label={summary()}
                data-testid="whatif"
              >
                <line x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} class="stroke-slate-400" />
                <line x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={H - PAD.b} class="stroke-slate-400" />
                <text x={PAD.l - 4} y={PAD.t + 8} text-anchor="end" class="fill-current text-[10px]">
                  {yText(g().ymax)}
                </text>
                <text x={PAD.l - 4} y={H - PAD.b} text-anchor="end" class="fill-current text-[10px]">
                  {yText(g().ymin)}
                </text>
                <text x={PAD.l} y={H - 12} class="fill-current text-[10px]">
                  {fmt(shownX(g().xmin))}
                </text>
                <text x={W - PAD.r} y={H - 12} text-anchor="end" class="fill-current text-[10px]">
                  {fmt(shownX(g().xmax))}
                </text>
                <text x={(W + PAD.l) / 2} y={H - 2} text-anchor="middle" class="fill-current text-[10px]">
                  {input().label} ({xUnit()})
                </text>
                <path d={g().path} fill="none" stroke="currentColor" stroke-width="2" />
                <Show when={marker()}>{(c) => <line x1={c().x} x2={c().x} y1={PAD.t} y2={H - PAD.b} class="stroke-amber-500" stroke-dasharray="3 3" />}</Show>
              </svg>
              <details class="text-sm mt-1">
                <summary class="cursor-pointer min-h-11 py-2">Values as a table</summary>
                <table class="tabular-nums">
                  <thead>
                    <tr>
                      <th scope="col" class="text-left pr-4">
                        {input().label} ({xUnit()})
                      </th>
                      <th scope="col" class="text-left">
                        {props.output.label}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={g().pts.filter((_, k) => k % TABLE_EVERY === 0)}>
                      {([x, y]) => (
                        <tr>
                          <td class="pr-4">{fmt(shownX(x))}</td>
                          <td>{yText(y)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </details>
            </>
          )}
        </Show>
      </section>
    </Show>
  );
}
