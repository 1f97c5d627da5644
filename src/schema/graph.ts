/**
 * Names of the tensors of a compiled model, derived from a definition's ids: the contract between the
 * compiler, which writes them, and the runtime and exports, which read them.
 */

/** Output holding the interpretation band index of an output (-1: no band). */
export const bandOutputName = (outputId: string) => `${outputId}.band`;

/**
 * Output saying why an output with `valid` or `plausible` has no value: 0 it has one (or an input is
 * missing), 1 outside its validity (`valid.when` is false), 2 not plausible (outside `plausible`).
 */
export const statusOutputName = (outputId: string) => `${outputId}.status`;
export const STATUS = { ok: 0, invalid: 1, implausible: 2 } as const;

/** Output holding a where-term listed in "scored" (an output's `scored:`), e.g. PSI's age points. */
export const scoredOutputName = (whereName: string) => `${whereName}.scored`;

/** Output that is 1 where warning `n` (0-based) of an output holds, else 0 (`warnings[n].when`). */
export const warningOutputName = (outputId: string, n: number) => `${outputId}.warning.${n}`;

/** Input carrying the index of the unit a table-scored input was typed in (0: canonical). */
export const unitInputName = (inputId: string) => `${inputId}.unit`;
/** Input carrying the number exactly as typed in that unit (the canonical value when the unit is 0). */
export const typedInputName = (inputId: string) => `${inputId}.typed`;

/**
 * The parts of a dose output (`dose:`), each a graph output `<id>.dose.<part>`; the output `<id>` itself
 * is the dose to give (capped, rounded). Which exist depends on what the dose declares.
 */
export const DOSE_PARTS = [
  /** The weight used, kg. */
  'weight',
  /** The body surface area used, m² (a dose per m²). */
  'bsa',
  /** The amount per kg (or per m²) applied; NaN for a band with a fixed amount. */
  'per',
  /** Index of the weight band (a band table). */
  'band',
  /** The amount before any cap: per kg × weight, or the band's amount. */
  'uncapped',
  /** The largest single dose allowed here: the maximum single dose, or the daily maximum ÷ doses a day. */
  'limit',
  /** Which cap applied (DOSE_CAP). */
  'cap',
  /** The daily maximum in force: the lesser of the maximum per day and the maximum per kg per day × weight. */
  'daily_max',
  /** The most doses in 24 hours. */
  'per_day',
  /** The dose × the most doses in 24 hours. */
  'daily',
  /** The concentration chosen, per mL. */
  'concentration',
  /** The volume of the dose at that concentration, mL (rounded to what a syringe measures, never above a cap). */
  'volume',
] as const;
export type DosePart = (typeof DOSE_PARTS)[number];
export const doseOutputName = (outputId: string, part: DosePart) => `${outputId}.dose.${part}`;
/** Output that is 1 where adjustment `n` of a dose holds (`dose.adjustments[n].when`), else 0. */
export const doseAdjustOutputName = (outputId: string, n: number) => `${outputId}.dose.adjust.${n}`;
/** Values of `<id>.dose.cap`: not capped, capped at the maximum single dose, capped at the daily maximum ÷ doses a day. */
export const DOSE_CAP = { none: 0, single: 1, daily: 2 } as const;
