/**
 * Reads a pasted lab report (free text copied from an EHR or a laboratory's report) into values, on
 * the device. Pure functions: no network, no storage, no engine.
 *
 * What it does, line by line:
 * - finds a known test name at the start of the line or of a tab-separated cell (src/units/lab-tests.ts,
 *   longest name first; names of other tests that begin alike, such as "urine creatinine" or
 *   "CA 19-9", are recognised and reported as not used, never read as the test they resemble);
 * - takes its result: the one number on the line that is not a reference range ("0.6-1.2",
 *   "(135 - 145)", "ref < 5"), a date or a time, with the unit written after it; a flag
 *   ("H", "(L)", "*", "High", "critical") is kept, never read as a value;
 * - checks the number's size against the unit (creatinine "88 mg/dL" is not possible: it is read as
 *   a likely µmol/L and not used, with "did you mean µmol/L?"); a number with no unit is read in the
 *   one unit of the test where it is possible (creatinine 1.2 → mg/dL), and not used when it would be
 *   possible in two;
 * - a bound ("eGFR >60", "< 0.5") is not a value: it is listed, not used;
 * - when a test appears more than once, the value with the newest date is used (dates on the line or
 *   on a heading line above it; day/month order settled from the report's own dates, and when it
 *   cannot be, nothing is guessed); without dates, several different values are not guessed between.
 *
 * Everything not understood is listed with its line and why, so the user can enter it by hand.
 */
import { convert, lookupUnit } from '../units';
import { LAB_TESTS, OTHER_TESTS, type LabTest } from '../units/lab-tests';

/** The longest paste read (a few pages of results); longer text is refused, not cut. */
export const MAX_PASTE_LENGTH = 20_000;
/** The longest line read; a longer one is listed as not understood. */
const MAX_LINE_LENGTH = 300;

export interface Reading {
  /** The test's concept id (src/units/lab-tests.ts). */
  test: string;
  label: string;
  loinc?: string;
  value: number;
  /** Catalogue unit symbol the value is in. */
  unit: string;
  /** True when the report gave no unit and the size of the number decided it. */
  unitInferred?: boolean;
  /** The flag the report printed beside it (H, L, *, critical…). */
  flag?: string;
  /** The date it was taken, as an ISO date (yyyy-mm-dd), when the report gives one. */
  date?: string;
  /** 1-based line number and the line as pasted: where the value came from. */
  line: number;
  text: string;
  /** Other values of the same test in the paste (older, or the same value repeated). */
  others: { value: number; unit: string; date?: string; line: number }[];
}

export interface Unread {
  line: number;
  text: string;
  reason: string;
}

export interface PasteResult {
  readings: Reading[];
  unread: Unread[];
}

/** Tidies what copy-paste brings: non-breaking and odd spaces, Unicode minus and micro signs. */
function normalise(line: string): string {
  return line
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u2212\u2010\u2011]/g, '-')
    .replace(/[\u2013\u2014]/g, '–')
    .replace(/\u03bc/g, 'µ')
    .replace(/[\u2264]/g, '<=')
    .replace(/[\u2265]/g, '>=')
    .replace(/\s+$/, '');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** All names, longest first, each with the test it names (undefined: another test, not used). */
const NAMES: { name: string; test?: LabTest }[] = [
  ...LAB_TESTS.flatMap((t) => t.names.map((name) => ({ name, test: t }))),
  ...OTHER_TESTS.map((name) => ({ name, test: undefined })),
].sort((a, b) => b.name.length - a.name.length);

/** A name followed by the end of the name: space, colon, tab, bracket, comma, '=', a digit or the end. */
const NAME_RE = new RegExp(`^(?:${NAMES.map((n) => escape(n.name)).join('|')})(?=$|[\\s:=,;()\\[\\]<>]|\\d)`, 'i');

