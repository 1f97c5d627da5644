/**
 * A calculator's checked formulas translated to FHIRPath (R4, normative 2.0.0 plus its math
 * functions) — only where FHIRPath can say exactly what the ONNX model computes. Where it cannot,
 * the output gets the reason instead of an expression: never an approximation.
 */
import type { CheckedOutput, Expr } from '../../compiler/ast';
import { checkOutputs } from '../../compiler/check';
import type { Calculator, Input } from '../../schema';
import { ROUND_NUDGE } from '../../units/round';

/** What happened to one output: its FHIRPath, or why there is none. */
export interface OutputExport {
  id: string;
  expression?: string;
  reason?: string;
}

/** Thrown when FHIRPath cannot express a construct exactly. */
export class NotExpressible extends Error {}

type Kind = 'num' | 'bool' | 'date';
interface Fp {
  code: string;
  kind: Kind;
}

/** A number as a FHIRPath literal: plain decimal notation (FHIRPath has no exponent), negatives in parentheses. */
export function literal(n: number): string {
  if (!Number.isFinite(n)) throw new NotExpressible(`the constant ${n} has no FHIRPath literal`);
  const neg = n < 0 || Object.is(n, -0);
  let s = String(Math.abs(n));
  const m = /^(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(s);
  if (m) {
    const digits = m[1] + (m[2] ?? '');
    const exp = Number(m[3]);
    s = exp < 0 ? `0.${'0'.repeat(-exp - 1)}${digits}` : digits.padEnd(exp + 1, '0');
  }
  return neg && n !== 0 ? `(-${s})` : s;
}

/** The answer of an item in the QuestionnaireResponse being filled. */
export const answer = (linkId: string) => `%resource.item.where(linkId='${linkId}').answer.value`;

class Translator {
  /** Translations of where-names and earlier outputs, inlined where they are used. */
  private names = new Map<string, Fp | { missing: string }>();
  private inputs: Map<string, Input>;

  constructor(calc: Calculator) {
    this.inputs = new Map(calc.inputs.map((i) => [i.id, i]));
  }

  define(name: string, fp: Fp) {
    this.names.set(name, fp);
  }

  /** A name that could not be expressed: using it makes the user inexpressible too, for the same reason. */
  missing(name: string, reason: string) {
    this.names.set(name, { missing: reason.startsWith('it uses ') ? reason : `it uses ${name}, and ${reason}` });
  }

  /** The value of an input, as the model receives it. */
  private input(i: Input): Fp {
    const a = answer(i.id);
    switch (i.type) {
      case 'number':
        return { kind: 'num', code: i.default !== undefined ? `iif(${a}.exists(), ${a}, ${literal(i.default)})` : a };
      case 'choice': {
        const v = `${a}.code.toDecimal()`;
        return { kind: 'num', code: i.default !== undefined ? `iif(${a}.exists(), ${v}, ${literal(i.default)})` : v };
      }
      case 'yesno':
        // An unanswered criterion is its default (usually no), as on the page.
        return { kind: 'num', code: i.default ? `iif(${a} = false, 0, 1)` : `iif(${a} = true, 1, 0)` };
      case 'date':
        return { kind: 'date', code: a };
      default:
        throw new NotExpressible(`input ${(i as Input).id} has a type FHIRPath export does not know`);
    }
  }

  private num(e: Expr): string {
    const r = this.expr(e);
    if (r.kind === 'date') throw new NotExpressible('arithmetic on dates other than adding or subtracting days has no FHIRPath R4 equivalent');
    return r.kind === 'num' ? r.code : `iif(${r.code}, 1, 0)`;
  }

  private bool(e: Expr): string {
    const r = this.expr(e);
    if (r.kind === 'date') throw new NotExpressible('a date used as a condition has no FHIRPath meaning');
    return r.kind === 'bool' ? r.code : `(${r.code} != 0)`;
  }

  expr(e: Expr): Fp {
    switch (e.k) {
      case 'num':
        return { kind: 'num', code: literal(e.v) };
      case 'ref': {
        const named = this.names.get(e.name);
        if (named && 'missing' in named) throw new NotExpressible(named.missing);
        if (named) return named;
        const input = this.inputs.get(e.name);
        if (input) return this.input(input);
        throw new NotExpressible(`"${e.name}" could not be expressed`);
      }
      case 'neg':
        return { kind: 'num', code: `(0 - ${this.num(e.a)})` };
      case 'not':
        return { kind: 'bool', code: `(${this.bool(e.a)}).not()` };
      case 'cast':
        return e.to === 'num' ? { kind: 'num', code: this.num(e.a) } : { kind: 'bool', code: this.bool(e.a) };
      case 'if': {
        const a = this.expr(e.a);
        const b = this.expr(e.b);
        if (a.kind !== b.kind) throw new NotExpressible('a conditional whose branches are a date and a number has no FHIRPath equivalent');
        return { kind: a.kind, code: `iif(${this.bool(e.c)}, ${a.code}, ${b.code})` };
      }
      case 'points': {
        const input = this.inputs.get(e.input);
        if (!input) throw new NotExpressible(`points(${e.input}): no such input`);
        if (input.type === 'yesno') {
          const yes = e.table.find((t) => t.value === 1)?.points ?? 0;
          const no = e.table.find((t) => t.value === 0)?.points ?? 0;
          const a = answer(input.id);
          const isYes = input.default ? `${a} != false` : `${a} = true`;
          return { kind: 'num', code: `iif(${isYes}, ${literal(yes)}, ${literal(no)})` };
        }
        if (input.type !== 'choice') throw new NotExpressible(`points of a ${input.type} input have no FHIRPath equivalent`);
        // The option's points by its value; an unanswered choice has no points (the model gives NaN).
        const chain = e.table.reduceRight((rest, t) => `iif($this = ${literal(t.value)}, ${literal(t.points)}, ${rest})`, '{}');
        return { kind: 'num', code: `(${this.input(input).code}).select(${chain})` };
      }
      case 'given': {
        const input = this.inputs.get(e.input);
        if (!input) throw new NotExpressible(`given(${e.input}): no such input`);
        return { kind: 'bool', code: `(${this.input(input).code}).exists()` };
      }
      case 'table': {
        // The questionnaire asks in the canonical unit, so the canonical column scores it.
        const input = this.inputs.get(e.input);
        if (!input) throw new NotExpressible(`table ${e.id}: no such input ${e.input}`);
        const col = e.columns[0];
        const chain = col.edges.reduceRight(
          (rest, edge, j) => `iif($this ${edge.incl ? '>=' : '>'} ${literal(edge.at)}, ${rest}, ${literal(col.points[j])})`,
          literal(col.points[col.points.length - 1]),
        );
        return { kind: 'num', code: `(${e.of ? this.num(e.of) : this.input(input).code}).select(${chain})` };
      }
      case 'bin':
        return this.binary(e);
      case 'call':
        return { kind: 'num', code: this.call(e) };
      default:
        throw new NotExpressible(`the formula construct "${(e as { k: string }).k}" has no FHIRPath translation`);
    }
  }

  private binary(e: Extract<Expr, { k: 'bin' }>): Fp {
    const logical: Record<string, string> = { and: 'and', or: 'or', xor: 'xor' };
    if (logical[e.op]) return { kind: 'bool', code: `(${this.bool(e.a)} ${logical[e.op]} ${this.bool(e.b)})` };
    const a = this.expr(e.a);
    const b = this.expr(e.b);
    const cmp: Record<string, string> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '=', '!=': '!=' };
    if (a.kind === 'date' || b.kind === 'date') {
      // Dates are days since 1970 in the model. FHIRPath R4 can add and subtract a number of days
      // (a time-valued Quantity) and compare two dates, but not subtract one date from another.
      if (cmp[e.op] && a.kind === 'date' && b.kind === 'date') return { kind: 'bool', code: `(${a.code} ${cmp[e.op]} ${b.code})` };
      if (e.op === '+' && a.kind !== b.kind) {
        const [d, n] = a.kind === 'date' ? [a, b] : [b, a];
        return { kind: 'date', code: `(${d.code} + (${this.asNum(n)} * 1 'd'))` };
      }
      if (e.op === '-' && a.kind === 'date' && b.kind !== 'date') return { kind: 'date', code: `(${a.code} - (${this.asNum(b)} * 1 'd'))` };
      throw new NotExpressible(
        e.op === '-' && a.kind === 'date' && b.kind === 'date'
          ? 'the number of days between two dates has no FHIRPath R4 equivalent (no date difference function before FHIRPath 3.0)'
          : 'this date arithmetic has no FHIRPath R4 equivalent',
      );
    }
    if (cmp[e.op]) return { kind: 'bool', code: `(${this.asNum(a)} ${cmp[e.op]} ${this.asNum(b)})` };
    const x = this.asNum(a);
    const y = this.asNum(b);
    switch (e.op) {
      case '+':
      case '-':
      case '*':
      case '/':
        return { kind: 'num', code: `(${x} ${e.op} ${y})` };
      case '^':
        return { kind: 'num', code: `(${x}).power(${y})` };
      case 'mod':
        // The model's mod is floored (the sign of the divisor); FHIRPath's mod truncates.
        return { kind: 'num', code: `(${x}).select($this - ($this / ${y}).floor() * ${y})` };
      default:
        throw new NotExpressible(`operator ${e.op} has no FHIRPath translation`);
    }
  }

  private asNum(f: Fp): string {
    return f.kind === 'bool' ? `iif(${f.code}, 1, 0)` : f.code;
  }

  private call(e: Extract<Expr, { k: 'call' }>): string {
    const args = e.args.map((a) => this.num(a));
    const [x, y, z] = args;
    const fold = (pick: '<' | '>') => args.slice(1).reduce((acc, b) => `(${acc}).select(iif($this ${pick} ${b}, $this, ${b}))`, args[0]);
    switch (e.fn) {
      case 'min':
        return args.length === 1 ? x : fold('<');
      case 'max':
        return args.length === 1 ? x : fold('>');
      case 'sum':
        return `(${args.join(' + ')})`;
      case 'abs':
        return `(${x}).abs()`;
      case 'sqrt':
        return `(${x}).sqrt()`;
      case 'exp':
        return `(${x}).exp()`;
      case 'ln':
        return `(${x}).ln()`;
      case 'log10':
        return `(${x}).log(10)`;
      case 'floor':
        return `(${x}).floor()`;
      case 'ceil':
        return `(${x}).ceiling()`;
      case 'round':
        return roundHalfAway(x, e.args[1]?.k === 'num' ? e.args[1].v : 0);
      case 'clamp':
        return `(${x}).select(iif($this < ${y}, ${y}, iif($this > ${z}, ${z}, $this)))`;
      case 'sigmoid':
        return `(1 / (1 + (0 - ${x}).exp()))`;
      default:
        throw new NotExpressible(`function ${e.fn}() has no FHIRPath equivalent`);
    }
  }
}

