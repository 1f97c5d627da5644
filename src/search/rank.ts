/**
 * Search ranking over the shipped MiniSearch index, by general rules (no per-query special cases):
 *
 * 1. A query that *is* a calculator's name — its short name, id or title, with case, spaces,
 *    hyphens, sub/superscripts and accents ignored ("cha2ds2-vasc", "CHA₂DS₂-VASc") — ranks first.
 * 2. Then a query that is one of its synonyms, a synonym listed earlier before one listed later
 *    (authors list a calculator's own abbreviations first: "egfr" is CKD-EPI 2021's first synonym
 *    and MDRD's second).
 * 3. Then a name or synonym that starts with the query ("chads" → CHA₂DS₂-VA), then one a typo away
 *    ("glascow" → GCS's synonym "glasgow", before Glasgow-Blatchford, where "glasgow" is only a word).
 * 4. Then MiniSearch's relevance (BM25 over title, short name, synonyms, outputs and summary).
 * 5. A superseded calculator comes right after its successor when both match.
 *
 * Words of one or two letters ("pe", "bp") match whole words only, never as a prefix ("pe" is not
 * "pediatric"). When nothing matches, `suggest` gives the closest calculators and specialties.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { RANKED_FIELDS, type SearchDoc } from './options';

/** Lowercase letters and digits only: "CHA₂DS₂-VASc" → "cha2ds2vasc", "Ranson's" → "ransons". */
export function compact(text: string): string {
  return text
    .normalize('NFKD') // ₂ → 2, ² → 2, é → e + accent
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The names of a document, compacted: short/id/title (rule 1) and its synonyms in order (rule 2). */
function names(doc: SearchDoc): { own: string[]; synonyms: string[] } {
  return {
    own: [doc.short, doc.id, doc.title].filter(Boolean).map(compact),
    synonyms: doc.synonyms
      .split(', ')
      .slice(1) // the id, already in `own`
      .map(compact)
      .filter(Boolean),
  };
}

/** Edits (insert, delete, substitute, swap two neighbours) between a and b, or more than `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** Typos forgiven in a whole name of this length: none up to 4 characters, 1 up to 7, then 2. */
const typos = (n: number) => (n <= 4 ? 0 : n <= 7 ? 1 : 2);

const digits = (s: string) => s.replace(/\D/g, '');

/** How well a query names a document: higher is better; 0 when it names none of its names. */
export function nameTier(doc: SearchDoc, key: string): number {
  if (!key) return 0;
  const { own, synonyms } = names(doc);
  if (own.includes(key)) return 1000;
  const at = synonyms.indexOf(key);
  if (at >= 0) return 900 - at;
  const all = [...own, ...synonyms];
  if (key.length >= 3 && all.some((n) => n.startsWith(key))) return 500;
  // Typos are forgiven in letters only: "ckd-epi 2009" is not a typo of "ckd-epi 2012".
  const t = typos(key.length);
  if (t && all.some((n) => digits(n) === digits(key) && editDistance(key, n, t) <= t)) return 400;
  return 0;
}

/** MiniSearch options per query: no prefix or typo matching for words of one or two letters. */
const QUERY_OPTIONS = {
  fields: RANKED_FIELDS,
  prefix: (term: string) => term.length > 2,
  fuzzy: (term: string) => (term.length > 3 ? 0.25 : false),
} as const;

/**
 * Moves each superseded document that ranks above its successor to just after it, where the query
 * names the successor too, or neither by name (`asWell`: "meld" and "cha2ds2-vasc" are synonyms of
 * MELD 3.0 and CHA₂DS₂-VA; "ckd-epi 2009" names only the 2009 equation, which then stays first).
 */
export function successorsFirst(list: readonly SearchDoc[], asWell: (old: SearchDoc, successor: SearchDoc) => boolean = () => true): SearchDoc[] {
  const out = [...list];
  for (const doc of list) {
    if (!doc.successor) continue;
    const successor = out.find((d) => d.id === doc.successor);
    if (!successor || !asWell(doc, successor)) continue;
    const at = out.indexOf(doc);
    const s = out.findIndex((d) => d.id === doc.successor);
    if (s > at) {
      out.splice(at, 1);
      out.splice(s, 0, doc); // s shifted down by one: this lands right after the successor
    }
  }
  return out;
}

/** The documents matching a query, best first. */
export function rankDocs(index: MiniSearch<SearchDoc>, docs: readonly SearchDoc[], query: string): SearchDoc[] {
  const q = query.trim();
  if (!q) return [...docs];
  const key = compact(q);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const score = new Map<string, number>();
  const found = index.search(q, QUERY_OPTIONS).filter((r) => byId.has(r.id));
  // A typo match is offered only when nothing matches as typed ("meld" is not "mild" or "med").
  const typed = asTyped(found, false);
  for (const r of typed.length ? typed : found) score.set(r.id as string, r.score);
  // A name matched by rules 1–3 counts even where the word index split it differently (a typo of
  // a whole name only when nothing matched as typed: "meld na" is not "melena").
  const least = typed.length ? 500 : 1;
  for (const d of docs) if (!score.has(d.id) && nameTier(d, key) >= least) score.set(d.id, 0);
  const ranked = [...score.keys()]
    .map((id) => ({ doc: byId.get(id)!, tier: nameTier(byId.get(id)!, key), score: score.get(id)! }))
    .sort((a, b) => b.tier - a.tier || b.score - a.score)
    .map((r) => r.doc);
  // Kinds of match: own name 4, synonym 3, prefix 2, typo 1, words only 0.
  const kind = (d: SearchDoc) => [0, 400, 500, 800, 1000].findLastIndex((t) => nameTier(d, key) >= t);
  return successorsFirst(ranked, (old, successor) => kind(successor) > 0 || kind(old) === 0);
}

/** Results whose every (or some) word typed matched a word of the index as typed or as its prefix. */
function asTyped<T extends SearchResult>(found: T[], every: boolean): T[] {
  return found.filter((r) => {
    const typed = (qt: string) => r.terms.some((t) => t.startsWith(qt));
    return every ? r.queryTerms.every(typed) : r.queryTerms.some(typed);
  });
}

/** The results matched as typed when there are any, else the typo matches. */
const typedFirst = <T extends SearchResult>(found: T[], every: boolean) => (asTyped(found, every).length ? asTyped(found, every) : found);

/** What to offer when nothing matches: the closest calculators (an input's label counts) and specialties. */
export function suggest(index: MiniSearch<SearchDoc>, docs: readonly SearchDoc[], query: string, max = 3): { docs: SearchDoc[]; specialties: string[] } {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const q = query.trim();
  const loose = { boost: { inputs: 0.5 }, ...QUERY_OPTIONS, fields: undefined };
  // Calculators where every word typed appears somewhere (an input's label too), else any word.
  const all = typedFirst(index.search(q, { ...loose, combineWith: 'AND' }), true);
  const hits = (all.length ? all : typedFirst(index.search(q, { ...loose, combineWith: 'OR' }), false))
    .map((r) => byId.get(r.id as string))
    .filter((d): d is SearchDoc => !!d);
  const close = successorsFirst(hits).slice(0, max);
  // Specialties: those of the closest calculators, most frequent first; else those whose name is near a word typed.
  const count = new Map<string, number>();
  for (const d of hits.slice(0, 8)) for (const s of d.specialties) count.set(s, (count.get(s) ?? 0) + 1);
  let specialties = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
  if (!specialties.length) {
    const words = q
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length > 3);
    specialties = [...new Set(docs.flatMap((d) => d.specialties))].filter((s) =>
      s.split(/\s+/).some((sw) => words.some((w) => sw.startsWith(w) || editDistance(w, sw, 2) <= 2)),
    );
  }
  return { docs: close, specialties: specialties.slice(0, 3) };
}