/** The test named at the start of `s` (after bullets and markers), and the rest of the text. */
function nameAt(s: string): { name: string; test?: LabTest; rest: string } | undefined {
  // Bullets and markers, then a leading date or time ("11/28/2026 08:15 Creatinine 1.9 mg/dL").
  const lead =
    /^[\s*•·\-–>#|]*(?:(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}[-\s][A-Za-z]{3}[-\s]\d{2,4}|\d{1,2}[:h]\d{2}(?::\d{2})?)[\sT,]+)*/.exec(
      s,
    )![0];
  const body = s.slice(lead.length);
  const m = NAME_RE.exec(body);
  if (!m) return undefined;
  const hit = NAMES.find((n) => n.name === m[0].toLowerCase());
  return { name: m[0], test: hit?.test, rest: body.slice(m[0].length) };
}

// ---- dates -------------------------------------------------------------------------------------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date as written: an unambiguous day, or a d/m vs m/d pair to settle from the report. */
interface DateToken {
  at: number;
  length: number;
  /** [day-first, month-first] readings as yyyy-mm-dd (the same when unambiguous); undefined = invalid. */
  dmy?: string;
  mdy?: string;
}

const iso = (y: number, m: number, d: number): string | undefined => {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};
const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

const DATE_RES: { re: RegExp; read: (m: RegExpExecArray) => Pick<DateToken, 'dmy' | 'mdy'> }[] = [
  // 2026-12-01, 2026/12/01
  { re: /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, read: (m) => ({ dmy: iso(+m[1], +m[2], +m[3]), mdy: iso(+m[1], +m[2], +m[3]) }) },
  // 01-Dec-2026, 1 Dec 2026, 01 DEC 26
  {
    re: /\b(\d{1,2})[-\s/.]([A-Za-z]{3})[A-Za-z]*[-\s/.,]+(\d{4}|\d{2})\b/g,
    read: (m) => {
      const mo = MONTHS.indexOf(m[2].toLowerCase()) + 1;
      const d = mo ? iso(year(m[3]), mo, +m[1]) : undefined;
      return { dmy: d, mdy: d };
    },
  },
  // Dec 1, 2026
  {
    re: /\b([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/g,
    read: (m) => {
      const mo = MONTHS.indexOf(m[1].toLowerCase()) + 1;
      const d = mo ? iso(+m[3], mo, +m[2]) : undefined;
      return { dmy: d, mdy: d };
    },
  },
  // 01/12/2026, 1.12.2026, 01/12/26: day or month first
  { re: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/g, read: (m) => ({ dmy: iso(year(m[3]), +m[2], +m[1]), mdy: iso(year(m[3]), +m[1], +m[2]) }) },
];

function datesIn(s: string): DateToken[] {
  const out: DateToken[] = [];
  const taken = (at: number, end: number) => out.some((d) => at < d.at + d.length && end > d.at);
  for (const { re, read } of DATE_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (taken(m.index, m.index + m[0].length)) continue;
      const r = read(m);
      if (r.dmy || r.mdy) out.push({ at: m.index, length: m[0].length, ...r });
    }
  }
  return out;
}

/** Times (08:15, 8:15:00, 08h15) and their am/pm: never results. */
const TIME_RE = /\b\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\b/gi;

// ---- numbers, ranges, units, flags -------------------------------------------------------------

const NUM = String.raw`\d+(?:[.,]\d+)?`;
/** A reference range: "0.6-1.2", "135 – 145", "(3.5 to 5.0)", with or without brackets. */
const RANGE_RE = new RegExp(String.raw`[(\[]?\s*${NUM}\s*(?:-|–|to)\s*${NUM}\s*[)\]]?`, 'gi');
/** A bracketed bound or a bound after a reference word: "(< 5)", "[>60]", "ref: <0.5", "normal >= 90". */
const BRACKET_BOUND_RE = new RegExp(String.raw`[(\[]\s*(?:<=|>=|<|>)\s*${NUM}[^)\]]*[)\]]`, 'g');
const REF_WORD_RE = /\b(?:ref(?:erence)?(?:\s*(?:range|interval|value|values))?|normal(?:\s*range)?|range|rr|nr|target|desirable|optimal|goal)\b\s*[:=]?/i;
/** A result number, with its comparator if any. */
const VALUE_RE = new RegExp(String.raw`(<=|>=|<|>)?\s*(-?${NUM})(?![\d.,]*\s*(?:%\s*)?(?:-|–)\s*\d)`, 'g');

/** Unit spellings reports use beyond the catalogue's aliases, to catalogue symbols. */
const REPORT_UNITS: Record<string, string> = {
  'mg/dl': 'mg/dL',
  'mg/l': 'mg/L',
  'g/dl': 'g/dL',
  'g/l': 'g/L',
  'mmol/l': 'mmol/L',
  'umol/l': 'umol/L',
  'µmol/l': 'umol/L',
  'mcmol/l': 'umol/L',
  'meq/l': 'mEq/L',
  'u/l': 'U/L',
  'iu/l': 'U/L',
  'x10^9/l': '10^9/L',
  'x 10^9/l': '10^9/L',
  'x10*9/l': '10^9/L',
  '10*9/l': '10^9/L',
  'x10e9/l': '10^9/L',
  '10^9/l': '10^9/L',
  'x10^3/ul': '10^3/uL',
  'x10*3/ul': '10^3/uL',
  '10*3/ul': '10^3/uL',
  '10^3/ul': '10^3/uL',
  'x10^3/µl': '10^3/uL',
  '10^3/µl': '10^3/uL',
  'k/ul': '10^3/uL',
  'k/µl': '10^3/uL',
  'thou/ul': '10^3/uL',
  'ml/min/1.73m2': 'mL/min/1.73m²',
  'ml/min/1.73 m2': 'mL/min/1.73m²',
  'ml/min/1.73m²': 'mL/min/1.73m²',
  'ml/min/1.73 m²': 'mL/min/1.73m²',
  'ml/min/1.73m^2': 'mL/min/1.73m²',
  'ml/min/1,73m2': 'mL/min/1.73m²',
  'ml/min/1,73 m2': 'mL/min/1.73m²',
  'ml/min': 'mL/min/1.73m²',
  mmhg: 'mmHg',
  kpa: 'kPa',
  '%': '%',
};

/** The units lab tests are reported in: a flag such as "L" or "H" is never read as litres or hours. */
const LAB_UNITS = new Set(LAB_TESTS.flatMap((t) => t.units));
const labUnit = (cand: string): string | undefined => {
  const sym = REPORT_UNITS[cand.toLowerCase()] ?? lookupUnit(cand)?.symbol;
  return sym && (LAB_UNITS.has(sym) || Object.values(REPORT_UNITS).includes(sym)) ? sym : undefined;
};

/** A unit right after a number: the longest spelling that is a known unit. */
function unitAfter(s: string): { unit: string; length: number } | { unknown: string } | undefined {
  const m = /^\s*([A-Za-zµ%/*^0-9.,²\s]{1,24})/.exec(s);
  if (!m) return undefined;
  const raw = m[1];
  // Longest prefix first, ending at a word boundary.
  for (let end = raw.length; end > 0; end--) {
    const cand = raw.slice(0, end).trim();
    if (!cand || (end < raw.length && /[A-Za-z0-9µ²]/.test(raw[end]) && /[A-Za-z0-9µ²]$/.test(cand))) continue;
    const sym = labUnit(cand);
    if (sym) return { unit: sym, length: m[0].indexOf(cand) + cand.length };
  }
  const word = /^\s*([A-Za-zµ][A-Za-zµ/*^0-9.]*)/.exec(s)?.[1];
  if (word && word.includes('/')) return { unknown: word };
  return undefined;
}

const FLAG_RE = /^\s*(?:\(?\s*(HH|LL|H|L|A|AA|C|CRIT|\*+|!+)\s*\)?|\b(high|low|abnormal|critical(?:\s+(?:high|low))?|panic)\b)(?=$|[\s)\]*,;|])/i;

interface Candidate {
  value: number;
  comparator?: string;
  unit?: string;
  unknownUnit?: string;
  flag?: string;
}

/** Reads the result on what follows a test name. */
function readResult(rest: string): { ok: Candidate } | { none: string } | { several: string[] } | { ambiguous: string } {
  let s = rest;
  // Cut what follows a reference word ("Ref 0.6-1.2", "normal: < 5"): it is not the result.
  const ref = REF_WORD_RE.exec(s);
  if (ref) {
    if (!/\d/.test(s.slice(0, ref.index))) return { none: 'only a reference range, no result' };
    s = s.slice(0, ref.index);
  }
  // Blank out ranges, bracketed bounds, dates and times (same length, so positions keep).
  const blank = (x: string) => ' '.repeat(x.length);
  for (const d of datesIn(s)) s = s.slice(0, d.at) + blank(s.slice(d.at, d.at + d.length)) + s.slice(d.at + d.length);
  s = s.replace(TIME_RE, blank).replace(BRACKET_BOUND_RE, blank).replace(RANGE_RE, blank);
  const found: Candidate[] = [];
  const texts: string[] = [];
  VALUE_RE.lastIndex = 0;
  for (let m = VALUE_RE.exec(s); m; m = VALUE_RE.exec(s)) {
    // A digit glued to letters before it is part of a word or a unit (HbA1c, 1.73m2, CO2), not a value.
    const before = s.slice(0, m.index + (m[0].length - m[2].length));
    if (/[A-Za-zµ^*/]$/.test(before)) continue;
    const numText = m[2];
    if (/^\d{1,3},\d{3}$/.test(numText)) return { ambiguous: `“${numText}” could be ${numText.replace(',', '')} or ${numText.replace(',', '.')}` };
    const value = Number(numText.replace(',', '.'));
    const after = s.slice(m.index + m[0].length);
    const u = unitAfter(after);
    let tail = after;
    const c: Candidate = { value, comparator: m[1] };
    if (u && 'unit' in u) {
      c.unit = u.unit;
      tail = after.slice(u.length);
    } else if (u && 'unknown' in u) c.unknownUnit = u.unknown;
    const flag = FLAG_RE.exec(tail);
    let skip = u && 'unit' in u ? u.length : 0;
    if (flag) {
      c.flag = (flag[1] ?? flag[2]).toUpperCase();
      // Columns "211  H  mg/dL": the unit may follow the flag.
      const late = c.unit || c.unknownUnit ? undefined : unitAfter(tail.slice(flag[0].length));
      if (late && 'unit' in late) {
        c.unit = late.unit;
        skip += flag[0].length + late.length;
      }
    }
    found.push(c);
    texts.push(`${m[1] ?? ''}${numText}${c.unit ? ` ${c.unit}` : ''}`);
    // Skip the unit so its digits (1.73 m²) are not read as another value.
    if (skip) VALUE_RE.lastIndex = m.index + m[0].length + skip;
  }
  if (!found.length) return { none: 'no result on the line' };
  // "38 mg/dL  >40": a bare bound after the result is the reference, not a second result.
  const plain = found.filter((c) => !c.comparator);
  if (found.length > 1 && plain.length === 1 && found[0] === plain[0]) return { ok: plain[0] };
  if (found.length > 1) return { several: texts };
  return { ok: found[0] };
}

// ---- units and sizes ---------------------------------------------------------------------------

const possibleIn = (t: LabTest, value: number, unit: string): boolean => {
  const v = unit === t.units[0] ? value : convert(value, unit, t.units[0], t.analyte);
  return v >= t.possible[0] && v <= t.possible[1];
};
/** Units that convert without loss between each other count as one (mmol/L and mEq/L for sodium). */
const sameScale = (t: LabTest, a: string, b: string) => Math.abs(convert(1, a, b, t.analyte) - 1) < 1e-12;

type UnitVerdict = { unit: string; inferred?: boolean } | { reason: string };

function settleUnit(t: LabTest, found: Candidate): UnitVerdict {
  const shown = (u: string) => lookupUnit(u)?.display || u;
  // A unit printed as the test's own unit prints ("%" of HbA1c is %DCCT, the NGSP percent).
  const own = found.unit && !t.units.includes(found.unit) ? t.units.find((u) => shown(u) === found.unit) : undefined;
  const c = own ? { ...found, unit: own } : found;
  if (c.unknownUnit) return { reason: `unit “${c.unknownUnit}” is not one ${t.label.toLowerCase()} is reported in here (${t.units.map(shown).join(', ')})` };
  if (c.unit) {
    if (!t.units.includes(c.unit)) return { reason: `${shown(c.unit)} is not a unit for ${t.label.toLowerCase()} (${t.units.map(shown).join(', ')})` };
    if (possibleIn(t, c.value, c.unit)) return { unit: c.unit };
    const other = t.units.find((u) => u !== c.unit && possibleIn(t, c.value, u));
    return { reason: `${c.value} ${shown(c.unit)} is not a possible ${t.label.toLowerCase()}${other ? ` — did you mean ${shown(other)}?` : ''}` };
  }
  const fits = t.units.filter((u) => possibleIn(t, c.value, u));
  if (!fits.length) return { reason: `${c.value} is not a possible ${t.label.toLowerCase()} in ${t.units.map(shown).join(' or ')}` };
  if (fits.every((u) => sameScale(t, u, fits[0]))) return { unit: fits[0], inferred: t.units.length > 1 || undefined };
  return { reason: `no unit given, and ${c.value} could be ${fits.map(shown).join(' or ')}` };
}

// ---- the report --------------------------------------------------------------------------------

interface Found {
  test: LabTest;
  value: number;
  unit: string;
  inferred?: boolean;
  flag?: string;
  date?: DateToken;
  line: number;
  text: string;
}

/** Reads a pasted report. Never throws; a paste too long to be a report is refused as a whole. */
export function parseReport(input: string): PasteResult {
  if (typeof input !== 'string') return { readings: [], unread: [] };
  if (input.length > MAX_PASTE_LENGTH)
    return {
      readings: [],
      unread: [{ line: 0, text: '', reason: `The paste is too long to be a lab report (${input.length} characters; at most ${MAX_PASTE_LENGTH}).` }],
    };
  const found: Found[] = [];
  const unread: Unread[] = [];
  let heading: DateToken | undefined;
  const lines = input.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = normalise(raw);
    if (!text.trim()) return;
    if (text.length > MAX_LINE_LENGTH) return void unread.push({ line, text: text.slice(0, 80) + '…', reason: 'line too long to read' });
    // Cells: tabs, runs of 2+ spaces (aligned columns), pipes, semicolons.
    const cells = text
      .split(/\t|\s{2,}|\||;/)
      .map((c) => c.trim())
      .filter(Boolean);
    // A segment is a cell that starts with a test name and the unnamed cells after it.
    const segments: { named: NonNullable<ReturnType<typeof nameAt>>; rest: string }[] = [];
    for (const cell of cells) {
      const named = nameAt(cell);
      if (named) segments.push({ named, rest: named.rest });
      else if (segments.length) segments[segments.length - 1].rest += `  ${cell}`;
    }
    const lineDates = datesIn(text);
    if (!segments.length) {
      // A heading such as "Collected: 01/12/2026 08:15" dates the lines below it.
      if (lineDates.length === 1) heading = lineDates[0];
      else if (lineDates.length > 1) heading = undefined;
      else if (/\d/.test(text.replace(TIME_RE, ''))) unread.push({ line, text, reason: 'no test Bedside uses' });
      return;
    }
    const date = lineDates.length === 1 ? lineDates[0] : lineDates.length === 0 ? heading : undefined;
    for (const { named, rest } of segments) {
      const skip = (reason: string) => void unread.push({ line, text, reason });
      if (!named.test) {
        skip(`${named.name.trim()}: not a test Bedside uses here`);
        continue;
      }
      const t = named.test;
      if (lineDates.length > 1) {
        skip(`${t.label}: several dates on one line (a cumulative table?) — enter the value you mean`);
        continue;
      }
      const r = readResult(rest);
      if ('none' in r) skip(`${t.label}: ${r.none}`);
      else if ('ambiguous' in r) skip(`${t.label}: ${r.ambiguous}`);
      else if ('several' in r) skip(`${t.label}: several results on one line (${r.several.join(', ')}) — enter the one you mean`);
      else if (r.ok.comparator) skip(`${t.label} ${r.ok.comparator}${r.ok.value}: a bound, not a value — enter the value if you have it`);
      else {
        const u = settleUnit(t, r.ok);
        if ('reason' in u) skip(`${t.label}: ${u.reason}`);
        else found.push({ test: t, value: r.ok.value, unit: u.unit, inferred: u.inferred, flag: r.ok.flag, date, line, text });
      }
    }
  });
  return { readings: choose(found, unread), unread };
}

/** Which conventions (day- or month-first) every date in the paste reads validly under. */
function conventions(found: Found[]): ('dmy' | 'mdy')[] {
  const ds = found.map((f) => f.date).filter((d): d is DateToken => !!d);
  return (['dmy', 'mdy'] as const).filter((k) => ds.every((d) => d[k]));
}

/** One reading per test: the newest dated value; the same value repeated; else nothing guessed. */
function choose(found: Found[], unread: Unread[]): Reading[] {
  const conv = conventions(found);
  // A date is known when the report's dates allow one reading of it (or both readings agree).
  const isoOf = (d?: DateToken) => (!d ? undefined : conv.length === 1 ? d[conv[0]] : conv.length === 2 && d.dmy === d.mdy ? d.dmy : undefined);
  const byTest = new Map<string, Found[]>();
  for (const f of found) byTest.set(f.test.id, [...(byTest.get(f.test.id) ?? []), f]);
  const out: Reading[] = [];
  for (const fs of byTest.values()) {
    const t = fs[0].test;
    const canon = (f: Found) => (f.unit === t.units[0] ? f.value : convert(f.value, f.unit, t.units[0], t.analyte));
    const newest = (k: 'dmy' | 'mdy'): Found | undefined => {
      const sorted = [...fs].sort((a, b) => b.date![k]!.localeCompare(a.date![k]!));
      return sorted[0].date![k] === sorted[1].date![k] && canon(sorted[0]) !== canon(sorted[1]) ? undefined : sorted[0];
    };
    let pick: Found | undefined;
    if (fs.length === 1) pick = fs[0];
    else if (fs.every((f) => f.date) && conv.length) {
      // The newest under each convention the dates allow: the same line under all of them, or none.
      const picks = conv.map(newest);
      if (picks.every((p) => p && p === picks[0])) pick = picks[0];
    } else if (fs.every((f) => canon(f) === canon(fs[0]))) pick = fs[0];
    if (!pick) {
      for (const f of fs)
        unread.push({ line: f.line, text: f.text, reason: `${t.label}: ${fs.length} values and no way to tell which is newest — enter the one you mean` });
      continue;
    }
    const date = isoOf(pick.date);
    out.push({
      test: t.id,
      label: t.label,
      ...(t.loinc ? { loinc: t.loinc } : {}),
      value: pick.value,
      unit: pick.unit,
      ...(pick.inferred ? { unitInferred: true } : {}),
      ...(pick.flag ? { flag: pick.flag } : {}),
      ...(date ? { date } : {}),
      line: pick.line,
      text: pick.text,
      others: fs
        .filter((f) => f !== pick)
        .map((f) => {
          const d = isoOf(f.date);
          return { value: f.value, unit: f.unit, ...(d ? { date: d } : {}), line: f.line };
        }),
    });
  }
  unread.sort((a, b) => a.line - b.line);
  return out.sort((a, b) => a.line - b.line);
}
