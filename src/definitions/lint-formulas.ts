/**
 * Lint of formulas and tables: what a reviewer must be able to check against the paper line by line.
 * No floating-point tricks (`x == x`, `x * 0 + …`), no ternary towers (a points table is a `tables:`
 * entry), every table used, and every published cut-off on a unit whose conversion is not exact
 * declared in each unit the page offers.
 */
import type { CheckedOutput, Expr } from '../compiler/ast';
import { checkOutputs } from '../compiler/check';
import { tableRows, type Calculator, type NumberInput } from '../schema';
import type { Problem } from '../schema/friendly';
import { doseOutputName } from '../schema/graph';
import { lookupUnit } from '../units';

/** Deepest ternary nesting a formula may have; deeper is a table. */
export const MAX_TERNARY_DEPTH = 2;

/**
 * Units whose conversion to the canonical unit is not exact, so a source's printed SI and
 * conventional cut-offs are not conversions of each other (creatinine 177 µmol/L vs 2.0 mg/dL,
 * PaO₂ 8 kPa vs 60 mmHg). Mass, length, time, temperature and count conversions are exact by definition.
 */
export function inexactUnits(input: NumberInput): string[] {
  const canonical = lookupUnit(input.unit);
  return input.units.filter((u) => {
    const d = lookupUnit(u)?.dimension;
    return d !== canonical?.dimension || d === 'pressure';
  });
}

const depth = (e: Expr): number => {
  switch (e.k) {
    case 'if':
      return 1 + Math.max(depth(e.c), depth(e.a), depth(e.b));
    case 'neg':
    case 'not':
    case 'cast':
      return depth(e.a);
    case 'bin':
      return Math.max(depth(e.a), depth(e.b));
    case 'call':
      return Math.max(0, ...e.args.map(depth));
    default:
      return 0;
  }
};

function* walk(e: Expr): Generator<Expr> {
  yield e;
  switch (e.k) {
    case 'if':
      yield* walk(e.c);
      yield* walk(e.a);
      yield* walk(e.b);
      break;
    case 'neg':
    case 'not':
    case 'cast':
      yield* walk(e.a);
      break;
    case 'bin':
      yield* walk(e.a);
      yield* walk(e.b);
      break;
    case 'call':
      for (const a of e.args) yield* walk(a);
      break;
  }
}

const strip = (e: Expr): Expr => (e.k === 'cast' ? strip(e.a) : e);
const refName = (e: Expr) => (strip(e).k === 'ref' ? (strip(e) as { name: string }).name : undefined);

/** Every expression of a checked output with the path of the field that holds it. */
function fields(o: CheckedOutput, k: number): { path: (string | number)[]; expr: Expr }[] {
  return [
    ...o.where.map((w) => ({ path: ['outputs', k, 'where', w.name], expr: w.expr })),
    { path: ['outputs', k, 'formula'], expr: o.expr },
    ...(o.valid ? [{ path: ['outputs', k, 'valid', 'when'], expr: o.valid }] : []),
    ...(o.warnings ?? []).map((expr, j) => ({ path: ['outputs', k, 'warnings', j, 'when'], expr })),
  ];
}

