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

/** MathML for an output: its where-names, then the result. */
export function outputMathML(o: CheckedOutput, label: string, labels: Record<string, string>): string {
  const lines = [
    ...o.where.map((w) => `${name(w.name, {})} &= ${toLatex(w.expr, labels)}`),
    `\\text{${label.replace(/([_%&#$])/g, '\\$1')}} &= ${toLatex(o.expr, labels)}`,
  ];
  return temml.renderToString(`\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`, { displayMode: true, throwOnError: false, xml: false } as never);
}
