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
  };
}
