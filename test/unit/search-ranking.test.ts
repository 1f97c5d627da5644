/**
 * Search ranking over the index the site ships: the same documents (src/search/doc.ts), built by the
 * same function as /search-index.json (src/search/index.ts), serialised and loaded back as the home
 * page loads it, ranked by the page's own rankDocs. The table holds abbreviations, misspellings,
 * symptoms and drug names with the first hit a clinician expects; it names only calculators that
 * exist, and reads whatever catalogue is on disk, so new calculators can only add competition.
 */
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { indexDoc } from '../../src/search/doc';
import { buildSearchIndex, loadSearchIndex } from '../../src/search/index';
import { compact, editDistance, rankDocs, successorsFirst, suggest } from '../../src/search/rank';
import type { SearchDoc } from '../../src/search/options';

const { entries } = loadCatalog();
const docs = entries.map((e) => indexDoc(e.id, e.calc));
const index = loadSearchIndex(buildSearchIndex(docs));
const first = (q: string) => rankDocs(index, docs, q)[0]?.id;

/** Query → the calculator a clinician expects first. */
const EXPECTED: [string, string][] = [
  ['egfr', 'ckd-epi-2021'],
  ['gfr', 'ckd-epi-2021'],
  ['eGFR', 'ckd-epi-2021'],
  ['ckd', 'ckd-epi-2021'],
  ['ckd-epi', 'ckd-epi-2021'],
  ['kidney function', 'ckd-epi-2021'],
  ['glomerular filtration rate', 'ckd-epi-2021'],
  ['ckd-epi 2009', 'ckd-epi-2009'],
  ['cystatin c', 'ckd-epi-2012-cys'],
  ['mdrd', 'mdrd'],
  ['crcl', 'cockcroft-gault'],
  ['creatinine clearance', 'cockcroft-gault'],
  ['cockroft gault', 'cockcroft-gault'],
  ['renal dosing', 'cockcroft-gault'],
  ['pediatric egfr', 'schwartz-bedside'],
  ['meld', 'meld-3'],
  ['meld 3.0', 'meld-3'],
  ['meld na', 'meld-na'],
  ['meld sodium', 'meld-na'],
  ['child pugh', 'child-pugh'],
  ['cirrhosis severity', 'child-pugh'],
  ['fib4', 'fib-4'],
  ['liver fibrosis', 'fib-4'],
  ['glasgow', 'gcs'],
  ['glascow', 'gcs'],
  ['glasgow coma scale', 'gcs'],
  ['gcs', 'gcs'],
  ['blatchford', 'glasgow-blatchford'],
  ['upper gi bleed', 'glasgow-blatchford'],
  ['pe', 'wells-pe'],
  ['pulmonary embolism', 'wells-pe'],
  ['wells', 'wells-pe'],
  ['wels', 'wells-pe'],
  ['wells dvt', 'wells-dvt'],
  ['dvt', 'wells-dvt'],
  ['perc', 'perc'],
  ['geneva', 'geneva-simplified'],
  ['spesi', 'spesi'],
  ['bp', 'map'],
  ['blood pressure', 'map'],
  ['mean arterial pressure', 'map'],
  ['warfarin', 'has-bled'],
  ['bleeding risk', 'has-bled'],
  ['hasbled', 'has-bled'],
  ['chads', 'cha2ds2-va'],
  ['cha2ds2-vasc', 'cha2ds2-va'],
  ['CHA₂DS₂-VA', 'cha2ds2-va'],
  ['af anticoagulation', 'cha2ds2-va'],
  ['qtc', 'qtc'],
  ['qt interval', 'qtc'],
  ['bazett', 'qtc'],
  ['fridericia', 'qtc'],
  ['chest pain', 'heart-score'],
  ['heart score', 'heart-score'],
  ['timi', 'timi-ua-nstemi'],
  ['nstemi', 'timi-ua-nstemi'],
  // PREVENT (AHA 2023) is the guideline-current equation; the Pooled Cohort Equations follow it.
  ['ascvd', 'aha-prevent'],
  ['statin', 'aha-prevent'],
  ['framingham', 'framingham-chd'],
  ['rcri', 'rcri'],
  ['preop cardiac risk', 'rcri'],
  ['sepsis', 'qsofa'],
  ['qsofa', 'qsofa'],
  ['sofa', 'sofa'],
  ['sirs', 'sirs'],
  ['news2', 'news2'],
  ['early warning score', 'news2'],
  ['apache', 'apache-ii'],
  ['pneumonia severity', 'curb-65'],
  ['curb65', 'curb-65'],
  ['psi', 'psi'],
  ['port score', 'psi'],
  ['sore throat', 'centor'],
  ['mcisaac', 'centor'],
  ['feverpain', 'feverpain'],
  ['appendicitis', 'alvarado'],
  ['pancreatitis', 'bisap'],
  ['ranson', 'ranson'],
  ['anion gap', 'anion-gap'],
  ['delta ratio', 'anion-gap'],
  ['winters formula', 'winters'],
  ['osmolality', 'serum-osmolality'],
  ['osmolal gap', 'serum-osmolality'],
  ['corrected calcium', 'calcium-correction'],
  ['hyperglycemia sodium', 'sodium-correction'],
  ['hypernatremia', 'free-water-deficit'],
  ['fena', 'fena'],
  ['aa gradient', 'a-a-gradient'],
  ['bmi', 'bmi'],
  ['body mass index', 'bmi'],
  ['bsa', 'bsa'],
  ['ideal body weight', 'ideal-body-weight'],
  ['adjusted body weight', 'adjusted-body-weight'],
  ['steroid conversion', 'steroid-conversion'],
  ['prednisone', 'steroid-conversion'],
  ['dexamethasone', 'steroid-conversion'],
  ['methylprednisolone', 'steroid-conversion'],
  ['opioid conversion', 'mme'],
  ['morphine equivalent', 'mme'],
  ['oxycodone', 'mme'],
  ['due date', 'due-date'],
  ['edd', 'due-date'],
  ['gestational age', 'gestational-age'],
  ['conception date', 'conception-date'],
  ['bishop score', 'bishop'],
  ['apgar', 'apgar'],
  ['parkland', 'parkland'],
  ['burns', 'parkland'],
  ['maintenance fluids', 'maintenance-fluids'],
  ['4-2-1', 'maintenance-fluids'],
  ['nihss', 'nihss'],
  ['stroke scale', 'nihss'],
  ['tia', 'abcd2'],
  ['abcd2', 'abcd2'],
  ['canadian ct head', 'canadian-ct-head'],
  ['head injury ct', 'canadian-ct-head'],
  ['hit', '4ts'],
  ['heparin induced thrombocytopenia', '4ts'],
  ['medical inpatient vte', 'padua'],
  ['caprini', 'caprini'],
  ['charlson', 'charlson'],
  ['ciwa', 'ciwa-ar'],
  ['alcohol withdrawal', 'ciwa-ar'],
  ['phq9', 'phq-9'],
  ['depression', 'phq-9'],
  ['gad7', 'gad-7'],
  ['anxiety', 'gad-7'],
  ['sleep apnea', 'stop-bang'],
  ['stop bang', 'stop-bang'],
  ['homa ir', 'homa-ir'],
  ['insulin resistance', 'homa-ir'],
  ['ldl', 'ldl'],
  ['friedewald', 'ldl'],
  ['target weight', 'target-weight'],
  ['surgical vte risk', 'caprini'],
  ['apachee', 'apache-ii'],
  ['alvorado', 'alvarado'],
  ['qsfoa', 'qsofa'],
  ['nihhs', 'nihss'],
  ['cha2ds2vasc', 'cha2ds2-va'],
  ['bischop', 'bishop'],
  ['osmolarity', 'serum-osmolality'],
  ['heparin', 'heparin-nomogram'], // the heparin dosing calculator; HIT is found by 'heparin induced thrombocytopenia'
  ['fentanyl', 'mme'],
  ['methadone', 'mme'],
  ['hydrocortisone', 'steroid-conversion'],
  ['insulin', 'dka-insulin'], // the insulin dose; insulin resistance is found by its own words
  ['chest pain risk', 'heart-score'],
  ['leg swelling', 'wells-dvt'],
  ['right lower quadrant pain', 'pediatric-appendicitis-score'], // both appendicitis scores ask it; alvarado follows
  ['curb', 'curb-65'],
  ['newborn', 'apgar'],
  ['pregnancy', 'gestational-age'],
  ['acid base', 'anion-gap'],
  ['metabolic acidosis', 'anion-gap'],
  ['hypoxemia', 'a-a-gradient'],
  ['snoring', 'stop-bang'],
  ['obesity', 'bmi'],
  ['lipids', 'ldl'],
  ['cholesterol', 'ldl'],
];

