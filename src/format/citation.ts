/** How a reference is located in text and links, in one place (page, note, exports). */
import type { Reference } from '../schema';

/** One way to find a reference: its text ("doi:10.1056/…", "PMID 123") and the link it opens. */
export interface Locator {
  kind: 'doi' | 'pmid' | 'url';
  text: string;
  href: string;
}

/** The DOI and the PMID when given; the URL only when there is neither. */
export function locators(r: Pick<Reference, 'doi' | 'pmid' | 'url'>): Locator[] {
  const out: Locator[] = [];
  if (r.doi) out.push({ kind: 'doi', text: `doi:${r.doi}`, href: `https://doi.org/${r.doi}` });
  if (r.pmid) out.push({ kind: 'pmid', text: `PMID ${r.pmid}`, href: `https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/` });
  if (r.url && !r.doi && !r.pmid) out.push({ kind: 'url', text: r.url, href: r.url });
  return out;
}

/** The citation with every locator, e.g. "Inker LA et al. N Engl J Med 2021 doi:10.1056/NEJMoa2102953 PMID 34554658". */
export const citationText = (r: Reference): string => [r.cite, ...locators(r).map((l) => l.text)].join(' ');
