/**
 * The FHIR export: a calculator as an R4 SDC Questionnaire (./questionnaire.ts), its formulas in
 * FHIRPath (./fhirpath.ts), and the resource shapes written (./resources.ts). UCUM codes live on the
 * unit definitions (src/units/catalogue.ts).
 *
 * Build time only (export endpoints, tests); no value import from astro:content.
 */
export { toQuestionnaire } from './questionnaire';
export { answer, categoryExpression, literal, NotExpressible, translateOutputs, type OutputExport } from './fhirpath';
export * from './resources';
