/** The search index, built once at build time and served as a static file (precached for offline). */
import { getCollection } from 'astro:content';
import MiniSearch from 'minisearch';
import { searchDoc } from '../search/doc';
import { SEARCH_OPTIONS } from '../search/options';

export async function GET() {
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll((await getCollection('calculators')).map((c) => searchDoc(c.id, c.data)));
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
}
