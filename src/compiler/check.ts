import {
  isConditionalNode,
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  parse,
  type FunctionNode,
  type MathNode,
  type OperatorNode,
  type OperatorNodeFn,
  type OperatorNodeOp,
} from 'mathjs';
import { tableRows, type Calculator, type Input, type Output } from '../schema';
import { closest, type Problem } from '../schema/friendly';
import { checkDose } from './dose';
import { FUNCTIONS, isComparison, isLogical, type BinaryOp, type CheckedOutput, type Expr, type FunctionName, type ValueType } from './ast';

/** A formula mistake, reported at the field that holds the formula. */
export class FormulaError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const OPERATORS: Record<string, BinaryOp> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  mod: 'mod',
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
  and: 'and',
  or: 'or',
  xor: 'xor',
};

interface Scope {
  inputs: Map<string, Input>;
  /** Tables by id (visible to every formula). */
  tables: Map<string, Expr>;
  /** where-names defined so far, with their type. */
  names: Map<string, ValueType>;
  /** where-names defined later in the same output (for a clearer error). */
  later: Set<string>;
}

const typeOf = (e: Expr, scope: Scope): ValueType => {
  switch (e.k) {
    case 'num':
    case 'neg':
    case 'call':
    case 'points':
    case 'model':
    case 'table':
      return 'num';
    case 'not':
    case 'given':
      return 'bool';
    case 'cast':
      return e.to;
    case 'ref':
      return scope.names.get(e.name) ?? 'num';
    case 'bin':
      return isComparison(e.op) || isLogical(e.op) ? 'bool' : 'num';
    case 'if':
      return typeOf(e.a, scope);
  }
};

const as = (to: ValueType, e: Expr, scope: Scope): Expr => (typeOf(e, scope) === to ? e : { k: 'cast', to, a: e });

function optionValue(input: Input, label: string): number {
  if (input.type !== 'choice')
    throw new FormulaError(`"${label}" is text, but ${input.id} is a ${input.type} input; only choice inputs compare with an option label`);
  const hit = input.options.find((o) => o.label.toLowerCase() === label.toLowerCase());
  if (!hit) {
    const near = closest(
      label,
      input.options.map((o) => o.label),
    );
    throw new FormulaError(
      `"${label}" is not an option of ${input.id}. Expected one of: ${input.options.map((o) => `"${o.label}"`).join(', ')}`,
      near ? `write "${near}"` : undefined,
    );
  }
  return hit.value;
}

/** A constant's value: mathjs types ConstantNode as numeric, but parses text and booleans too, so it is checked, not trusted. */
const constantOf = (node: MathNode): unknown => (isConstantNode(node) ? node.value : undefined);

function toExpr(node: MathNode, scope: Scope): Expr {
  if (isParenthesisNode(node)) return toExpr(node.content, scope);
  if (isConstantNode(node)) {
    const value = constantOf(node);
    if (typeof value === 'number') return { k: 'num', v: value };
    if (typeof value === 'string') throw new FormulaError(`text "${value}" can only be compared with a choice input, e.g. sex == "${value}"`);
    if (typeof value === 'boolean') return { k: 'cast', to: 'bool', a: { k: 'num', v: value ? 1 : 0 } };
    throw new FormulaError(`constant ${String(value)} is not a number`);
  }
  if (isSymbolNode(node)) {
    const name = node.name;
    if (scope.inputs.has(name) || scope.names.has(name)) return { k: 'ref', name };
    const table = scope.tables.get(name);
    if (table) return table;
    if (name === 'pi') return { k: 'num', v: Math.PI };
    if (name === 'e') return { k: 'num', v: Math.E };
    if (scope.later.has(name)) throw new FormulaError(`"${name}" is used before it is defined`, `move where-name "${name}" above the expressions that use it`);
    const known = [...scope.inputs.keys(), ...scope.tables.keys(), ...scope.names.keys()];
    const near = closest(name, known);
    throw new FormulaError(
      `"${name}" is not an input, table or where-name. Expected one of: ${known.join(', ')}`,
      near ? `did you mean "${near}"?` : undefined,
    );
  }
  if (isConditionalNode(node))
    return {
      k: 'if',
      c: as('bool', toExpr(node.condition, scope), scope),
      a: as('num', toExpr(node.trueExpr, scope), scope),
      b: as('num', toExpr(node.falseExpr, scope), scope),
    };
  if (isOperatorNode(node)) return operator(node, scope);
  if (isFunctionNode(node)) return call(node, scope);
  throw new FormulaError(`${node.type.replace(/Node$/, '').toLowerCase()} syntax ("${node.toString()}") is not supported in formulas`);
}

