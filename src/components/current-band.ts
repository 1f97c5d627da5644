/**
 * Marks the patient's current band in the page's static interpretation table (Interpretation.astro):
 * each band there carries `data-band-of` (its output) and `data-band-index`; the band the model
 * chose gets `aria-current="true"`, a ring and a visible "This patient:" label. No result, no mark.
 */
import { isServer } from 'solid-js/web';
import type { OutputResult } from '../runtime/calculate';
import type { Calculator } from '../schema';

export function markCurrentBands(calc: Pick<Calculator, 'interpretation'>, results: readonly OutputResult[] | undefined): void {
  if (isServer) return;
  for (const li of document.querySelectorAll<HTMLElement>('[data-band-of]')) {
    const r = results?.find((x) => x.id === li.dataset.bandOf);
    const bands = calc.interpretation.find((it) => it.output === r?.id)?.bands;
    const current = !!r?.band && bands?.indexOf(r.band) === Number(li.dataset.bandIndex);
    if (current) li.setAttribute('aria-current', 'true');
    else li.removeAttribute('aria-current');
    const mark = li.querySelector<HTMLElement>('[data-current-mark]');
    if (mark) mark.hidden = !current;
  }
}
