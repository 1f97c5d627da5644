/** Shared by the unit tests: small definitions built in code, and compiling + running them through ORT. */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { compileCalculator } from '../src/compiler/compile';
import { nodeRunner } from '../src/runtime/node';
import type { ModelRef, ModelRunner } from '../src/runtime/session';
import { CalculatorSchema, type Calculator, type CalculatorInput } from '../src/schema';

/** A definition from just its inputs/outputs/interpretation: the rest is filled with valid boilerplate. */
export function defineCalc(parts: Pick<CalculatorInput, 'inputs' | 'outputs'> & Partial<CalculatorInput>): Calculator {
  return CalculatorSchema.parse({
    title: 'Test calculator',
    summary: 'Built in a test.',
    variant: 'test',
    version: '1.0.0',
    specialties: ['testing'],
    references: [{ cite: 'Test', doi: '10.1000/test', primary: true }],
    ...parts,
  });
}

/** A plain number input with wide limits, in a unit-less unit. */
export const numberInput = (id: string, limits: [number, number] = [-1e9, 1e9]) =>
  ({ id, label: id, type: 'number', unit: 'ratio', limits, typical: limits }) as const;

const dir = mkdtempSync(join(tmpdir(), 'bedside-test-'));

/** Compiles a definition to a temporary .onnx file; returns its bytes and a ModelRef for the runtime. */
export function compileToFile(id: string, calc: Calculator): { bytes: Uint8Array; ref: ModelRef } {
  const { bytes, entry, problems } = compileCalculator(id, calc);
  if (problems.length || !bytes || !entry) throw new Error(`does not compile: ${JSON.stringify(problems)}`);
  const url = join(dir, `${id}-${entry.sha256.slice(0, 12)}.onnx`);
  writeFileSync(url, bytes);
  return { bytes, ref: { id, url, sha256: entry.sha256, inputs: entry.inputs, outputs: entry.outputs } };
}

/** Rows of values -> one Float64Array per input, as ModelRunner.run takes them. */
export function toFeeds(inputIds: string[], rows: Record<string, number>[]): Record<string, Float64Array> {
  return Object.fromEntries(inputIds.map((id) => [id, Float64Array.from(rows, (r) => r[id])]));
}

/** Compiles and runs rows through the real ONNX model with onnxruntime-web. */
export async function runRows(
  calc: Calculator,
  rows: Record<string, number>[],
  runner: ModelRunner = nodeRunner(),
  id = 'test',
): Promise<Record<string, Float64Array>> {
  const { ref } = compileToFile(id, calc);
  return runner.run(ref, toFeeds(ref.inputs, rows));
}

/** Equal as a test of a numeric result means: both NaN, or within a relative tolerance (absolute near 0). */
export function close(actual: number, expected: number, rel = 1e-12, abs = 1e-12): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual);
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= Math.max(abs, rel * Math.max(Math.abs(actual), Math.abs(expected)));
}

/** The Web Storage interface over a Map (the browser's own is exercised end to end); `data` is the Map. */
export function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, String(v)),
    removeItem: (k: string) => void data.delete(k),
  };
}

const ROOT = join(__dirname, '..');

/** A temporary calculators/ folder holding copies of the named calculators (for the CLI and the loader). */
export function tempCatalogue(ids: readonly string[], prefix = 'bedside-catalogue-'): string {
  const calculators = join(mkdtempSync(join(tmpdir(), prefix)), 'calculators');
  mkdirSync(calculators);
  for (const id of ids) cpSync(join(ROOT, 'calculators', id), join(calculators, id), { recursive: true });
  return calculators;
}

const runFile = promisify(execFile);

/** Runs `src/cli/<script>.ts` as a user runs it, over the calculators in `dir`; never throws. */
export async function runCli(script: string, dir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await runFile(join(ROOT, 'node_modules', '.bin', 'tsx'), [`src/cli/${script}.ts`, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BEDSIDE_CALCULATORS_DIR: dir, GITHUB_ACTIONS: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout: string; stderr: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout, stderr: err.stderr };
  }
}
