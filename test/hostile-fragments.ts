/** Share-link fragments that could break a calculator page (issue 15, finding 5): used by vitest and Playwright. */

/** The fragments tried, named: each is a way a link could break the page. */
export const hostileFragments = (ids: string[]): [string, string][] => [
  ['100,000 digits then x', `${ids[0]}=${'1'.repeat(100_000)}x`],
  ['200,000 digits then x', `${ids[0]}=${'1'.repeat(200_000)}x`],
  ['1 MB of one value', `${ids[0]}=${'9'.repeat(1 << 20)}`],
  ['10,000 parameters', Array.from({ length: 10_000 }, (_, k) => `p${k}=1`).join('&')],
  ['a value of 65 characters', `${ids[0]}=${'1'.repeat(65)}`],
  ['bad percent-encoding', `${ids[0]}=%ZZ%E0%A4%A&${ids[1]}=%`],
  ['prototype keys', `__proto__=1&constructor=2&${ids[0]}=70`],
  ['the same key twice', `${ids[0]}=70&${ids[0]}=1e400`],
  ['NaN and Infinity', `${ids[0]}=NaN&${ids[1]}=Infinity`],
  ['script in a value', `${ids[0]}=<script>alert(1)</script>`],
  ['an unknown unit', `${ids[0]}=70parsecs`],
  ['only #', '#'],
  ['only &&&', '&&&=&='],
];
