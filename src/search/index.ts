/** The search index the site ships (built once at build time) and loads on the home page. */
import MiniSearch from 'minisearch';
import { SEARCH_OPTIONS, type SearchDoc } from './options';

/** Serialised index of the documents, as src/pages/search-index.json.ts serves it. */
export function buildSearchIndex(docs: readonly SearchDoc[]): string {
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll(docs);
  return JSON.stringify(index);
}

/** The index back from its JSON, with the same options (the tokenizer is code, not data). */
export const loadSearchIndex = (json: string) => MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
