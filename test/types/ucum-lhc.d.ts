/** The part of @lhncbc/ucum-lhc (the UCUM reference library, no declarations of its own) the tests use. */
declare module '@lhncbc/ucum-lhc' {
  interface UcumLhcUtils {
    validateUnitString(unit: string): { status: 'valid' | 'invalid' | 'error'; msg: string[] };
    convertUnitTo(from: string, value: number, to: string): { status: 'succeeded' | 'failed' | 'error'; toVal: number; msg: string[] };
  }
  const ucum: { UcumLhcUtils: { getInstance(): UcumLhcUtils } };
  export default ucum;
}
