import { ANALYTES, UNITS, type Analyte, type UnitDef } from './catalogue';

const BY_SYMBOL = new Map<string, UnitDef>(UNITS.map((u) => [u.symbol, u]));
const BY_ALIAS = new Map<string, UnitDef>(UNITS.flatMap((u) => [u.symbol, ...(u.aliases ?? [])].map((a) => [a, u] as const)));

/** The unit with exactly this symbol (as definitions must write it). */
export function unitBySymbol(symbol: string): UnitDef | undefined {
  return BY_SYMBOL.get(symbol);
}

/** The unit for a symbol or one of its aliases (as users and cases may write it). */
export function lookupUnit(text: string): UnitDef | undefined {
  return BY_SYMBOL.get(text) ?? BY_ALIAS.get(text) ?? BY_ALIAS.get(text.toLowerCase());
}

/** The UCUM code of a unit symbol (as definitions write it), or undefined for an unknown symbol. */
export const ucumCode = (symbol: string): string | undefined => BY_SYMBOL.get(symbol)?.ucum;

/** Every known unit symbol. */
export const unitSymbols = (): string[] => UNITS.map((u) => u.symbol);

/** Why two units cannot convert, or undefined when they can. */
export function conversionProblem(from: string, to: string, analyte?: string): string | undefined {
  const a = lookupUnit(from);
  const b = lookupUnit(to);
  if (!a) return `"${from}" is not a known unit`;
  if (!b) return `"${to}" is not a known unit`;
  if (a.dimension === b.dimension) {
    if (a.dimension === 'molar-concentration' && (a.symbol === 'mEq/L') !== (b.symbol === 'mEq/L') && !ANALYTES[analyte ?? '']?.valence)
      return `${a.symbol} and ${b.symbol} convert through the analyte's valence; declare an analyte with a valence (${validAnalytes('valence')})`;
    return undefined;
  }
  const pair = new Set([a.dimension, b.dimension]);
  if (pair.has('mass-concentration') && pair.has('molar-concentration')) {
    if (!analyte) return `${a.symbol} and ${b.symbol} convert through a molar mass; declare \`analyte\` (${validAnalytes('molarMass')})`;
    if (!ANALYTES[analyte]) return `"${analyte}" is not a known analyte. Expected one of: ${Object.keys(ANALYTES).join(', ')}`;
    if (!ANALYTES[analyte].molarMass) return `${analyte} has no molar mass in the catalogue, so ${a.symbol} and ${b.symbol} cannot convert`;
    if ((a.symbol === 'mEq/L' || b.symbol === 'mEq/L') && !ANALYTES[analyte].valence)
      return `${analyte} has no charge in the catalogue, so mEq/L does not apply; use mmol/L or umol/L`;
    return undefined;
  }
  return `${a.symbol} (${a.dimension}) cannot convert to ${b.symbol} (${b.dimension})`;
}

function validAnalytes(field: 'valence' | 'molarMass'): string {
  return Object.entries(ANALYTES)
    .filter(([, v]) => v[field])
    .map(([k]) => k)
    .join(', ');
}

/** Converts `value` from one unit to another. Throws when they cannot convert (check with conversionProblem). */
export function convert(value: number, from: string, to: string, analyte?: string): number {
  const problem = conversionProblem(from, to, analyte);
  if (problem) throw new Error(problem);
  const a = lookupUnit(from)!;
  const b = lookupUnit(to)!;
  if (a === b) return value;
  let base = value * a.factor + (a.offset ?? 0);
  const an = analyte ? ANALYTES[analyte] : undefined;
  if (a.symbol === 'mEq/L') base /= an?.valence ?? 1;
  if (a.dimension === 'mass-concentration' && b.dimension === 'molar-concentration') base /= effectiveMolarMass(an!);
  if (a.dimension === 'molar-concentration' && b.dimension === 'mass-concentration') base *= effectiveMolarMass(an!);
  if (b.symbol === 'mEq/L') base *= an?.valence ?? 1;
  return (base - (b.offset ?? 0)) / b.factor;
}

/**
 * g/mol that reproduces the analyte's conventional factor exactly (1 mg/dL creatinine = 88.4 µmol/L
 * gives 113.122 g/mol), or its molar mass where no convention is declared.
 */
export function effectiveMolarMass(an: Analyte): number {
  if (!an.conventional) return an.molarMass!;
  const [mass, molar] = an.conventional.map((q) => {
    const [n, sym] = q.split(' ');
    return Number(n) * lookupUnit(sym)!.factor;
  });
  return mass / molar;
}

/** How the page shows a unit symbol (µmol/L for umol/L). */
export function displayUnit(symbol: string): string {
  return lookupUnit(symbol)?.display ?? symbol;
}
