/**
 * Formula versions in search: with the real catalogue and the real search options, the guideline-current
 * equation comes before the one it supersedes for the names clinicians type (issue 17: PREVENT before
 * the Pooled Cohort Equations), the way the home page orders them (search, then currentFirst).
 */
import MiniSearch from 'minisearch';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { searchDoc } from '../../src/search/doc';
import { currentFirst, SEARCH_OPTIONS, type SearchDoc } from '../../src/search/options';

const { entries } = loadCatalog();
const docs = entries.map((e) => searchDoc(e.id, e.calc));
const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
index.addAll(docs);
const byId = new Map(docs.map((d) => [d.id, d]));
const ranked = (q: string) => currentFirst(index.search(q).map((r) => byId.get(r.id as string)!)).map((d) => d.id);

describe('the current version ranks before the one it supersedes', () => {
  test('ascvd-pce names aha-prevent as its successor', () => {
    expect(entries.find((e) => e.id === 'ascvd-pce')!.calc.superseded_by?.id).toBe('aha-prevent');
  });

  test.each(['ascvd', 'ascvd risk', 'cardiovascular risk', '10-year risk', 'statin', 'prevent'])('"%s" lists PREVENT first, PCE after it', (q) => {
    const ids = ranked(q);
    expect(ids).toContain('aha-prevent');
    if (q !== 'prevent') expect(ids.indexOf('aha-prevent')).toBeLessThan(ids.indexOf('ascvd-pce'));
    expect(ids[0]).not.toBe('ascvd-pce');
  });

  test('"pooled cohort" still finds the older equations, marked as superseded', () => {
    const ids = ranked('pooled cohort');
    expect(ids).toContain('ascvd-pce');
    expect(byId.get('ascvd-pce')!.superseded).toBe(true);
  });

  test('every superseded calculator ranks after its successor when a query finds both', () => {
    for (const e of entries.filter((x) => x.calc.superseded_by)) {
      const ids = ranked(e.calc.short ?? e.calc.title);
      const successor = e.calc.superseded_by!.id;
      if (ids.includes(successor)) expect(ids.indexOf(successor), `${e.id} vs ${successor}`).toBeLessThan(ids.indexOf(e.id));
    }
  });
});