function operator(n: OperatorNode<OperatorNodeOp, OperatorNodeFn>, scope: Scope): Expr {
  if (n.implicit) throw new FormulaError(`"${n.toString()}" multiplies by juxtaposition`, 'write the * explicitly');
  if (n.args.length === 1) {
    const a = toExpr(n.args[0], scope);
    if (n.fn === 'unaryMinus') return { k: 'neg', a: as('num', a, scope) };
    if (n.fn === 'unaryPlus') return as('num', a, scope);
    if (n.fn === 'not') return { k: 'not', a: as('bool', a, scope) };
    throw new FormulaError(`operator "${n.op}" is not supported. Use + - * / ^ < <= > >= == != and or not ?:`);
  }
  const op: BinaryOp | undefined = OPERATORS[n.fn];
  if (!op) throw new FormulaError(`operator "${n.op}" is not supported. Use + - * / ^ < <= > >= == != and or not ?:`);
  const [ln, rn] = n.args;
  // A choice compared with an option label: sex == "female".
  if ((op === '==' || op === '!=') && (isConstantNode(ln) || isConstantNode(rn))) {
    const [sym, lit] = isConstantNode(ln) ? [rn, constantOf(ln)] : [ln, constantOf(rn)];
    if (typeof lit === 'string') {
      const input = isSymbolNode(sym) ? scope.inputs.get(sym.name) : undefined;
      if (!input) throw new FormulaError(`"${lit}" is text; only a choice input can be compared with text (found ${sym.toString()})`);
      const v = optionValue(input, lit);
      const label = input.type === 'choice' ? input.options.find((o) => o.value === v)!.label : undefined;
      return { k: 'bin', op, a: { k: 'ref', name: input.id }, b: { k: 'num', v, label } };
    }
    if (isSymbolNode(sym) && typeof lit === 'number') {
      const input = scope.inputs.get(sym.name);
      if (input?.type === 'choice' && !input.options.some((o) => o.value === lit))
        throw new FormulaError(
          `${input.id} has no option with value ${lit}. Its options are ${input.options.map((o) => `${o.value} (${o.label})`).join(', ')}`,
        );
      if (input?.type === 'yesno' && lit !== 0 && lit !== 1) throw new FormulaError(`${input.id} is yes/no, so it is 0 or 1, never ${lit}`);
    }
  }
  const a = toExpr(ln, scope);
  const b = toExpr(rn, scope);
  if (op === '/' && b.k === 'num' && b.v === 0) throw new FormulaError(`division by zero in "${n.toString()}"`);
  const want: ValueType = isLogical(op) ? 'bool' : 'num';
  return { k: 'bin', op, a: as(want, a, scope), b: as(want, b, scope) };
}

function call(n: FunctionNode<MathNode>, scope: Scope): Expr {
  const name = isSymbolNode(n.fn) ? n.fn.name : n.fn.toString();
  if (name === 'points') {
    const arg = n.args[0];
    const input = n.args.length === 1 && isSymbolNode(arg) ? scope.inputs.get(arg.name) : undefined;
    if (!input) throw new FormulaError(`points() takes one input id, e.g. points(chf); found points(${n.args.map(String).join(', ')})`);
    return pointsOf(input);
  }
  if (name === 'given') {
    const arg = n.args[0];
    const input = n.args.length === 1 && isSymbolNode(arg) ? scope.inputs.get(arg.name) : undefined;
    if (!input) throw new FormulaError(`given() takes one input id, e.g. given(pao2); found given(${n.args.map(String).join(', ')})`);
    if (input.type !== 'number' || !input.optional)
      throw new FormulaError(
        `${input.id} is never empty (only an optional number input can be left empty), so given(${input.id}) is always true`,
        `remove given(${input.id}), or make ${input.id} optional: true`,
      );
    return { k: 'given', input: input.id };
  }
  if (name === 'if') throw new FormulaError('if(...) is not a function here', 'write condition ? a : b');
  if (!(name in FUNCTIONS)) {
    const near = closest(name, Object.keys(FUNCTIONS));
    throw new FormulaError(
      `function "${name}" is not available. Expected one of: ${Object.keys(FUNCTIONS).join(', ')}, points, given`,
      near ? `did you mean ${near}()?` : undefined,
    );
  }
  const fn = name as FunctionName;
  const [lo, hi] = FUNCTIONS[fn];
  if (n.args.length < lo || n.args.length > hi)
    throw new FormulaError(
      `${fn}() takes ${lo === hi ? lo : hi === Infinity ? `at least ${lo}` : `${lo} or ${hi}`} argument${hi === 1 ? '' : 's'}, found ${n.args.length}`,
    );
  const args = n.args.map((a) => as('num', toExpr(a, scope), scope));
  if (fn === 'round' && args[1] && args[1].k !== 'num') throw new FormulaError('round(x, decimals): decimals must be a constant number');
  if (fn === 'log' && args[1]) return { k: 'bin', op: '/', a: { k: 'call', fn: 'ln', args: [args[0]] }, b: { k: 'call', fn: 'ln', args: [args[1]] } };
  return { k: 'call', fn: fn === 'log' ? 'ln' : fn, args };
}

