/** The compiler's expression tree: small, typed, independent of the parser that produced it. */

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | 'mod' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or' | 'xor';

/** Functions a formula may call, with their arity ([min, max]; max Infinity for variadic). */
export const FUNCTIONS = {
  min: [1, Infinity],
  max: [1, Infinity],
  sum: [1, Infinity],
  abs: [1, 1],
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 2],
  ln: [1, 1],
  log10: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
  round: [1, 2],
  clamp: [3, 3],
  sigmoid: [1, 1],
} as const satisfies Record<string, readonly [number, number]>;
export type FunctionName = keyof typeof FUNCTIONS;

/** Value type of an expression: numbers are float64; booleans come from comparisons and logic. */
export type ValueType = 'num' | 'bool';

export type Expr =
  /** A number; `label` names the choice option it stands for (shown in the formula, not computed). */
  | { k: 'num'; v: number; label?: string }
  /** An input, or a `where` name defined earlier. */
  | { k: 'ref'; name: string }
  | { k: 'bin'; op: BinaryOp; a: Expr; b: Expr }
  | { k: 'neg'; a: Expr }
  | { k: 'not'; a: Expr }
  | { k: 'if'; c: Expr; a: Expr; b: Expr }
  | { k: 'call'; fn: FunctionName; args: Expr[] }
  /** The points of a choice or yes/no input, as declared on its options. */
  | { k: 'points'; input: string; table: { value: number; points: number }[] }
  /** A column of a contributed model's output tensor (wrapped graphs only; no JavaScript evaluation). */
  | { k: 'model'; tensor: string; column: number; scale: number }
  /** Boolean -> number (true = 1) or number -> boolean (non-zero = true). */
  | { k: 'cast'; to: ValueType; a: Expr }
  /** True when an optional input was given (the model receives NaN for an empty one). */
  | { k: 'given'; input: string }
  /** A points-by-range table over a number input (src/schema/table.ts), one column per declared unit. */
  | { k: 'table'; id: string; input: string; columns: TableColumn[]; of?: Expr };

/** `e` with every reference to `from` replaced by a reference to `to`. */
export function renameRef(e: Expr, from: string, to: string): Expr {
  const r = (x: Expr) => renameRef(x, from, to);
  switch (e.k) {
    case 'ref':
      return e.name === from ? { k: 'ref', name: to } : e;
    case 'bin':
      return { ...e, a: r(e.a), b: r(e.b) };
    case 'neg':
    case 'not':
    case 'cast':
      return { ...e, a: r(e.a) };
    case 'if':
      return { ...e, c: r(e.c), a: r(e.a), b: r(e.b) };
    case 'call':
      return { ...e, args: e.args.map(r) };
    default:
      return e;
  }
}

/**
 * One unit's column of a table. `unit` is the index of the unit in the input's [unit, ...units]
 * (0, the canonical unit, is always present and scores values typed in units without a column).
 * Row j > 0 holds values at or above (`incl`) / above its edge; row 0 everything below row 1.
 */
export interface TableColumn {
  unit: number;
  edges: { at: number; incl: boolean }[];
  points: number[];
}

/** The points of column `col` for value `v` (row 0 unless an edge is reached). */
export function columnPoints(col: TableColumn, v: number): number {
  let p = col.points[0];
  col.edges.forEach((e, j) => {
    if (e.incl ? v >= e.at : v > e.at) p = col.points[j + 1];
  });
  return p;
}

/** A checked output: named intermediates (in order) and the result expression. */
export interface CheckedOutput {
  id: string;
  where: { name: string; expr: Expr }[];
  expr: Expr;
  /** Boolean condition under which the output is valid (NaN outside it). */
  valid?: Expr;
  /** The range a correct value can take (NaN outside it). */
  plausible?: { min?: number; max?: number };
  /** Boolean conditions of the output's applicability warnings, in order. */
  warnings?: Expr[];
  /** Where-names that are graph outputs too (a dose's `<id>.dose.<part>` steps). */
  exported?: string[];
}

export const isComparison = (op: BinaryOp) => ['<', '<=', '>', '>=', '==', '!='].includes(op);
export const isLogical = (op: BinaryOp) => ['and', 'or', 'xor'].includes(op);
