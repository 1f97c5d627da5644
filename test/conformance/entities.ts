/**
 * Helpers the conformance mappings share to turn MedCalc-Bench entities into what a calculator's
 * form accepts (test/conformance/mappings/*.ts).
 */

/** A [value, unit] entity as typed text, e.g. [1.2, "mg/dL"] -> "1.2 mg/dL" (the form reads the unit). */
export const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

/** A finding the benchmark states as true; missing or false counts as absent (its README's convention). */
export const yes = (v: unknown) => v === true;

// The benchmark gives a platelet count's "unit" as the denominator only (README): a count per µL or
// mm³; our platelet inputs take it per /uL (converted exactly to 10⁹/L).
const perMicrolitre: Record<string, string> = { µL: '/uL', uL: '/uL', 'mm^3': '/mm3' };

/** A platelet count entity as typed text, e.g. [250000, "µL"] -> "250000 /uL". */
export const platelets = (v: [number, string]) => {
  const u = perMicrolitre[v[1]];
  if (!u) throw new Error(`unknown platelet unit ${v[1]}`);
  return `${v[0]} ${u}`;
};
