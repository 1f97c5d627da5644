/**
 * Typed values kept across a reload (an accidental refresh, or "Reload" to a new version) in this
 * tab's sessionStorage only: the browser deletes it when the tab closes, and it is never sent
 * anywhere. Never localStorage, never a cookie. The form's Clear button forgets them at once.
 */

import { createEffect, onCleanup } from 'solid-js';
import type { Calculator } from '../schema';
import { FormStateSchema, initialText, type Form, type FormState } from './form-state';
import { readStored } from './prefs';

const key = (id: string) => `bedside:values:${id}`;

/** The values kept for a calculator, if any (and if storage is available at all). */
export function loadKept(id: string): FormState | undefined {
  // Storage disabled, or a value of the wrong shape (dropped): the form just starts empty.
  try {
    return readStored<FormState | undefined>(sessionStorage, key(id), FormStateSchema, undefined);
  } catch {
    return undefined; // no sessionStorage at all
  }
}

export function saveKept(id: string, values: FormState): void {
  try {
    sessionStorage.setItem(key(id), JSON.stringify(values));
  } catch {
    // Quota or disabled storage: keeping values is a convenience, never a requirement.
  }
}

export function forgetKept(id: string): void {
  try {
    sessionStorage.removeItem(key(id));
  } catch {
    // nothing was kept
  }
}

/** The kept values that still fit the definition: units it accepts, texts that differ from the start. */
export function keptFor(calc: Calculator, kept: FormState): FormState {
  const texts: Record<string, string> = {};
  const units: Record<string, string> = {};
  for (const input of calc.inputs) {
    const t = kept.texts[input.id];
    const u = kept.units[input.id];
    if (input.type === 'number' && typeof u === 'string' && [input.unit, ...input.units].includes(u)) units[input.id] = u;
    if (typeof t === 'string' && t !== initialText(input)) texts[input.id] = t;
  }
  return { texts, units };
}

/**
 * Keeps the form's values for this tab while it is used; call it once the page is mounted (it
 * listens to the page). Written a moment after typing stops (not on every keystroke) and at once
 * when the page is hidden or unloaded (reload, "Reload" to a new version, tab switch); forgotten
 * as soon as the form is back to its start (and by forgetKept, the Clear button).
 */
export function createKeptValues(id: string, form: Form, delayMs = 300): void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (pending === undefined) return;
    clearTimeout(pending);
    pending = undefined;
    saveKept(id, form.snapshot());
  };
  const onHide = () => document.visibilityState === 'hidden' && flush();
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHide);
  onCleanup(() => {
    flush();
    removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHide);
  });
  createEffect(() => {
    const changed = form.changed();
    form.snapshot(); // track units too
    clearTimeout(pending);
    if (changed) pending = setTimeout(flush, delayMs);
    else {
      pending = undefined;
      forgetKept(id);
    }
  });
}
