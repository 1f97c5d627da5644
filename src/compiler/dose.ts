/**
 * A dose output (`dose:`, src/schema/dose.ts) as checked expressions: named steps `<id>.dose.<part>`
 * (the weight used, the uncapped amount, the cap in force, which cap applied, the volume …), each a
 * graph output, and the dose to give. Every number the page shows about a dose is one of them.
 */
import type { Dose } from '../schema/dose';
import { doseAdjustOutputName, doseOutputName, type DosePart } from '../schema/graph';
import type { BinaryOp, Expr, ValueType } from './ast';

const num = (v: number): Expr => ({ k: 'num', v });
const ref = (name: string): Expr => ({ k: 'ref', name });
const bin = (op: BinaryOp, a: Expr, b: Expr): Expr => ({ k: 'bin', op, a, b });
const iff = (c: Expr, a: Expr, b: Expr): Expr => ({ k: 'if', c, a, b });
const min = (args: Expr[]): Expr => (args.length === 1 ? args[0] : { k: 'call', fn: 'min', args });
/** x to the nearest multiple of `step` (half away from zero, as `round`). */
const roundTo = (x: Expr, step: number): Expr => bin('*', { k: 'call', fn: 'round', args: [bin('/', x, num(step))] }, num(step));
// The multiple of `step` at or below x; the nudge keeps 1000 / 0.1 = 9999.999… from flooring to 9999.
const floorTo = (x: Expr, step: number): Expr => bin('*', { k: 'call', fn: 'floor', args: [bin('+', bin('/', x, num(step)), num(1e-9))] }, num(step));

/** Parses one formula field of the dose (or gives a number's constant); undefined after a reported problem. */
export type ParseField = (field: (string | number)[], text: string | number, type: ValueType) => Expr | undefined;

/** The checked dose: its named steps in order, the names that are graph outputs, the dose, and when it exists. */
export interface CheckedDose {
  where: { name: string; expr: Expr }[];
  exported: string[];
  expr: Expr;
  valid: Expr;
}

/** Builds the steps of dose output `id`; `parse` reads the formula fields in the output's scope. */
export function checkDose(id: string, d: Dose, parse: ParseField): CheckedDose | undefined {
  const where: CheckedDose['where'] = [];
  const exported: string[] = [];
  let ok = true;
  const field = (path: (string | number)[], text: string | number, type: ValueType = 'num') => {
    const e = parse(path, text, type);
    if (!e) ok = false;
    return e ?? num(NaN);
  };
  const step = (part: DosePart, expr: Expr): Expr => {
    const name = doseOutputName(id, part);
    where.push({ name, expr });
    exported.push(name);
    return ref(name);
  };

  const weight = step('weight', field(['weight'], d.weight));
  const size = d.per_m2 !== undefined ? step('bsa', field(['bsa'], d.bsa!)) : weight;
  let uncapped: Expr;
  if (d.bands) {
    // Later bands override earlier ones once their edge is reached (as tables do).
    let band = num(0);
    let per = num(d.bands[0].per_kg ?? NaN);
    d.bands.slice(1).forEach((b, j) => {
      const reached = b.from !== undefined ? bin('>=', weight, num(b.from)) : bin('>', weight, num(b.above!));
      band = iff(reached, num(j + 1), band);
      per = iff(reached, num(b.per_kg ?? NaN), per);
    });
    const bandRef = step('band', band);
    const perRef = step('per', per);
    let amount = d.bands[0].amount !== undefined ? num(d.bands[0].amount) : bin('*', perRef, weight);
    d.bands.slice(1).forEach((b, j) => {
      amount = iff(bin('==', bandRef, num(j + 1)), b.amount !== undefined ? num(b.amount) : bin('*', perRef, weight), amount);
    });
    uncapped = step('uncapped', amount);
  } else {
    const per = step('per', field([d.per_kg !== undefined ? 'per_kg' : 'per_m2'], (d.per_kg ?? d.per_m2)!));
    uncapped = step('uncapped', bin('*', per, size));
  }

  const perDay = d.per_day !== undefined ? step('per_day', field(['per_day'], d.per_day)) : undefined;
  const dailies = [
    ...(d.max_daily !== undefined ? [field(['max_daily'], d.max_daily)] : []),
    ...(d.max_daily_per_kg !== undefined ? [bin('*', field(['max_daily_per_kg'], d.max_daily_per_kg), weight)] : []),
  ];
  const dailyMax = dailies.length ? step('daily_max', min(dailies)) : undefined;
  const single = d.max !== undefined ? field(['max'], d.max) : undefined;
  const fromDaily = dailyMax && perDay ? bin('/', dailyMax, perDay) : undefined;
  const limits = [single, fromDaily].filter((x): x is Expr => x !== undefined);
  const limit = limits.length ? step('limit', min(limits)) : undefined;
  // Which cap applied: the maximum single dose when it is the lower (or equal) of the two.
  const which = single && fromDaily ? iff(bin('<=', single, fromDaily), num(1), num(2)) : num(single ? 1 : 2);
  // A product that lands on the cap but for the last bit (0.1 × 30 = 3.0000000000000004) is at the cap, not above it.
  step('cap', limit ? iff(bin('>', uncapped, bin('*', limit, num(1 + 1e-12))), which, num(0)) : num(0));

  let amount = limit ? min([uncapped, limit]) : uncapped;
  if (d.round !== undefined) amount = roundTo(amount, d.round);
  if (d.round !== undefined && limit) amount = min([amount, floorTo(limit, d.round)]);
  const amountName = `${id}.dose.amount`;
  where.push({ name: amountName, expr: amount });
  const dose = ref(amountName);

  if (perDay) step('daily', bin('*', dose, perDay));
  if (d.volume) {
    const conc = step('concentration', field(['volume', 'concentration'], d.volume.concentration));
    let volume = roundTo(bin('/', dose, conc), d.volume.round);
    if (limit) volume = min([volume, floorTo(bin('/', limit, conc), d.volume.round)]);
    step('volume', volume);
  }
  d.adjustments.forEach((a, j) => {
    const name = doseAdjustOutputName(id, j);
    where.push({ name, expr: { k: 'cast', to: 'num', a: field(['adjustments', j, 'when'], a.when, 'bool') } });
    exported.push(name);
  });
  if (!ok) return undefined;
  // No dose for a weight (or surface area) that is not positive, nor a dose that rounds to nothing.
  const positive = [bin('>', weight, num(0)), ...(d.per_m2 !== undefined ? [bin('>', size, num(0))] : []), bin('>', dose, num(0))];
  return { where, exported, expr: dose, valid: positive.reduce((a, b) => bin('and', a, b)) };
}
