/** A dose output's parts as the model computed them (`<id>.dose.<part>`), for the page and the note to format. */
import type { Calculator, Output } from '../schema';
import { DOSE_CAP, doseAdjustOutputName, doseOutputName, type DosePart } from '../schema/graph';

/** Everything shown about one dose; every number is one of the model's outputs. */
export interface DoseResult {
  /** The weight used, kg, and which weight the source doses on. */
  weight: number;
  basis: 'actual' | 'ideal' | 'adjusted' | 'lean';
  /** The body surface area used, m² (a dose per m²). */
  bsa?: number;
  /** Amount per kg (or per m², with `bsa`); undefined for a band with a fixed amount. */
  per?: number;
  /** The weight band the dose came from (a band table), as the source prints it. */
  band?: string;
  /** The amount before any cap. */
  uncapped: number;
  /** Which cap applied. */
  cap: 'none' | 'single' | 'daily';
  /** The largest single dose allowed here, when the dose has a maximum. */
  limit?: number;
  /** The daily maximum in force, the most doses in 24 hours, and the dose × that number. */
  dailyMax?: number;
  perDay?: number;
  daily?: number;
  /** The measurable step the dose was rounded to, when it was rounded. */
  round?: number;
  /** The volume to give at the chosen concentration, mL, rounded to `volumeStep`. */
  volume?: { mL: number; step: number; concentration: number; label?: string };
  route: string;
  interval: string;
  /** The adjustments that hold (renal function …), as the source words them. */
  adjustments: string[];
}

const CAPS = { [DOSE_CAP.none]: 'none', [DOSE_CAP.single]: 'single', [DOSE_CAP.daily]: 'daily' } as const;

/** The weight band of row `j` as printed, or built from its edges: "< 60 kg", "60 to < 70 kg", "≥ 90 kg". */
export function bandLabel(d: NonNullable<Output['dose']>, j: number): string {
  const bands = d.bands!;
  const b = bands[j];
  if (b.label) return b.label;
  const next = bands[j + 1];
  const lo = b.from !== undefined ? `${b.from}` : b.above !== undefined ? `> ${b.above}` : undefined;
  const hi = next ? (next.from !== undefined ? `< ${next.from}` : `≤ ${next.above}`) : undefined;
  if (lo === undefined) return `${hi} kg`;
  if (hi === undefined) return b.from !== undefined ? `≥ ${b.from} kg` : `${lo} kg`;
  return `${lo} to ${hi} kg`;
}

/** Reads dose output `o` of row `i` from the model's outputs; undefined for an output that is not a dose. */
export function readDose(calc: Calculator, o: Output, out: Record<string, Float64Array>, i = 0, feeds?: Record<string, Float64Array>): DoseResult | undefined {
  const d = o.dose;
  if (!d) return undefined;
  const part = (p: DosePart) => out[doseOutputName(o.id, p)]?.[i];
  const finite = (p: DosePart) => {
    const v = part(p);
    return v !== undefined && Number.isFinite(v) ? v : undefined;
  };
  const held = d.adjustments.filter((_, j) => out[doseAdjustOutputName(o.id, j)]?.[i] === 1);
  const bandIndex = finite('band');
  const concentration = finite('concentration');
  const volume = finite('volume');
  const concInput = d.volume ? calc.inputs.find((x) => x.id === d.volume!.concentration) : undefined;
  const concLabel =
    concInput?.type === 'choice' ? concInput.options.find((opt) => opt.value === (feeds?.[concInput.id]?.[i] ?? concentration))?.label : undefined;
  return {
    weight: part('weight'),
    basis: d.basis,
    ...(d.per_m2 !== undefined ? { bsa: part('bsa') } : {}),
    ...(finite('per') !== undefined ? { per: finite('per') } : {}),
    ...(bandIndex !== undefined ? { band: bandLabel(d, bandIndex) } : {}),
    uncapped: part('uncapped'),
    cap: CAPS[part('cap') as 0 | 1 | 2] ?? 'none',
    ...(finite('limit') !== undefined ? { limit: finite('limit') } : {}),
    ...(finite('daily_max') !== undefined ? { dailyMax: finite('daily_max') } : {}),
    ...(finite('per_day') !== undefined ? { perDay: finite('per_day'), daily: finite('daily') } : {}),
    ...(d.round !== undefined ? { round: d.round } : {}),
    ...(d.volume && volume !== undefined && concentration !== undefined
      ? { volume: { mL: volume, step: d.volume.round, concentration, ...(concLabel ? { label: concLabel } : {}) } }
      : {}),
    route: d.route,
    interval: held.find((a) => a.interval)?.interval ?? d.interval,
    adjustments: held.map((a) => a.text),
  };
}
