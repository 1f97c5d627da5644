/**
 * The range of an interpretation band as a clinician reads it, from its edges and the output's
 * decimals. Bands are matched on the displayed value (min inclusive, max exclusive), so an internal
 * edge one display step past a published cut-off is that cut-off: `max: 7.6` at one decimal is
 * "≤ 7.5", `min: 391` at no decimals is "> 390", `max: 15` stays "< 15". Of the two equivalent forms
 * the one with the rounder number is printed (the one a source prints); a points score (no unit, no
 * decimals) is always printed inclusive ("0–3", "≥ 6"). An author's `range:` wins; a band whose
 * label opens with its range, and a categorical band (`value:`), get none: the label says it.
 */
import type { Band, Output } from '../schema';
import { displayUnit } from '../units/convert';

/** 0 for a last digit 0, 1 for 5, 2 otherwise, after trailing zeros are dropped at `d` decimals: lower is rounder. */
function roughness(v: number, d: number): number {
  const digits = v
    .toFixed(d)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  if (!digits.includes('.') && /0$/.test(digits)) return 0;
  // Fewer decimals is rounder than any last digit.
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const last = digits.at(-1);
  return decimals * 3 + (last === '0' ? 0 : last === '5' ? 1 : 2);
}

const show = (v: number, d: number) => Number(v.toFixed(d)).toString().replace('-', '−');

/** A label that opens with its range ("0–4 — appendicitis unlikely", "Below 15") already says it as the source does. */
const STATES_RANGE = /^([<>≤≥−-]\s*)?\d|^(below|above|under|over|up to)\b/i;

export function bandRange(band: Band, output: Pick<Output, 'decimals' | 'format' | 'unit'>): string | undefined {
  if (band.range) return band.range;
  if (STATES_RANGE.test(band.label)) return undefined;
  if (band.value !== undefined || output.format !== 'number' || (band.min === undefined && band.max === undefined)) return undefined;
  const d = output.decimals;
  const step = 10 ** -d;
  const inclusive = d === 0 && !output.unit;
  const lo =
    band.min === undefined
      ? undefined
      : !inclusive && roughness(band.min - step, d) < roughness(band.min, d)
        ? { op: '>', v: band.min - step }
        : { op: '≥', v: band.min };
  const hi =
    band.max === undefined
      ? undefined
      : inclusive || roughness(band.max - step, d) <= roughness(band.max, d)
        ? { op: '≤', v: band.max - step }
        : { op: '<', v: band.max };
  const unit = output.unit ? ` ${displayUnit(output.unit)}` : '';
  if (lo && hi) {
    // A dash between negative numbers reads as a minus: "−2 to −1", not "−2–−1".
    const dash = lo.v < 0 || hi.v < 0 ? ' to ' : '–';
    if (lo.op === '≥' && hi.op === '≤') return Math.abs(lo.v - hi.v) < step / 2 ? `${show(lo.v, d)}${unit}` : `${show(lo.v, d)}${dash}${show(hi.v, d)}${unit}`;
    return `${lo.op === '≥' ? show(lo.v, d) : `> ${show(lo.v, d)}`} to ${hi.op} ${show(hi.v, d)}${unit}`;
  }
  const one = (lo ?? hi)!;
  return `${one.op} ${show(one.v, d)}${unit}`;
}
