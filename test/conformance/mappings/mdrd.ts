import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 9,
    calculator: 'mdrd',
    output: 'egfr',
    // Race not mentioned counts as not Black (the benchmark's convention).
    inputs: (e) => ({ sex: e.sex, age: e.age[0], scr: unit(e.creatinine), black: e.Race === 'Black' }),
    explain: {
      155: 'Patient aged 17: the MDRD Study equation was developed and validated in adults (Levey AS et al. Ann Intern Med 1999;130:461-70; Levey 2006, PMID 16908915), so our calculator refuses ages under 18; for adolescents use the bedside Schwartz / CKiD U25 equations (Schwartz GJ et al. J Am Soc Nephrol 2009;20:629-37).',
    },
  },
] satisfies Mapping[];
