/**
 * Rounding shared by the compiled models (bands are matched on the rounded value), the AST
 * evaluator and the page's display, so the label always agrees with the number shown.
 * Half away from zero, as clinicians round; the tiny nudge keeps 2.675 -> 2.68 despite binary
 * floating point (2.675 * 100 = 267.49999999999997).
 */
export const ROUND_NUDGE = 1e-9;

/** log10 results this close to an integer are that integer (float error at exact powers of ten). */
export const LOG10_SNAP = 1e-12;

/** log10 as the compiled graph computes it: ln(x) * log10(e), snapped near integers. */
export function log10Snapped(x: number): number {
  const y = Math.log(x) * Math.LOG10E;
  const r = Math.floor(y + 0.5);
  return Math.abs(y - r) < LOG10_SNAP ? r : y;
}

/** Rounds half away from zero to `decimals` decimals. */
export function roundHalfAway(x: number, decimals = 0): number {
  const s = 10 ** decimals;
  const y = x * s;
  // Same association as the compiled graph: abs(y) + (0.5 + nudge).
  return (Math.sign(y) * Math.floor(Math.abs(y) + (0.5 + ROUND_NUDGE))) / s;
}