describe('search ranking', () => {
  test('the table has at least 80 queries, each naming a calculator that exists', () => {
    expect(EXPECTED.length).toBeGreaterThanOrEqual(80);
    const ids = new Set(entries.map((e) => e.id));
    expect(EXPECTED.filter(([, id]) => !ids.has(id))).toEqual([]);
  });

  test.each(EXPECTED)('"%s" → %s first', (query, id) => {
    expect(
      first(query),
      rankDocs(index, docs, query)
        .slice(0, 5)
        .map((d) => d.id)
        .join(', '),
    ).toBe(id);
  });

  test('every calculator is the first hit for its own short name and id (a superseded one may follow its successor)', () => {
    const wrong: string[] = [];
    for (const { id, calc } of entries)
      for (const q of [calc.short ?? calc.title, id]) {
        const ranked = rankDocs(index, docs, q).map((d) => d.id);
        // A superseded calculator may follow its successor, where the successor has its name as a synonym.
        const ok = ranked[0] === id || (calc.superseded_by && ranked[0] === calc.superseded_by.id && ranked[1] === id);
        if (!ok) wrong.push(`${q} → ${ranked.slice(0, 3).join(', ')}`);
      }
    expect(wrong).toEqual([]);
  });

  test('one- and two-letter words match whole words only: "pe" is not pediatrics or pelvic', () => {
    const hits = rankDocs(index, docs, 'pe').map((d) => d.id);
    expect(hits).not.toContain('gestational-age');
    expect(hits).not.toContain('schwartz-bedside');
    expect(hits.length).toBeLessThan(8);
  });

  test('a typo match is offered only when nothing matches as typed', () => {
    // PELD matches as typed (its synonym "pediatric MELD"), after the two MELD names.
    expect(rankDocs(index, docs, 'meld').map((d) => d.id)).toEqual(['meld-3', 'meld-na', 'peld']);
  });

  test('nothing matches: the closest calculators (an input that asks for it) and specialties', () => {
    // PREVENT computes a heart-failure risk, so "heart failure" finds it; "cardiac failure" names no
    // calculator, and the suggestions are those with an input that asks about it (RCRI).
    expect(rankDocs(index, docs, 'heart failure').map((d) => d.id)[0]).toBe('aha-prevent');
    expect(rankDocs(index, docs, 'cardiac failure')).toEqual([]);
    const hf = suggest(index, docs, 'cardiac failure');
    expect(hf.docs.map((d) => d.id)).toContain('rcri');
    expect(hf.specialties.length).toBeGreaterThan(0);
    expect(suggest(index, docs, 'cardiolgy').specialties).toEqual(['cardiology']);
    expect(suggest(index, docs, 'zzqxv')).toEqual({ docs: [], specialties: [] });
  });
});