/** The points table of a choice or yes/no input. */
export function pointsOf(input: Input): Expr {
  if (input.type === 'yesno') {
    if (input.points === undefined) throw new FormulaError(`${input.id} declares no points`, `add "points: <n>" to input ${input.id}`);
    return {
      k: 'points',
      input: input.id,
      table: [
        { value: 0, points: 0 },
        { value: 1, points: input.points },
      ],
    };
  }
  if (input.type === 'choice') {
    const missing = input.options.filter((o) => o.points === undefined);
    if (missing.length)
      throw new FormulaError(
        `${input.id} has options without points: ${missing.map((o) => `"${o.label}"`).join(', ')}`,
        'give every option of a scored input its points',
      );
    return { k: 'points', input: input.id, table: input.options.map((o) => ({ value: o.value, points: o.points! })) };
  }
  throw new FormulaError(`${input.id} is a ${input.type} input; only choice and yes/no inputs carry points`);
}

/** Size limits of one formula (or where-step) text. */
export const FORMULA_MAX_LENGTH = 4000;
export const FORMULA_MAX_DEPTH = 32;

/** Parses one formula string into a checked expression. */
export function parseFormula(text: string, scope: Scope): Expr {
  // Before mathjs sees it: a 20,000-term formula overflowed the stack (issue 15). Longest real one: ~530.
  const hint = 'split it into named steps under `where:`';
  if (text.length > FORMULA_MAX_LENGTH) throw new FormulaError(`is too long (${text.length} characters; at most ${FORMULA_MAX_LENGTH})`, hint);
  let depth = 0;
  for (let i = 0, d = 0; i < text.length; i++) depth = Math.max(depth, (d += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0));
  if (depth > FORMULA_MAX_DEPTH) throw new FormulaError(`is too deeply nested (${depth} levels of parentheses; at most ${FORMULA_MAX_DEPTH})`, hint);
  let node: MathNode;
  try {
    node = parse(text);
  } catch (e) {
    throw new FormulaError(`cannot parse "${text}": ${(e as Error).message}`);
  }
  return toExpr(node, scope);
}

/**
 * Checks every output of a definition; returns the checked outputs and every problem found.
 * Names are visible from where they are defined on: an output may use the inputs, its own and
 * earlier outputs' where-names, and earlier outputs' ids.
 */
export function checkOutputs(calc: Calculator): { outputs: CheckedOutput[]; tables: TableExpr[]; problems: Problem[] } {
  const inputs = new Map(calc.inputs.map((i) => [i.id, i]));
  const problems: Problem[] = [];
  const outputs: CheckedOutput[] = [];
  const later = new Set(calc.outputs.flatMap((o) => [...Object.keys(o.where), o.id]));
  const tables = checkTables(calc, problems);
  const scope: Scope = { inputs, tables: new Map(tables.map((t) => [t.id, t])), names: new Map(), later };
  calc.outputs.forEach((o: Output, k) => {
    const where: CheckedOutput['where'] = [];
    let ok = true;
    const attempt = <T>(path: (string | number)[], fn: () => T): T | undefined => {
      try {
        return fn();
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        ok = false;
        problems.push({ path, message: e.message, hint: e.hint });
        return undefined;
      }
    };
    for (const [name, text] of Object.entries(o.where)) {
      later.delete(name);
      const expr = attempt(['outputs', k, 'where', name], () => parseFormula(text, scope));
      if (expr) where.push({ name, expr });
      scope.names.set(name, expr ? typeOf(expr, scope) : 'num');
    }
    // A dose is named steps (`<id>.dose.<part>`, graph outputs) and the dose to give (src/compiler/dose.ts).
    const dose = o.dose
      ? checkDose(o.id, o.dose, (path, text, type) =>
          attempt(['outputs', k, 'dose', ...path], () =>
            typeof text === 'number' ? ({ k: 'num', v: text } as Expr) : as(type, parseFormula(text, scope), scope),
          ),
        )
      : undefined;
    for (const w of dose?.where ?? []) {
      where.push(w);
      scope.names.set(w.name, 'num');
    }
    const expr = dose
      ? dose.expr
      : o.dose
        ? undefined
        : attempt(['outputs', k, o.formula !== undefined ? 'formula' : 'points'], () =>
            o.formula !== undefined
              ? as('num', parseFormula(o.formula, scope), scope)
              : o.from_model
                ? ({ k: 'model', ...o.from_model } as Expr)
                : sumOfPoints(calc, o, scope.tables),
          );
    const declared = o.valid ? attempt(['outputs', k, 'valid', 'when'], () => as('bool', parseFormula(o.valid!.when, scope), scope)) : undefined;
    const valid: Expr | undefined = dose && declared ? { k: 'bin', op: 'and', a: declared, b: dose.valid } : (declared ?? dose?.valid);
    later.delete(o.id);
    scope.names.set(o.id, 'num');
    // A warning may read the output itself (e.g. a risk beyond the calibrated range), so after its id.
    const warnings = o.warnings.map((w, j) => attempt(['outputs', k, 'warnings', j, 'when'], () => as('bool', parseFormula(w.when, scope), scope)));
    const plausible = o.plausible ? { plausible: { min: o.plausible.min, max: o.plausible.max } } : {};
    if (ok && expr)
      outputs.push({
        id: o.id,
        where,
        expr,
        ...(valid ? { valid } : {}),
        ...plausible,
        ...(warnings.length ? { warnings: warnings as Expr[] } : {}),
        ...(dose ? { exported: dose.exported } : {}),
      });
  });
  return { outputs, tables, problems };
}

