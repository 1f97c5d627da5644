/** MiniSearch options shared by the build (which serialises the index) and the page (which loads it). */
import type { Options } from 'minisearch';

/** One searchable calculator. */
export interface SearchDoc {
  id: string;
  title: string;
  short: string;
  summary: string;
  synonyms: string;
  outputs: string;
  specialties: string[];
  purpose: string[];
  /** An older formula version (`superseded_by`): listed after the current ones. */
  superseded: boolean;
  /** For a superseded calculator: the id of the one that replaces it (ranked just before it). */
  successor?: string;
  /** Labels of the inputs (in the index only; see indexDoc). */
  inputs?: string;
  /** A collection (id `collections/<id>`, page /collections/<id>/): found by search, listed after the calculators. */
  collection?: boolean;
}

/** Fields a query is matched against; `inputs` is searched only for suggestions. */
export const RANKED_FIELDS = ['title', 'short', 'synonyms', 'outputs', 'summary'];

export const SEARCH_OPTIONS: Options<SearchDoc> = {
  fields: [...RANKED_FIELDS, 'inputs'],
  storeFields: ['id'],
  searchOptions: {
    boost: { short: 3, synonyms: 3, title: 2, outputs: 1.5 },
    prefix: true,
    // Typo tolerance grows with the word: "wels" finds wells, "creatinin" finds creatinine.
    fuzzy: (term) => (term.length > 3 ? 0.25 : false),
    combineWith: 'AND',
  },
  // Keeps abbreviations with digits and hyphens whole: "cha2ds2-vasc", "ckd-epi", "curb-65".
  tokenize: (text) =>
    text
      .normalize('NFKC') // CHA₂DS₂ → CHA2DS2, ABCD² → ABCD2
      .toLowerCase()
      .split(/[\s,;:()/·—]+/)
      .flatMap((t) => (t.includes('-') ? [t, ...t.split('-')] : [t]))
      .filter(Boolean),
  processTerm: (term) => term.toLowerCase(),
};

/** Current calculators before superseded ones; stable, so relevance order holds within each group. */
export const currentFirst = <T extends Pick<SearchDoc, 'superseded'>>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => Number(a.superseded) - Number(b.superseded));
