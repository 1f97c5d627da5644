/** A calculator's review status in words: its page header, the verification page, the note and print. */
import type { Calculator } from '../schema';

export function reviewStatus(calc: Pick<Calculator, 'status' | 'reviewers' | 'last_reviewed'>): string {
  if (calc.status !== 'reviewed') return 'Draft: not yet checked against the primary source by a second clinician';
  const names = calc.reviewers.map((r) => (r.role ? `${r.name} (${r.role})` : r.name)).join(', ');
  return `Reviewed by ${names}${calc.last_reviewed ? ` on ${calc.last_reviewed}` : ''}`;
}
