/** The search index, built once at build time and served as a static file (precached for offline). */
import { getCollection } from 'astro:content';
import { indexDoc } from '../search/doc';
import { buildSearchIndex } from '../search/index';

export async function GET() {
  const docs = (await getCollection('calculators')).map((c) => indexDoc(c.id, c.data));
  return new Response(buildSearchIndex(docs), { headers: { 'Content-Type': 'application/json' } });
}
