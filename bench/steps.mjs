/** What the bench types into a calculator: a worked example, then keystrokes that change the result. */
import { checkOutputs } from '../src/compiler/check.ts';
import { evaluateAll } from '../src/compiler/evaluate.ts';
import { readAll } from '../src/runtime/calculate.ts';
import { splitUnit } from '../src/runtime/values.ts';

/** The form actions that enter a case, as a clinician would (unit first, then the number). */
export function fillActions(entry, c = entry.cases[0]) {
  const actions = [];
  for (const input of entry.calc.inputs) {
    const raw = c.inputs[input.id];
    if (raw === undefined) continue;
    if (input.type === 'number') {
      const { number, unit } = typeof raw === 'string' ? splitUnit(raw) : { number: String(raw), unit: undefined };
      if (unit && unit !== input.unit) actions.push({ kind: 'unit', id: `in-${input.id}`, unit });
      actions.push({ kind: 'text', id: `in-${input.id}`, value: number });
    } else if (input.type === 'date') {
      actions.push({ kind: 'text', id: `in-${input.id}`, value: String(raw) });
    } else if (input.type === 'yesno') {
      actions.push({ kind: 'radio', name: input.id, value: ['yes', 'true', '1', 'present'].includes(String(raw).toLowerCase()) ? '1' : '0' });
    } else {
      const o = input.options.find((x) => String(x.value) === String(raw) || x.label.toLowerCase() === String(raw).toLowerCase());
      actions.push({ kind: 'radio', name: input.id, value: String(o.value) });
    }
  }
  return actions;
}

/**
 * Keystrokes that each change the result: a points score toggles its criteria one after another;
 * a formula sweeps one number input up and down its typical range — the input whose sweep changes
 * the shown result (every output at its decimals) most often from the worked example, found with the
 * reference evaluator (src/compiler/evaluate.ts), so a score computed from numbers (APACHE II) is
 * swept through its point thresholds and not along an input the example does not use.
 */
export function keySteps(entry, c = entry.cases[0]) {
  const inputs = entry.calc.inputs;
  const scored = inputs.filter((i) => (i.type === 'yesno' && i.points) || (i.type === 'choice' && i.options.some((o) => o.points)));
  if (scored.length) {
    const yesno = scored.filter((i) => i.type === 'yesno');
    const cycle = yesno.length
      ? [...yesno.map((i) => ({ kind: 'radio', name: i.id, value: '1' })), ...yesno.map((i) => ({ kind: 'radio', name: i.id, value: '0' }))]
      : scored.flatMap((i) => i.options.map((o) => ({ kind: 'radio', name: i.id, value: String(o.value) })));
    return { prefix: [], cycle };
  }
  const { outputs } = checkOutputs(entry.calc);
  const base = readAll(entry.calc, c.inputs).values;
  const shown = (values) => {
    const all = evaluateAll(outputs, values);
    return entry.calc.outputs.map((o) => (Number.isFinite(all[o.id]) ? all[o.id].toFixed(o.decimals ?? 0) : '—')).join('|');
  };
  let best;
  for (const i of inputs.filter((x) => x.type === 'number')) {
    const values = sweep(i);
    const cycle = [...values, ...values.slice(1, -1).reverse()];
    let changes = 0;
    let before = shown({ ...base, [i.id]: Number(cycle[cycle.length - 1]) });
    for (const v of cycle) {
      const now = shown({ ...base, [i.id]: Number(v) });
      if (now !== before) changes++;
      before = now;
    }
    if (!best || changes > best.changes) best = { input: i, cycle, changes };
  }
  const i = best.input;
  return {
    prefix: i.units.length ? [{ kind: 'unit', id: `in-${i.id}`, unit: i.unit }] : [],
    cycle: best.cycle.map((v) => ({ kind: 'text', id: `in-${i.id}`, value: String(Number(v)) })),
  };
}

/** 40 values across an input's typical range (geometric when it spans orders of magnitude), at its decimals. */
function sweep(i) {
  const [lo, hi] = [Math.max(i.typical[0], i.limits[0]), Math.min(i.typical[1], i.limits[1])];
  const d = i.decimals ?? 1;
  const geometric = lo > 0 && hi / lo > 10;
  const at = (k) => (geometric ? lo * (hi / lo) ** (k / 39) : lo + ((hi - lo) * k) / 39);
  return [...new Set(Array.from({ length: 40 }, (_, k) => at(k).toFixed(d)))];
}
