/** What the home page searches and browses, derived from the definitions at build time. */
import type { Calculator } from '../schema';
import type { SearchDoc } from './options';

export function searchDoc(id: string, calc: Calculator): SearchDoc {
  return {
    id,
    title: calc.title,
    short: calc.short ?? '',
    summary: calc.summary,
    synonyms: [id, ...calc.synonyms].join(', '),
    outputs: calc.outputs.map((o) => o.label).join(', '),
    specialties: calc.specialties,
    purpose: calc.purpose ?? [],
    superseded: calc.superseded_by !== undefined,
    ...(calc.superseded_by ? { successor: calc.superseded_by.id } : {}),
  };
}

/**
 * The document the index is built from: the search doc plus the labels of the inputs, searched only
 * for suggestions when nothing matches ("potassium": calculators that ask for it). The home page's
 * own copy of the docs (`searchDoc`) leaves them out.
 */
export function indexDoc(id: string, calc: Calculator): SearchDoc {
  return { ...searchDoc(id, calc), inputs: calc.inputs.map((i) => i.label).join(', ') };
}
