/**
 * How a dose is written wherever a reader sees it (the result panel and the copied note): the
 * calculation with the cap shown as applied, the volume, the route and interval, the adjustments.
 * Every number comes from the model (src/runtime/dose.ts); this only formats them.
 */
import type { DoseResult } from '../runtime/dose';
import { roundHalfAway } from '../units/round';
import { displayUnit } from '../units/convert';

/** What every dose page and note says the result is not. */
export const DOSE_DISCLAIMER = 'Not a prescription: check the dose against your local formulary and the product label before giving it.';

const BASIS = { actual: 'actual body weight', ideal: 'ideal body weight', adjusted: 'adjusted body weight', lean: 'lean body weight' } as const;

/** A number as a reader writes it: at most `decimals` decimals, no trailing zeros ("975", "319.5", "0.25"). */
export const plain = (v: number, decimals = 2): string => String(roundHalfAway(v, decimals));

/** Decimals that show a multiple of `step` exactly (0.1 → 1, 0.05 → 2, 5 → 0). */
const stepDecimals = (step: number) => (String(step).split('.')[1] ?? '').length;

/** The volume as shown: to the decimals its measuring step needs ("40.6", "4.5"). */
export const volumeText = (v: NonNullable<DoseResult['volume']>) => roundHalfAway(v.mL, stepDecimals(v.step)).toFixed(stepDecimals(v.step));

/**
 * The lines under a dose: "15 mg/kg × 70 kg (actual body weight) = 1050 mg, capped at the maximum
 * single dose 1000 mg", "Volume: 41.6 mL of 120 mg/5 mL (24 mg/mL)", "Oral, every 4–6 hours …".
 * `value` is the dose to give (the model's output) and `unit` its unit.
 */
export function doseLines(d: DoseResult, value: number, unit = ''): string[] {
  const u = displayUnit(unit);
  const amount = (v: number) => `${plain(v)} ${u}`.trim();
  const perUnit = d.bsa !== undefined ? `${u}/m²` : `${u}/kg`;
  const weight = `${plain(d.weight)} kg (${BASIS[d.basis]})`;
  const product =
    d.per !== undefined ? `${plain(d.per, 3)} ${perUnit} × ${d.bsa !== undefined ? `${plain(d.bsa)} m²` : weight} = ${amount(d.uncapped)}` : undefined;
  let calc = d.band ? `Weight band ${d.band}: ${product ?? `${amount(d.uncapped)} for ${weight}`}` : (product ?? amount(d.uncapped));
  if (d.cap === 'single') calc += `, capped at the maximum single dose ${amount(d.limit!)}`;
  if (d.cap === 'daily') calc += `, capped at the daily maximum ${amount(d.dailyMax!)} ÷ ${plain(d.perDay!)} doses = ${amount(d.limit!)} a dose`;
  const before = d.cap === 'none' ? d.uncapped : d.limit!;
  // Rounded down by more than half a step: the nearest multiple would have gone above the cap in force.
  if (d.round !== undefined && plain(value) !== plain(before))
    calc +=
      before - value > d.round / 2 + 1e-9
        ? `; rounded down to ${amount(value)} (the nearest multiple of ${amount(d.round)} would exceed the maximum)`
        : `; rounded to ${amount(value)} (a multiple of ${amount(d.round)})`;
  const lines = [calc];
  if (d.volume) lines.push(`Volume: ${volumeText(d.volume)} mL${d.volume.label ? ` of ${d.volume.label}` : ` at ${plain(d.volume.concentration, 3)} ${u}/mL`}`);
  const route = d.route.charAt(0).toUpperCase() + d.route.slice(1);
  const perDay =
    d.perDay !== undefined
      ? `; at most ${plain(d.perDay)} dose${d.perDay === 1 ? '' : 's'} in 24 hours (${amount(d.daily!)} in 24 hours${d.dailyMax !== undefined ? `; daily maximum ${amount(d.dailyMax)}` : ''})`
      : '';
  lines.push(`${route}, ${d.interval}${perDay}`);
  for (const a of d.adjustments) lines.push(`Adjusted: ${a}`);
  return lines;
}