/** A table as a checked expression. */
export type TableExpr = Extract<Expr, { k: 'table' }>;

/**
 * The tables of a (schema-valid) definition as expressions: one column per declared unit, indexed
 * by the unit's position in the input's [unit, ...units], the canonical column first.
 */
export function checkTables(calc: Calculator, problems: Problem[] = []): TableExpr[] {
  const inputScope: Scope = { inputs: new Map(calc.inputs.map((i) => [i.id, i])), tables: new Map(), names: new Map(), later: new Set() };
  return calc.tables.flatMap((t, k) => {
    const input = calc.inputs.find((i) => i.id === t.input);
    if (input?.type !== 'number') return [];
    const offered = [input.unit, ...input.units];
    const columns = Object.entries(tableRows(t))
      .map(([unit, rows]) => ({
        unit: offered.indexOf(unit),
        edges: rows.slice(1).map((r) => ({ at: (r.from ?? r.above)!, incl: r.from !== undefined })),
        points: rows.map((r) => r.points),
      }))
      .filter((c) => c.unit >= 0)
      .sort((a, b) => a.unit - b.unit);
    let of: Expr | undefined;
    if (t.of !== undefined) {
      try {
        of = as('num', parseFormula(t.of, inputScope), inputScope);
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        problems.push({ path: ['tables', k, 'of'], message: e.message, hint: e.hint });
        return [];
      }
    }
    return [{ k: 'table' as const, id: t.id, input: t.input, columns, ...(of ? { of } : {}) }];
  });
}

function sumOfPoints(calc: Calculator, o: Output, tables: Map<string, Expr>): Expr {
  const scoredInput = (i: Input) => (i.type === 'yesno' && i.points !== undefined) || (i.type === 'choice' && i.options.some((op) => op.points !== undefined));
  if (o.points === 'all') {
    // A yes/no or choice without points beside scored ones is most often a forgotten `points:`.
    const unscored = calc.inputs.filter((i) => (i.type === 'yesno' || i.type === 'choice') && !scoredInput(i));
    if (unscored.length && calc.inputs.some(scoredInput))
      throw new FormulaError(
        `"points: all" sums the scored inputs, but ${unscored.map((i) => i.id).join(', ')} ${unscored.length === 1 ? 'has' : 'have'} no points`,
        `give ${unscored.length === 1 ? 'it' : 'them'} points, or list the scored inputs: points: [${calc.inputs
          .filter(scoredInput)
          .map((i) => i.id)
          .join(', ')}]`,
      );
  }
  const ids = o.points === 'all' ? [...calc.inputs.filter(scoredInput).map((i) => i.id), ...tables.keys()] : o.points!;
  if (ids.length === 0)
    throw new FormulaError(`"points: all" but no input or table declares points`, 'give choice options or yes/no inputs their points, or add tables');
  const terms = ids.map((id) => {
    const table = tables.get(id);
    if (table) return table;
    const input = calc.inputs.find((i) => i.id === id);
    if (!input) throw new FormulaError(`"${id}" is not an input or table. Expected one of: ${[...calc.inputs.map((i) => i.id), ...tables.keys()].join(', ')}`);
    return pointsOf(input);
  });
  return terms.length === 1 ? terms[0] : { k: 'call', fn: 'sum', args: terms };
}
