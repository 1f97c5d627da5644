import { z } from 'zod';
import { IdentifierSchema } from './common';

/**
 * One row of a points-by-range table. Rows are listed from the lowest values up; a row holds from its
 * lower edge up to the next row's edge. The first row has no edge (everything below the second row).
 * `from: 2.0` is "2.0 or more" (>=), `above: 440` is "more than 440" (>), exactly as the paper prints it.
 */
export const TableRowSchema = z
  .object({
    /** Inclusive lower edge: the row holds values >= from. */
    from: z.number().optional(),
    /** Exclusive lower edge: the row holds values > above. */
    above: z.number().optional(),
    /** Points (or value) the row scores. */
    points: z.number(),
    /** The range as the source prints it, e.g. "171–299"; generated from the edges when omitted. */
    label: z.string().min(1).optional(),
  })
  .strict()
  .refine((r) => r.from === undefined || r.above === undefined, { message: 'a row has one lower edge: `from` (>=) or `above` (>), not both' });

/** Unit symbol -> value of a single cut-off, as the source prints it in that unit. */
const CutoffSchema = z.record(z.string(), z.number());

/**
 * A named table over one number input: the points a value scores, declared per unit exactly as the
 * source prints each column (a published µmol/L cut-off is a cut-off in µmol/L, not a conversion of
 * the mg/dL one). Formulas use the table by its id; `points: all` sums every table. A value typed in
 * a unit the table has a column for is scored on that column, as typed; any other unit is converted
 * to the input's canonical unit and scored on the canonical column.
 *
 * A single criterion is written with one of `above`, `from`, `below`, `upto` (1 when it holds, else 0):
 * `{ id: cr_high, input: scr, above: { mg/dL: 2.0, umol/L: 177 } }`.
 */
export const TableSchema = z
  .object({
    /** Name of the table's value in formulas, e.g. `cr_pts`. */
    id: IdentifierSchema,
    /** The number input it scores (or whose unit `of` is expressed in). */
    input: IdentifierSchema,
    /**
     * A value computed from the inputs, in the unit of `input`, scored instead of the input itself,
     * e.g. the PaO₂/FiO₂ ratio `pao2 / (fio2 / 100)` (mmHg or kPa, as PaO₂ was typed). Each column scores
     * it computed from `input` as typed in that column's unit, so a kPa cut-off meets a kPa ratio.
     */
    of: z.string().min(1).optional(),
    /** What is scored, shown beside the field and in "scored", e.g. "Creatinine"; default: the input's label. */
    label: z.string().min(1).optional(),
    /** Rows per unit symbol (the input's `unit` and any of its `units`), lowest values first. */
    rows: z.record(z.string(), z.array(TableRowSchema).min(2)).optional(),
    /** Criterion: value > cut-off, per unit. */
    above: CutoffSchema.optional(),
    /** Criterion: value >= cut-off, per unit. */
    from: CutoffSchema.optional(),
    /** Criterion: value < cut-off, per unit. */
    below: CutoffSchema.optional(),
    /** Criterion: value <= cut-off, per unit. */
    upto: CutoffSchema.optional(),
    /**
     * Units whose column the source prints. A column the source does not print was converted by the
     * author with a conventional factor: name it in `conversion`.
     */
    printed: z.array(z.string()).min(1),
    /** How columns not in `printed` were derived, e.g. "µmol/L = mg/dL × 88.4 (conventional factor)". */
    conversion: z.string().min(1).optional(),
  })
  .strict()
  .refine((t) => [t.rows, t.above, t.from, t.below, t.upto].filter((x) => x !== undefined).length === 1, {
    message: 'a table needs exactly one of `rows` (points by range) or a criterion `above`, `from`, `below` or `upto`',
  });

export type TableRow = z.infer<typeof TableRowSchema>;
export type Table = z.infer<typeof TableSchema>;

/** The criterion forms of a table, in the order they are tried. */
export const CRITERIA = ['above', 'from', 'below', 'upto'] as const;

/** The rows of a table per unit, with criteria expanded (1 where the criterion holds, else 0). */
export function tableRows(t: Table): Record<string, TableRow[]> {
  if (t.rows) return t.rows;
  const out: Record<string, TableRow[]> = {};
  for (const kind of CRITERIA) {
    const cut = t[kind];
    if (!cut) continue;
    for (const [unit, v] of Object.entries(cut))
      out[unit] =
        kind === 'above'
          ? [{ points: 0 }, { above: v, points: 1 }]
          : kind === 'from'
            ? [{ points: 0 }, { from: v, points: 1 }]
            : kind === 'below'
              ? [{ points: 1 }, { from: v, points: 0 }]
              : [{ points: 1 }, { above: v, points: 0 }];
  }
  return out;
}

/** Decimals written in a number (2.0 is written 2 in YAML; the column's largest count is used). */
const decimalsOf = (v: number) => (Number.isInteger(v) ? 0 : (String(v).split('.')[1]?.length ?? 0));

/** The number of decimals a column prints: the most any of its edges has. */
export const columnDecimals = (rows: readonly TableRow[]) => Math.max(0, ...rows.map((r) => decimalsOf(r.from ?? r.above ?? 0)));

/**
 * The range of each row as a clinician reads it: "< 0.6", "0.6–1.4", "> 440". An author's `label` wins.
 * Between two `from` edges the upper end is the next edge less one step of the column's decimals
 * (from 1.5 to from 2.0 is "1.5–1.9"), as sources print them.
 */
export function rowLabels(rows: readonly TableRow[]): string[] {
  const d = columnDecimals(rows);
  const f = (v: number) => v.toFixed(d).replace('-', '−');
  const step = 10 ** -d;
  return rows.map((r, j) => {
    if (r.label) return r.label;
    const next = rows[j + 1];
    const lo = r.from ?? r.above;
    if (lo === undefined) return next.from !== undefined ? `< ${f(next.from)}` : `≤ ${f(next.above!)}`;
    if (!next) return r.from !== undefined ? `≥ ${f(lo)}` : `> ${f(lo)}`;
    const hi = next.from !== undefined ? Number((next.from - step).toFixed(d)) : next.above!;
    if (r.above !== undefined) return next.from !== undefined ? `> ${f(lo)} and < ${f(next.from)}` : `> ${f(lo)}–${f(hi)}`;
    return hi === lo ? f(lo) : `${f(lo)}–${f(hi)}`;
  });
}