/** Every formula and table problem of a schema-valid definition whose formulas check. */
export function lintFormulas(calc: Calculator): Problem[] {
  const problems: Problem[] = [];
  const { outputs, problems: formulaProblems } = checkOutputs(calc);
  if (formulaProblems.length) return [];
  const inputs = new Map(calc.inputs.map((i) => [i.id, i]));
  const used = new Set<string>();
  // Names whose value carries a number input offered in a unit whose conversion is not exact.
  const carries = new Map<string, string>();
  for (const i of calc.inputs) if (i.type === 'number' && inexactUnits(i).length) carries.set(i.id, i.id);

  outputs.forEach((o) => {
    const k = calc.outputs.findIndex((d) => d.id === o.id);
    const def = calc.outputs[k];
    if (def.points === 'all') calc.tables.forEach((t) => used.add(t.id));
    else if (Array.isArray(def.points)) def.points.forEach((p) => used.add(p));
    // A dose's weight-band table is data compiled to a chain of conditionals, not one written by hand.
    const bandChains = def.dose?.bands ? (['band', 'per', 'uncapped'] as const).map((p) => doseOutputName(o.id, p)) : [];
    for (const { path, expr } of fields(o, k)) {
      const d = depth(expr);
      if (d > MAX_TERNARY_DEPTH && !bandChains.includes(String(path[3])))
        problems.push({
          path,
          check: 'ternary-depth',
          message: `nests ${d} conditionals (at most ${MAX_TERNARY_DEPTH})`,
          hint: 'write a points-by-range table as a `tables:` entry with its rows as the paper prints them (see CONTRIBUTING.md, "Tables")',
        });
      for (const e of walk(expr)) {
        if (e.k === 'table') used.add(e.id);
        if (e.k !== 'bin') continue;
        const [a, b] = [strip(e.a), strip(e.b)];
        if ((e.op === '==' || e.op === '!=') && refName(a) !== undefined && refName(a) === refName(b))
          problems.push({
            path,
            check: 'nan-trick',
            message: `compares ${refName(a)} with itself (a NaN test)`,
            hint: `write given(${refName(a)}) to ask whether an optional input was entered`,
          });
        if (e.op === '*' && ((a.k === 'num' && a.v === 0) || (b.k === 'num' && b.v === 0)))
          problems.push({
            path,
            check: 'nan-trick',
            message: 'multiplies by 0 (a trick to carry a NaN from an empty input)',
            hint: 'tables give NaN for an empty optional input by themselves; use given(x) ? … : … where the formula must choose',
          });
        if (['<', '<=', '>', '>='].includes(e.op) && (a.k === 'num' || b.k === 'num')) {
          const name = refName(a.k === 'num' ? b : a);
          const origin = name ? carries.get(name) : undefined;
          const input = origin ? (inputs.get(origin) as NumberInput) : undefined;
          if (input)
            problems.push({
              path,
              check: 'si-cutoff',
              severity: 'warning',
              message: `compares ${name === origin ? origin : `${name} (from ${origin})`} with a constant in ${input.unit}, but ${origin} is also offered in ${inexactUnits(input).join(', ')}: a value typed at the source's ${inexactUnits(input).join('/')} cut-off converts to a number a little off the ${input.unit} one`,
              hint: `if this is a published cut-off, declare it as a table with the value the source prints in each unit, e.g. tables: [{ id: …, input: ${origin}, above: { ${input.unit}: …, ${inexactUnits(input)[0]}: … }, printed: [...] }]`,
            });
        }
      }
      // A where-name that rescales one such input carries its unit on (the P/F ratio from PaO₂ in kPa);
      // one that combines several of them, or takes a logarithm or rounds (a score like MELD), is a
      // number of its own whose cut-offs are not the input's.
      const w = o.where.find((x) => x.expr === expr);
      if (w) {
        const nodes = [...walk(expr)];
        const from = [...new Set(nodes.map(refName).filter((n): n is string => !!n && carries.has(n)))];
        const reshaped = nodes.some((n) => n.k === 'call' && ['ln', 'log10', 'exp', 'sigmoid', 'round', 'floor', 'ceil'].includes(n.fn));
        if (from.length === 1 && !reshaped) carries.set(w.name, carries.get(from[0])!);
      }
    }
  });

  calc.tables.forEach((t, k) => {
    if (!used.has(t.id))
      problems.push({
        path: ['tables', k, 'id'],
        check: 'table-unused',
        message: `table ${t.id} is not used by any output`,
        hint: `use ${t.id} in a formula, list it in an output's points, or remove it`,
      });
    const input = inputs.get(t.input);
    if (input?.type !== 'number') return;
    const columns = Object.keys(tableRows(t));
    const missing = inexactUnits(input).filter((u) => !columns.includes(u));
    if (missing.length)
      problems.push({
        path: ['tables', k],
        check: 'si-cutoff',
        severity: 'warning',
        message: `${t.input} is offered in ${missing.join(', ')}, but the table has no ${missing.join('/')} column: a value typed in ${missing.join('/')} is converted and scored on the ${input.unit} column, so a value typed at the source's own cut-off may land on the wrong side`,
        hint: `add the ${missing.join('/')} column as the source prints it (or, where the source prints ${input.unit} only, converted with the conventional factor, stated in \`conversion\`)`,
      });
  });
  return problems;
}
