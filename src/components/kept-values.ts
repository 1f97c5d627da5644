/**
 * Typed values kept across a reload (an accidental refresh, or "Reload" to a new version) in this
 * tab's sessionStorage only: the browser deletes it when the tab closes, and it is never sent
 * anywhere. Never localStorage, never a cookie. The form's Clear button forgets them at once.
 */

/** What one calculator form remembers: the text of each field and the unit chosen for it. */
export interface KeptValues {
  texts: Record<string, string>;
  units: Record<string, string>;
}

const key = (id: string) => `bedside:values:${id}`;

/** The values kept for a calculator, if any (and if storage is available at all). */
export function loadKept(id: string): KeptValues | undefined {
  try {
    const raw = sessionStorage.getItem(key(id));
    const v = raw ? (JSON.parse(raw) as Partial<KeptValues>) : undefined;
    return v && typeof v.texts === 'object' && typeof v.units === 'object' ? { texts: v.texts ?? {}, units: v.units ?? {} } : undefined;
  } catch {
    return undefined; // storage disabled (private mode, policy): the form just starts empty
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
