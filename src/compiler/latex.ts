/** Renders checked expressions as LaTeX (and MathML via temml), so the page shows the formula that runs. */
import temml from 'temml';
import type { CheckedOutput, Expr } from './ast';

const PREC: Record<string, number> = {
  or: 1,
  xor: 1,
  and: 2,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '==': 3,
  '!=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 9,
  mod: 5,
  '^': 7,
};
const REL: Record<string, string> = {
  '<': '<',
  '<=': '\\le',
  '>': '>',
  '>=': '\\ge',
  '==': '=',
  '!=': '\\ne',
  and: '\\land',
  or: '\\lor',
  xor: '\\veebar',
  mod: '\\bmod',
};

const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12))));
const name = (n: string, labels: Record<string, string>) => `\\text{${(labels[n] ?? n).replace(/([_%&#$])/g, '\\$1')}}`;

function prec(e: Expr): number {
  if (e.k === 'bin') return PREC[e.op];
  if (e.k === 'neg' || e.k === 'not') return 6;
  if (e.k === 'if') return 0;
  if (e.k === 'cast') return prec(e.a);
  if (e.k === 'num' && e.v < 0) return 6;
  return 10;
}

/** LaTeX of an expression; `labels` maps ids to readable names. */
export function toLatex(e: Expr, labels: Record<string, string> = {}): string {
  const sub = (x: Expr, min: number) => (prec(x) < min ? `\\left(${toLatex(x, labels)}\\right)` : toLatex(x, labels));
  switch (e.k) {
    case 'num':
      return e.label ? `\\text{${e.label.replace(/([_%&#$])/g, '\\$1')}}` : num(e.v);
    case 'ref':
      return name(e.name, labels);
    case 'cast':
      return toLatex(e.a, labels);
    case 'neg':
      return `-${sub(e.a, 6)}`;
    case 'not':
      return `\\lnot ${sub(e.a, 6)}`;
    case 'points':
      return `\\operatorname{points}(${name(e.input, labels)})`;
    case 'table':
      return `\\operatorname{points}(${name(e.input, labels)})`;
    case 'given':
      return `\\operatorname{given}(${name(e.input, labels)})`;
    case 'if':
      return `\\begin{cases} ${toLatex(e.a, labels)} & \\text{if } ${toLatex(e.c, labels)} \\\\ ${toLatex(e.b, labels)} & \\text{otherwise} \\end{cases}`;
    case 'bin': {
      const p = PREC[e.op];
      if (e.op === '/') return `\\frac{${toLatex(e.a, labels)}}{${toLatex(e.b, labels)}}`;
      if (e.op === '^') return `{${sub(e.a, 8)}}^{${toLatex(e.b, labels)}}`;
      if (e.op === '*') return `${sub(e.a, p)} \\times ${sub(e.b, p + 1)}`;
      if (e.op === '+' || e.op === '-') return `${sub(e.a, p)} ${e.op} ${sub(e.b, p + 1)}`;
      return `${sub(e.a, p + 1)} ${REL[e.op]} ${sub(e.b, p + 1)}`;
    }
    case 'call': {
      const args = e.args.map((a) => toLatex(a, labels));
      switch (e.fn) {
        case 'sqrt':
          return `\\sqrt{${args[0]}}`;
        case 'exp':
          return `e^{${args[0]}}`;
        case 'abs':
          return `\\left|${args[0]}\\right|`;
        case 'floor':
          return `\\left\\lfloor ${args[0]} \\right\\rfloor`;
        case 'ceil':
          return `\\left\\lceil ${args[0]} \\right\\rceil`;
        case 'ln':
        case 'log':
          return `\\ln\\left(${args[0]}\\right)`;
        case 'log10':
          return `\\log_{10}\\left(${args[0]}\\right)`;
        case 'min':
          return `\\min\\left(${args.join(', ')}\\right)`;
        case 'max':
          return `\\max\\left(${args.join(', ')}\\right)`;
        case 'sum':
          return e.args.map((a) => sub(a, 5)).join(' + ');
        default:
          return `\\operatorname{${e.fn}}\\left(${args.join(', ')}\\right)`;
      }
    }
  }
  // A kind added to Expr without a rendering here: fail the build, never show a wrong formula.
  throw new Error(`no LaTeX rendering for expression kind "${(e as { k: string }).k}"`);
}

/**
 * A formula row wider than this, in characters as shown (roughly), is broken at its top-level + and −
 * (or, for a product, ×) onto continuation rows: about the width of a phone's formula box (issue 16,
 * item 7; MELD 3.0's one row was 1,519 px wide in a 358 px box).
 */
export const ROW_CHARS = 34;

/** Characters a LaTeX string shows, roughly: a command is one glyph, braces, spaces and alignment none. */
export function visibleLength(tex: string): number {
  return tex
    .replace(/\\(?:text|operatorname)\{([^}]*)\}/g, '$1')
    .replace(/\\(?:left|right|begin|end|quad)\b/g, '')
    .replace(/\\[a-zA-Z]+/g, 'x')
    .replace(/\\./g, 'x')
    .replace(/[{}\s&]/g, '').length;
}

/** The operands of a chain of one precedence level (a + b − c, a × b × c), each with the operator before it. */
function chain(e: Expr, ops: readonly string[]): { op?: string; e: Expr }[] {
  if (e.k === 'cast') return chain(e.a, ops);
  if (e.k === 'bin' && ops.includes(e.op)) return [...chain(e.a, ops), { op: e.op, e: e.b }];
  return [{ e }];
}

/**
 * One named step as aligned rows: `name = expression`, broken at its top-level sum (or product) when
 * it is wider than ROW_CHARS; continuation rows start with their operator, indented.
 */
export function stepRows(lhs: string, e: Expr, labels: Record<string, string>): string[] {
  const whole = toLatex(e, labels);
  const width = visibleLength(lhs) + 1;
  if (width + visibleLength(whole) <= ROW_CHARS) return [`${lhs} &= ${whole}`];
  for (const ops of [['+', '-'], ['*']]) {
    const terms = chain(e, ops);
    if (terms.length < 2) continue;
    const p = PREC[ops[0]];
    const wrap = (x: Expr, min: number) => (prec(x) < min ? `\\left(${toLatex(x, labels)}\\right)` : toLatex(x, labels));
    const first = wrap(terms[0].e, p);
    const rows: string[] = [];
    let row = `${lhs} &= ${first}`;
    let n = width + visibleLength(first);
    for (const t of terms.slice(1)) {
      // "{}" before the operator keeps a binary operator's spacing at the start of a row.
      const piece = `${t.op === '*' ? '\\times' : t.op} ${wrap(t.e, p + 1)}`;
      const m = visibleLength(piece);
      if (n + m > ROW_CHARS) {
        rows.push(row);
        row = `&\\quad {} ${piece}`;
        n = 2 + m;
      } else {
        row += ` ${piece}`;
        n += m;
      }
    }
    return [...rows, row];
  }
  return [`${lhs} &= ${whole}`];
}

/**
 * MathML for an output: its where-names (the named steps of the definition), then the result under
 * its id (the page captions it with the label: a long label as the left-hand side would widen every row).
 */
export function outputMathML(o: CheckedOutput, labels: Record<string, string>): string {
  const lines = [...o.where.flatMap((w) => stepRows(name(w.name, {}), w.expr, labels)), ...stepRows(name(o.id, {}), o.expr, labels)];
  return temml.renderToString(`\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`, { displayMode: true, throwOnError: false, xml: false } as never);
}
