/**
 * The unit ids an author may write, as a table in CONTRIBUTING.md generated from src/units (between
 * the `units:start` / `units:end` markers): written by `npm run schemas`, checked by `npm run check`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYTES, UNITS } from '../units';
import { checksTable } from './checks';
import { ROOT } from './ids';

export const CONTRIBUTING = join(ROOT, 'CONTRIBUTING.md');
const START = '<!-- units:start (generated from src/units by `npm run schemas`; do not edit) -->';
const END = '<!-- units:end -->';

/** The markdown of the unit and analyte tables. */
export function unitDocs(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const units = UNITS.map(
    (u) =>
      `| \`${esc(u.symbol)}\` | ${esc(u.display) || '(none)'} | ${u.dimension} | ${u.system ?? ''} | ${(u.aliases ?? []).map((a) => `\`${esc(a)}\``).join(', ')} |`,
  );
  const analytes = Object.entries(ANALYTES).map(
    ([k, a]) =>
      `| \`${k}\` | ${a.conventional ? `${a.conventional[0]} = ${a.conventional[1]}` : ''} | ${a.molarMass ?? ''} | ${a.valence ?? ''} | ${esc(a.note)} |`,
  );
  return [
    START,
    '',
    'Unit ids (write the id; the page shows the display form; aliases are accepted in cases and on the command line only):',
    '',
    '| id | shown as | quantity | US/SI | aliases |',
    '| --- | --- | --- | --- | --- |',
    ...units,
    '',
    'Analytes (`analyte:`) for mass ↔ molar conversions, with the conventional factor used:',
    '',
    '| analyte | conventional factor | molar mass (g/mol) | charge | note |',
    '| --- | --- | --- | --- | --- |',
    ...analytes,
    '',
    'The checks `npm run check` runs (each problem names its check: `file:line [id]`):',
    '',
    checksTable(),
    '',
    END,
  ].join('\n');
}

const replaced = (text: string) => {
  const a = text.indexOf('<!-- units:start');
  const b = text.indexOf(END);
  return a < 0 || b < 0 ? undefined : text.slice(0, a) + unitDocs() + text.slice(b + END.length);
};

/** A problem line when CONTRIBUTING.md's unit tables differ from src/units, else undefined. */
export function unitDocsDrift(file = CONTRIBUTING): string | undefined {
  const text = readFileSync(file, 'utf8');
  const want = replaced(text);
  if (want === undefined) return `CONTRIBUTING.md has no <!-- units:start … ${END} section`;
  return want === text ? undefined : 'CONTRIBUTING.md: the unit tables are out of date with src/units/';
}

/** Rewrites the generated section of CONTRIBUTING.md. */
export function writeUnitDocs(file = CONTRIBUTING): void {
  const want = replaced(readFileSync(file, 'utf8'));
  if (want !== undefined) writeFileSync(file, want);
}
