/**
 * The form's side of the patient context (src/context/): on opening, empty fields whose concept the
 * context holds are pre-filled and marked as carried over (from which calculator or pasted line, how
 * long ago); values the user enters here go into the context for the next calculator. A pasted
 * report fills the context and the empty (or still carried) fields of this form. The user's own
 * typing always wins: a typed field is never overwritten.
 *
 * Storage is this tab's sessionStorage only (see src/context/patient.ts); nothing is sent anywhere.
 */
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import { clearContext, putEntries, readContext, type ContextEntry, type PatientContext } from '../context/patient';
import { entriesFromPaste, entryOf, prefillFor, type Prefill } from '../context/prefill';
import type { PasteResult } from '../paste/parse';
import type { Calculator } from '../schema';
import { initialText, type Form } from './form-state';

/** How long typing must pause before a value goes into the context. */
const SETTLE_MS = 600;

const session = (): Storage | undefined => {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
};

export interface PatientContextState {
  /** The context as last read or written. */
  context: Accessor<PatientContext | undefined>;
  /** Fields filled from the context and not changed since (input id → where from). */
  carried: Accessor<Record<string, Prefill>>;
  /** Fills empty fields from the context (on opening, after a paste or another tab's change). */
  fill(): void;
  /** A paste read on the device: its values go into the context and fill this form's empty fields. */
  usePaste(r: PasteResult): void;
  /** "New patient": forgets the context and clears the fields it filled. */
  newPatient(): void;
}

export function createPatientContext(
  calc: Calculator,
  form: Form,
  from: { id: string; title: string },
  enabled: () => boolean = () => true,
): PatientContextState {
  const [context, setContext] = createSignal<PatientContext | undefined>(undefined);
  const [carried, setCarried] = createSignal<Record<string, Prefill>>({});
  const now = () => Date.now();

  const reread = () => {
    const s = session();
    setContext(s ? readContext(s, now()) : undefined);
    return context();
  };

  const fill = () => {
    if (!enabled()) return;
    const ctx = reread();
    const fills = prefillFor(calc, ctx);
    const next = { ...carried() };
    for (const input of calc.inputs) {
      const p = fills[input.id];
      if (!p) continue;
      const text = form.texts[input.id];
      // Only untouched fields, or fields still showing an earlier carried value: typing always wins.
      const untouched = text === initialText(input) && !form.touched[input.id];
      const stillCarried = next[input.id] && next[input.id].text === text;
      if (!untouched && !stillCarried) continue;
      form.restore({ texts: { [input.id]: p.text }, ...(p.unit ? { units: { [input.id]: p.unit } } : {}) }, true);
      next[input.id] = p;
    }
    setCarried(next);
  };

  // Values entered here go into the context once typing settles.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const record = () => {
    const s = session();
    if (!s || !enabled()) return;
    const entries: Record<string, ContextEntry> = {};
    const c = carried();
    const held = readContext(s, now())?.entries ?? {};
    for (const input of calc.inputs) {
      const text = form.texts[input.id];
      if (c[input.id] && c[input.id].text === text) continue; // carried, not entered here
      const e = entryOf(input, text, form.units[input.id] || undefined, form.field(input.id), from, now());
      // Unchanged values keep the time they were entered.
      const old = e && held[e.concept];
      if (e && !(old && old.text === e.entry.text && old.unit === e.entry.unit && old.sex === e.entry.sex && old.from.id === from.id))
        entries[e.concept] = e.entry;
    }
    if (Object.keys(entries).length) setContext(putEntries(s, entries, now()));
  };
  createEffect(
    on(
      () => calc.inputs.map((i) => `${form.texts[i.id]}\u0000${form.units[i.id]}`).join('\u0001'),
      () => {
        // A field changed away from its carried value is the user's own now.
        const c = carried();
        const left = Object.fromEntries(Object.entries(c).filter(([id, p]) => form.texts[id] === p.text));
        if (Object.keys(left).length !== Object.keys(c).length) setCarried(left);
        clearTimeout(timer);
        timer = setTimeout(record, SETTLE_MS);
      },
      { defer: true },
    ),
  );
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
      record();
    }
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flush);
    onCleanup(() => window.removeEventListener('pagehide', flush));
  }
  onCleanup(() => clearTimeout(timer));

  return {
    context,
    carried,
    fill,
    usePaste(r) {
      const s = session();
      if (!s || !enabled()) return;
      const entries = entriesFromPaste(r.readings, now());
      if (Object.keys(entries).length) setContext(putEntries(s, entries, now()));
      fill();
    },
    newPatient() {
      const s = session();
      if (s) clearContext(s);
      const c = carried();
      for (const id of Object.keys(c)) {
        const input = calc.inputs.find((i) => i.id === id);
        if (input && form.texts[id] === c[id].text) form.restore({ texts: { [id]: initialText(input) } });
      }
      setCarried({});
      setContext(undefined);
    },
  };
}