/**
 * Half away from zero, exactly as the compiled model and the page round (src/units/round.ts).
 * FHIRPath's round() rounds halves up (-2.5 -> -2), so it is not used.
 */
function roundHalfAway(x: string, decimals: number): string {
  const s = 10 ** decimals;
  const scaled = decimals === 0 ? x : `(${x} * ${literal(s)})`;
  const r = `(${scaled}).select(iif($this < 0, -1, 1) * ($this.abs() + ${literal(0.5 + ROUND_NUDGE)}).floor())`;
  return decimals === 0 ? r : `(${r} / ${literal(s)})`;
}

/** Translates every output; each either gets an expression or the reason it has none. */
export function translateOutputs(calc: Calculator): { checked: CheckedOutput[]; outputs: OutputExport[] } {
  const checked = checkOutputs(calc).outputs;
  const t = new Translator(calc);
  const outputs: OutputExport[] = [];
  for (const o of calc.outputs) {
    const c = checked.find((x) => x.id === o.id);
    if (!c) {
      const reason = 'its formula does not pass the compiler’s checks';
      outputs.push({ id: o.id, reason });
      t.missing(o.id, reason);
      continue;
    }
    // A where-name that cannot be expressed only matters where it is used.
    for (const w of c.where) {
      try {
        t.define(w.name, t.expr(w.expr));
      } catch (e) {
        if (!(e instanceof NotExpressible)) throw e;
        t.missing(w.name, e.message);
      }
    }
    try {
      let r = t.expr(c.expr);
      if (r.kind === 'bool') r = { kind: 'num', code: `iif(${r.code}, 1, 0)` };
      const wantDate = o.format === 'date';
      if (wantDate !== (r.kind === 'date'))
        throw new NotExpressible(
          wantDate
            ? 'the result is a date computed from numbers (days since 1970), which FHIRPath R4 cannot turn into a date'
            : 'the result is a number computed from dates, which FHIRPath R4 cannot do',
        );
      if (c.valid) {
        const cond = t.expr(c.valid);
        if (cond.kind === 'date') throw new NotExpressible('a date used as a condition has no FHIRPath meaning');
        r = { kind: r.kind, code: `iif(${cond.kind === 'bool' ? cond.code : `(${cond.code} != 0)`}, ${r.code}, {})` };
      }
      // Outside the plausible range the result is "not calculable": no value, as in the model.
      if (c.plausible && r.kind === 'num') {
        const out = [c.plausible.min !== undefined ? `$this < ${c.plausible.min}` : '', c.plausible.max !== undefined ? `$this > ${c.plausible.max}` : '']
          .filter(Boolean)
          .join(' or ');
        r = { kind: 'num', code: `(${r.code}).select(iif(${out}, {}, $this))` };
      }
      t.define(o.id, r);
      // Shown as on the page: rounded (half away from zero) to the output's decimals; later
      // outputs use the unrounded value, as in the model.
      const shown = r.kind === 'date' ? r.code : roundHalfAway(r.code, o.format === 'weeks-days' ? 0 : o.decimals);
      outputs.push({ id: o.id, expression: shown });
    } catch (e) {
      if (!(e instanceof NotExpressible)) throw e;
      t.missing(o.id, e.message);
      outputs.push({ id: o.id, reason: e.message });
    }
  }
  return { checked, outputs };
}

/** The coded answer of a categorical output: the Questionnaire's own option for the code computed. */
export const categoryExpression = (linkId: string, code: string) =>
  `%questionnaire.repeat(item).where(linkId = '${linkId}').answerOption.valueCoding.where(code = (${code}).toString())`;
