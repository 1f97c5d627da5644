/**
 * The evidence behind each calculator, for the verification page and each page's header (build time
 * only): its worked examples (cases.yaml, run through the shipped model by `npm test`), the rows of
 * MedCalc-Bench Verified its model agrees with (test/conformance/by-calculator.json, written by
 * `npm run conformance` and kept in sync by test/conformance.test.ts), its model's sha256 and its
 * review status.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CasesSchema, type Case } from '../schema';
import { readYaml } from '../definitions/yaml';
import { CALCULATORS_DIR } from '../definitions/ids';
export { reviewStatus } from '../format/review';
import conformance from '../../test/conformance/by-calculator.json';

/** One benchmark calculator's agreement with ours. */
export interface ExternalCheck {
  bench: number;
  name: string;
  rows: number;
  agree: number;
  explained: number;
}

/** What a calculator was checked against. */
export interface Evidence {
  examples: Pick<Case, 'name' | 'source'>[];
  /** Worked examples whose source says they were computed by hand from the reference. */
  handComputed: number;
  external: ExternalCheck[];
  /** Benchmark rows that agree, over all benchmark calculators mapped to this one. */
  externalAgree: number;
  externalRows: number;
}

const HAND = /hand[- ]?computed|computed by hand/i;

/** The worked examples of a calculator, as its cases.yaml lists them (none if it cannot be read). */
function examplesOf(id: string): Case[] {
  const file = join(CALCULATORS_DIR, id, 'cases.yaml');
  if (!existsSync(file)) return [];
  const parsed = CasesSchema.safeParse(readYaml(file, readFileSync(file, 'utf8')).data);
  return parsed.success ? parsed.data : [];
}

export function evidenceOf(id: string): Evidence {
  const examples = examplesOf(id).map(({ name, source }) => ({ name, source }));
  const external = (conformance as Record<string, ExternalCheck[]>)[id] ?? [];
  return {
    examples,
    handComputed: examples.filter((e) => HAND.test(e.source)).length,
    external,
    externalAgree: external.reduce((n, e) => n + e.agree, 0),
    externalRows: external.reduce((n, e) => n + e.rows, 0),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Checked against 12 worked examples and 20 external rows", as the header and the note say it. */
export function evidenceSummary(e: Evidence): string {
  const ex = plural(e.examples.length, 'worked example');
  return e.externalAgree ? `Checked against ${ex} and ${plural(e.externalAgree, 'external row')}` : `Checked against ${ex}`;
}
