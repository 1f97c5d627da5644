/**
 * Runs every MedCalc-Bench Verified row through our ONNX models, scored the benchmark's way.
 * Used by `npm run conformance` (prints and writes CONFORMANCE.md) and by test/conformance.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../../src/definitions/load';
import { modelRef } from '../../src/definitions/models';
import { readAll } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';
import type { BenchRow, Mapping } from './types';

const HERE = join(process.cwd(), 'test/conformance');

export const rows = (): BenchRow[] =>
  readFileSync(join(HERE, 'medcalc-bench-verified/test.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

interface KnownIssue {
  row_number: number;
  kind: string;
  note: string;
  faithful_expected: unknown;
}
export const knownIssues = (): Map<number, KnownIssue> =>
  new Map((JSON.parse(readFileSync(join(HERE, 'medcalc-bench-verified/known_issues.json'), 'utf8')) as KnownIssue[]).map((k) => [k.row_number, k]));

export async function loadMappings(): Promise<Mapping[]> {
  const files = readdirSync(join(HERE, 'mappings'))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const all: Mapping[] = [];
  for (const f of files) all.push(...((await import(join(HERE, 'mappings', f))).default as Mapping[]));
  return all;
}

/** The outcome of one row. */
export interface RowResult {
  row: BenchRow;
  mapping?: Mapping;
  ours?: number | string | string[];
  agree: boolean;
  /** Why we disagree: refused input, a documented benchmark label bug, or a documented clinical reason. */
  reason?: string;
  /** The disagreement is explained (label bug or documented clinical reason). */
  explained: boolean;
}

const EXACT = (cat: string) => !['lab test', 'physical', 'dosage'].includes(cat);

/** Scores one answer the benchmark's way. */
export function scores(row: BenchRow, ours: number | string | string[]): boolean {
  if (Array.isArray(row.ground_truth)) return JSON.stringify(ours) === JSON.stringify(row.ground_truth);
  if (typeof row.ground_truth === 'string') return ours === row.ground_truth;
  if (typeof ours !== 'number') return false;
  if (EXACT(row.category)) return Math.round(ours) === Math.round(row.ground_truth);
  const [lo, hi] = [Number(row.lower_limit), Number(row.upper_limit)].sort((a, b) => a - b);
  return ours >= lo && ours <= hi;
}

export async function runConformance(): Promise<RowResult[]> {
  const { entries } = loadCatalog();
  const mappings = await loadMappings();
  const known = knownIssues();
  const runner = nodeRunner();
  const results: RowResult[] = [];
  const byBench = new Map(mappings.map((m) => [m.benchId, m]));
  const all = rows();
  const groups = new Map<number, BenchRow[]>();
  for (const r of all) groups.set(r.calculator_id, [...(groups.get(r.calculator_id) ?? []), r]);
  for (const [benchId, group] of groups) {
    const mapping = byBench.get(benchId);
    const entry = mapping && entries.find((e) => e.id === mapping.calculator);
    if (!mapping || !entry) {
      for (const row of group)
        results.push({
          row,
          agree: false,
          explained: false,
          reason: mapping ? `calculator ${mapping.calculator} does not exist yet` : 'no calculator mapped yet',
        });
      continue;
    }
    const model = modelRef(entry.id);
    for (const row of group) {
      const k = known.get(row.row_number);
      let ours: RowResult['ours'];
      let reason: string | undefined;
      try {
        const { fields, values, ok } = readAll(entry.calc, mapping.inputs(row.relevant_entities, row) as Record<string, string | number | boolean>);
        if (!ok) {
          reason = `our calculator refuses the input: ${Object.entries(fields)
            .filter(([, f]) => f.status === 'error' || f.status === 'empty')
            .map(([id, f]) => `${id}: ${(f as { message: string }).message}`)
            .join('; ')}`;
        } else {
          const out = await runner.run(model, Object.fromEntries(entry.calc.inputs.map((i) => [i.id, Float64Array.of(values[i.id])])));
          const flat = Object.fromEntries(Object.entries(out).map(([n, v]) => [n, v[0]]));
          ours = mapping.answer ? mapping.answer(flat[mapping.output], flat) : flat[mapping.output];
        }
      } catch (e) {
        reason = `mapping failed: ${(e as Error).message}`;
      }
      const agree = ours !== undefined && scores(row, ours);
      if (!agree && !reason) {
        if (k?.kind === 'gt_implementation_bug') reason = `benchmark label bug: ${k.note}`;
        else if (mapping.explain?.[row.row_number]) reason = mapping.explain[row.row_number];
        else if (k) reason = `flagged by the benchmark maintainers (${k.kind}): ${k.note}`;
      }
      results.push({
        row,
        mapping,
        ours,
        agree,
        reason,
        explained: !agree && !!reason && (k?.kind === 'gt_implementation_bug' || !!mapping.explain?.[row.row_number] || !!k),
      });
    }
  }
  return results;
}

/** Agreement per benchmark calculator: { benchId: rows agreeing }. */
export function agreement(results: RowResult[]): Record<number, { name: string; rows: number; agree: number; explained: number }> {
  const t: Record<number, { name: string; rows: number; agree: number; explained: number }> = {};
  for (const r of results) {
    const x = (t[r.row.calculator_id] ??= { name: r.row.calculator_name, rows: 0, agree: 0, explained: 0 });
    x.rows++;
    if (r.agree) x.agree++;
    else if (r.explained) x.explained++;
  }
  return t;
}

/** One benchmark calculator's figures for one of our calculators, as the verification page lists them. */
export interface CalculatorConformance {
  bench: number;
  name: string;
  rows: number;
  agree: number;
  explained: number;
}

/**
 * Agreement grouped by our calculator id (test/conformance/by-calculator.json, read by the
 * verification page); a calculator mapped from several benchmark calculators (QTc, anion gap) lists each.
 */
export function byCalculator(results: RowResult[]): Record<string, CalculatorConformance[]> {
  const table = agreement(results);
  const out: Record<string, CalculatorConformance[]> = {};
  for (const [bench, t] of Object.entries(table)) {
    const id = results.find((r) => r.row.calculator_id === Number(bench))?.mapping?.calculator;
    if (id) (out[id] ??= []).push({ bench: Number(bench), ...t });
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
