/**
 * Share links keep the inputs in the URL #fragment, which browsers never send to a server:
 * #sex=1&age=50&scr=70.7umol%2FL . Pure functions, tested in vitest.
 */
import type { Calculator } from '../schema';
import { MAX_INPUT_LENGTH } from '../runtime/values';
import type { Form, FormState } from './form-state';

/**
 * The longest fragment read at all: a form's worth of values is a few hundred characters; a crafted
 * link of megabytes is ignored whole before it is parsed (issue 15, finding 5).
 */
export const MAX_FRAGMENT_LENGTH = 4096;

/** The fragment (without #) for the current form: only fields that hold something. */
export function encodeFragment(calc: Calculator, s: FormState): string {
  const p = new URLSearchParams();
  for (const i of calc.inputs) {
    const t = s.texts[i.id]?.trim();
    if (!t) continue;
    p.set(i.id, i.type === 'number' && s.units[i.id] !== i.unit ? `${t}${s.units[i.id]}` : t);
  }
  return p.toString();
}

/** Form values from a fragment; unknown names and units are ignored, never trusted. */
export function decodeFragment(calc: Calculator, fragment: string): FormState {
  const texts: Record<string, string> = {};
  const units: Record<string, string> = {};
  if (fragment.length > MAX_FRAGMENT_LENGTH) return { texts, units };
  const p = new URLSearchParams(fragment.replace(/^#/, ''));
  for (const i of calc.inputs) {
    const raw = p.get(i.id);
    // A value longer than any real one is dropped, not shown: the field stays empty.
    if (raw === null || raw.length > MAX_INPUT_LENGTH) continue;
    if (i.type === 'number') {
      const unit = [...i.units].sort((a, b) => b.length - a.length).find((u) => raw.endsWith(u));
      texts[i.id] = unit ? raw.slice(0, -unit.length) : raw;
      units[i.id] = unit ?? i.unit;
    } else if (i.type === 'choice') {
      if (i.options.some((o) => String(o.value) === raw)) texts[i.id] = raw;
    } else if (i.type === 'yesno') {
      if (raw === '0' || raw === '1') texts[i.id] = raw;
    } else texts[i.id] = raw;
  }
  return { texts, units };
}

export interface Share {
  /** Whether anything is entered to share. */
  canShare(): boolean;
  /** The #fragment for the current inputs (built when shared, not on every keystroke). */
  fragment(): string;
  /** The values of the page's own #fragment, if it has one. */
  fromLocation(): FormState | undefined;
  /** Removes the fragment from the address (Clear), without a navigation. */
  clearLocation(): void;
}

export function createShare(calc: Calculator, form: Form): Share {
  return {
    canShare: () => calc.inputs.some((i) => form.texts[i.id]?.trim()),
    fragment: () => encodeFragment(calc, form),
    fromLocation: () => (location.hash.length > 1 ? decodeFragment(calc, location.hash) : undefined),
    clearLocation() {
      if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    },
  };
}
