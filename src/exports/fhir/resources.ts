/**
 * The FHIR R4 (and SDC) shapes the Questionnaire export writes: the subset of the resources used,
 * and the extension URLs. Types and constants only.
 */

/** Extension URLs (FHIR core and SDC). */
export const EXT = {
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  maxDecimalPlaces: 'http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces',
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  calculatedExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
  initialExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression',
} as const;

/** The code system of UCUM units (the codes themselves are on the unit definitions, src/units/catalogue.ts). */
export const UCUM = 'http://unitsofmeasure.org';

export interface Coding {
  system?: string;
  code: string;
  display?: string;
  extension?: Extension[];
}
export interface Expression {
  language: 'text/fhirpath';
  expression: string;
  description?: string;
}
export interface Extension {
  url: string;
  valueCoding?: Coding;
  valueDecimal?: number;
  valueInteger?: number;
  valueExpression?: Expression;
  valueCodeableConcept?: { coding: Coding[]; text?: string };
}
export interface QuestionnaireItem {
  linkId: string;
  text?: string;
  type:
    | 'group'
    | 'display'
    | 'boolean'
    | 'decimal'
    | 'integer'
    | 'date'
    | 'dateTime'
    | 'time'
    | 'string'
    | 'text'
    | 'url'
    | 'choice'
    | 'open-choice'
    | 'attachment'
    | 'reference'
    | 'quantity';
  required?: boolean;
  readOnly?: boolean;
  extension?: Extension[];
  answerOption?: { valueCoding: Coding; initialSelected?: boolean }[];
  initial?: ({ valueDecimal: number } | { valueBoolean: boolean })[];
  item?: QuestionnaireItem[];
}
export interface Questionnaire {
  resourceType: 'Questionnaire';
  id: string;
  meta: { profile: string[] };
  name: string;
  title: string;
  version: string;
  status: 'draft' | 'active';
  date?: string;
  publisher: string;
  description: string;
  subjectType: string[];
  item: QuestionnaireItem[];
}
