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
