/**
 * `npm run bench -- --only=parse`: the value parser's cost against input length (issue 15, finding 5).
 * For each hostile shape and length, the median time of readValue (which refuses anything over
 * MAX_INPUT_LENGTH before any regular expression runs) and of the number patterns themselves run
 * without the bound (they are linear: doubling the length about doubles the time). No browser needed.
 */
import { MAX_INPUT_LENGTH, parseDecimal, readValue, splitUnit } from '../src/runtime/values.ts';

const input = { id: 'weight', label: 'Weight', type: 'number', unit: 'kg', units: ['lb'], limits: [1, 400], typical: [30, 150] };
const SHAPES = {
  'digits+x': (n) => `${'1'.repeat(n)}x`,
  '1+spaces+x': (n) => `1${' '.repeat(n)}x`,
};
// The patterns parseDecimal and splitUnit use, without the length bound in front of them.
const PATTERNS = { decimal: /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i, split: /^([-+]?[\d.,]+(?:e[-+]?\d+)?)\s*(.*)$/is };

function median(f, reps) {
  const t = [];
  for (let k = 0; k < reps; k++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[reps >> 1];
}

/** Rows of { shape, length, readValueMs, decimalMs, splitMs }. */
export function parseCost(lengths = [10, 1_000, 10_000, 100_000, 200_000, 1_000_000]) {
  // Warm the JIT and check the parser still parses.
  for (let k = 0; k < 1000; k++) if (parseDecimal('70.5') !== 70.5 || splitUnit('70 kg').unit !== 'kg') throw new Error('parser broken');
  const rows = [];
  for (const [shape, make] of Object.entries(SHAPES))
    for (const n of lengths) {
      const text = make(n);
      const reps = n >= 100_000 ? 5 : 21;
      rows.push({
        shape,
        length: text.length,
        readValueMs: median(() => readValue(input, text), reps),
        decimalMs: median(() => PATTERNS.decimal.test(text.trim()), reps),
        splitMs: median(() => PATTERNS.split.exec(text.trim()), reps),
      });
    }
  return rows;
}

/** The table printed by npm run bench. */
export function parseTable(rows) {
  const f = (ms) => (ms < 0.01 ? '<0.01' : ms.toFixed(2));
  return [
    `Value parser cost (bound: ${MAX_INPUT_LENGTH} characters; ms, median)`,
    '| shape | length | readValue | decimal pattern, unbounded | unit split, unbounded |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.shape} | ${r.length} | ${f(r.readValueMs)} | ${f(r.decimalMs)} | ${f(r.splitMs)} |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(parseTable(parseCost()));
