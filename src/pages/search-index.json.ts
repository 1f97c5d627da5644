/** The search index, built once at build time and served as a static file (precached for offline). */
import { getCollection } from 'astro:content';
import { indexDoc } from '../search/doc';
import { buildSearchIndex } from '../search/index';
import { collectionDoc } from '../collections/search';

export async function GET() {
  const calculators = await getCollection('calculators');
  const titles = Object.fromEntries(calculators.map((c) => [c.id, c.data.short ?? c.data.title]));
  const docs = [...calculators.map((c) => indexDoc(c.id, c.data)), ...(await getCollection('collections')).map((c) => collectionDoc(c.id, c.data, titles))];
  return new Response(buildSearchIndex(docs), { headers: { 'Content-Type': 'application/json' } });
}