describe('ranking rules', () => {
  const doc = (id: string, successor?: string): SearchDoc => ({
    id,
    title: id,
    short: '',
    summary: '',
    synonyms: id,
    outputs: '',
    specialties: [],
    purpose: [],
    superseded: !!successor,
    ...(successor ? { successor } : {}),
  });
  test('a superseded calculator moves to just after its successor, and only then', () => {
    const list = [doc('old', 'new'), doc('other'), doc('new'), doc('last')];
    expect(successorsFirst(list).map((d) => d.id)).toEqual(['other', 'new', 'old', 'last']);
    expect(successorsFirst([doc('new'), doc('old', 'new')]).map((d) => d.id)).toEqual(['new', 'old']);
    expect(successorsFirst([doc('old', 'gone'), doc('x')]).map((d) => d.id)).toEqual(['old', 'x']);
    expect(successorsFirst(list, () => false).map((d) => d.id)).toEqual(['old', 'other', 'new', 'last']);
  });
  test('names compare without case, spaces, hyphens, sub- and superscripts', () => {
    expect(compact('CHA₂DS₂-VASc')).toBe('cha2ds2vasc');
    expect(compact('ABCD²')).toBe('abcd2');
    expect(compact("Ranson's criteria")).toBe('ransonscriteria');
  });
  test('edit distance counts a swap of neighbours as one edit, and stops past the maximum', () => {
    expect(editDistance('glascow', 'glasgow', 2)).toBe(1);
    expect(editDistance('qsfoa', 'qsofa', 2)).toBe(1);
    expect(editDistance('abc', 'abcdefg', 2)).toBe(3);
  });
});
