/** Where `npm run conformance` writes the per-calculator figures the verification page shows. */
export const BY_CALCULATOR = 'test/conformance/by-calculator.json';
