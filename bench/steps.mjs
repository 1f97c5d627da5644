/** What the bench types into a calculator: a worked example, then keystrokes that change the result. */
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
 * a formula sweeps its most variable number input up and down its typical range.
 */
export function keySteps(entry) {
  const inputs = entry.calc.inputs;
  const scored = inputs.filter((i) => (i.type === 'yesno' && i.points) || (i.type === 'choice' && i.options.some((o) => o.points)));
  let cycle;
  let prefix = [];
  if (scored.length) {
    const yesno = scored.filter((i) => i.type === 'yesno');
    cycle = yesno.length
      ? [...yesno.map((i) => ({ kind: 'radio', name: i.id, value: '1' })), ...yesno.map((i) => ({ kind: 'radio', name: i.id, value: '0' }))]
      : scored.flatMap((i) => i.options.map((o) => ({ kind: 'radio', name: i.id, value: String(o.value) })));
  } else {
    const nums = inputs.filter((i) => i.type === 'number');
    const i = [...nums].sort((a, b) => b.typical[1] / Math.max(b.typical[0], 1e-9) - a.typical[1] / Math.max(a.typical[0], 1e-9))[0];
    const [lo, hi] = [Math.max(i.typical[0], i.limits[0], 1e-3), i.typical[1]];
    const d = i.decimals ?? 1;
    const values = [...new Set(Array.from({ length: 40 }, (_, k) => (lo * (hi / lo) ** (k / 39)).toFixed(d)))];
    cycle = [...values, ...values.slice(1, -1).reverse()].map((v) => ({ kind: 'text', id: `in-${i.id}`, value: String(Number(v)) }));
    if (i.units.length) prefix = [{ kind: 'unit', id: `in-${i.id}`, unit: i.unit }];
  }
  return { prefix, cycle };
}
