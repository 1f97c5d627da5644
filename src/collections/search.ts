/** A collection as search finds it (src/search): id `collections/<id>`, the page /collections/<id>/. */
import type { Collection } from '../schema/collection';
import type { SearchDoc } from '../search/options';

/** `titles`: each member's title by id, so a search for a calculator's name also finds its collections. */
export function collectionDoc(id: string, c: Collection, titles: Readonly<Record<string, string>>): SearchDoc {
  return {
    id: `collections/${id}`,
    title: c.title,
    short: c.short ?? '',
    summary: c.summary,
    synonyms: ['collection', ...c.synonyms].join(', '),
    outputs: c.members.map((m) => titles[m.id] ?? m.id).join(', '),
    specialties: c.specialties,
    purpose: [],
    superseded: false,
    collection: true,
  };
}
