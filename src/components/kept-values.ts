/**
 * Typed values kept across a reload (an accidental refresh, or "Reload" to a new version) in this
 * tab's sessionStorage only: the browser deletes it when the tab closes, and it is never sent
 * anywhere. Never localStorage, never a cookie. The form's Clear button forgets them at once.
 */

import { z } from 'zod';
import { readStored } from './prefs';

/** A field's text as kept: bounded like typed input (src/runtime/values.ts MAX_INPUT_LENGTH). */
const Text = z.string().max(200);
const Fields = z.record(z.string().max(80), Text).refine((r) => Object.keys(r).length <= 200);

/** What one calculator form remembers: the text of each field and the unit chosen for it. */
export const KeptValuesSchema = z.object({ texts: Fields, units: Fields });
export type KeptValues = z.infer<typeof KeptValuesSchema>;

const key = (id: string) => `bedside:values:${id}`;

/** The values kept for a calculator, if any (and if storage is available at all). */
export function loadKept(id: string): KeptValues | undefined {
  // Storage disabled, or a value of the wrong shape (dropped): the form just starts empty.
  try {
    return readStored<KeptValues | undefined>(sessionStorage, key(id), KeptValuesSchema, undefined);
  } catch {
    return undefined; // no sessionStorage at all
  }
}

export function saveKept(id: string, values: KeptValues): void {
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
