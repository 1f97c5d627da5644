/**
 * A calculator as a FHIR R4 SDC Questionnaire: one item per input (units as UCUM codes, limits,
 * answer options with their points), and one read-only item per output whose SDC
 * calculatedExpression is the output's formula in FHIRPath where it can be said exactly
 * (./fhirpath.ts); otherwise the item's text says why.
 */
import type { Calculator, Input, Output } from '../../schema';
import { locators } from '../../format/citation';
import { signedPoints } from '../../format/points';
import { ucumCode } from '../../units';
import { categoryExpression, translateOutputs, type OutputExport } from './fhirpath';
import { EXT, UCUM, type Coding, type Extension, type Questionnaire, type QuestionnaireItem } from './resources';

const doiOf = (r: { doi?: string; pmid?: string; url?: string }) => {
  const doi = locators(r).find((l) => l.kind === 'doi');
  return doi ? ` (${doi.text})` : '';
};

/** A unit as a UCUM coding, or nothing for a unit UCUM has no code for. */
const ucum = (unit: string): Coding | undefined => {
  const code = ucumCode(unit);
  return code === undefined ? undefined : { system: UCUM, code, display: unit };
};

const helpItem = (linkId: string, text: string): QuestionnaireItem => ({
  linkId: `${linkId}.help`,
  text,
  type: 'display',
  extension: [
    {
      url: EXT.itemControl,
      valueCodeableConcept: {
        coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'help', display: 'Help-Button' }],
        text: 'Help-Button',
      },
    },
  ],
});

function inputItem(i: Input): QuestionnaireItem {
  const base = { linkId: i.id, text: i.label, ...(i.help ? { item: [helpItem(i.id, i.help)] } : {}) };
  switch (i.type) {
    case 'number': {
      const unit = ucum(i.unit);
      const extension: Extension[] = [];
      if (unit) extension.push({ url: EXT.unit, valueCoding: unit });
      extension.push({ url: EXT.minValue, valueDecimal: i.limits[0] }, { url: EXT.maxValue, valueDecimal: i.limits[1] });
      extension.push({ url: EXT.maxDecimalPlaces, valueInteger: i.decimals });
      return {
        ...base,
        type: 'decimal',
        ...(i.optional || i.default !== undefined ? {} : { required: true }),
        extension,
        ...(i.default !== undefined ? { initial: [{ valueDecimal: i.default }] } : {}),
      };
    }
    case 'choice':
      return {
        ...base,
        type: 'choice',
        ...(i.default === undefined ? { required: true } : {}),
        answerOption: i.options.map((o) => ({
          valueCoding: {
            code: String(o.value),
            display: o.label,
            ...(o.points !== undefined ? { extension: [{ url: EXT.ordinalValue, valueDecimal: o.points }] } : {}),
          },
          ...(i.default === o.value ? { initialSelected: true } : {}),
        })),
      };
    case 'yesno':
      return {
        ...base,
        text: i.points !== undefined ? `${i.label} (${signedPoints(i.points)} if yes)` : i.label,
        type: 'boolean',
        initial: [{ valueBoolean: i.default }],
      };
    case 'date':
      return {
        ...base,
        type: 'date',
        required: true,
        ...(i.default === 'today'
          ? { extension: [{ url: EXT.initialExpression, valueExpression: { language: 'text/fhirpath', expression: 'today()' } }] }
          : {}),
      };
  }
}

/**
 * A categorical output is a coded answer: one answerOption per category (code = the model's code,
 * display = its label), and the calculated answer is the option whose code the formula gives, read
 * from the Questionnaire itself (FHIRPath R4 has no Coding literal).
 */
function categoryAnswers(calc: Calculator, o: Output): { answerOption: { valueCoding: Coding }[] } | undefined {
  if (o.format !== 'category') return undefined;
  const bands = calc.interpretation.find((it) => it.output === o.id)?.bands ?? [];
  return { answerOption: bands.map((b) => ({ valueCoding: { system: `urn:bedside:${o.id}`, code: String(b.value), display: b.label } })) };
}

function outputItem(calc: Calculator, o: Output, ex: OutputExport, modelFile: string): QuestionnaireItem {
  const extension: Extension[] = [];
  const unit = o.unit ? ucum(o.unit) : undefined;
  const coded = categoryAnswers(calc, o);
  if (unit && o.format !== 'date' && !coded) extension.push({ url: EXT.unit, valueCoding: unit });
  if (ex.expression)
    extension.push({
      url: EXT.calculatedExpression,
      valueExpression: {
        language: 'text/fhirpath',
        expression: coded ? categoryExpression(o.id, ex.expression) : ex.expression,
        description: `${o.label}, as ${modelFile} computes it`,
      },
    });
  return {
    linkId: o.id,
    text: ex.expression ? o.label : `${o.label} — not calculated by this form: ${ex.reason}. It is computed by the ONNX model ${modelFile}.`,
    type: coded ? 'choice' : o.format === 'date' ? 'date' : 'decimal',
    ...(coded ?? {}),
    readOnly: true,
    ...(extension.length ? { extension } : {}),
    ...(o.help ? { item: [helpItem(o.id, o.help)] } : {}),
  };
}

/** A computer-friendly name for Questionnaire.name: ^[A-Z]([A-Za-z0-9_]){0,254}$. */
const nameOf = (id: string) =>
  id
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('')
    .replace(/^([^A-Z])/, 'Q$1');

/** The FHIR R4 SDC Questionnaire of a calculator, and what became of each output. */
export function toQuestionnaire(id: string, calc: Calculator): { questionnaire: Questionnaire; outputs: OutputExport[] } {
  const { outputs } = translateOutputs(calc);
  const primary = calc.references.find((r) => r.primary);
  const modelFile = `${id}.onnx`;
  const questionnaire: Questionnaire = {
    resourceType: 'Questionnaire',
    id,
    meta: { profile: ['http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-behave'] },
    name: nameOf(id),
    title: calc.title,
    version: calc.version,
    status: calc.status === 'reviewed' ? 'active' : 'draft',
    ...(calc.last_reviewed ? { date: calc.last_reviewed } : {}),
    publisher: 'Bedside',
    description: [calc.summary, `Variant: ${calc.variant}.`, primary ? `Primary source: ${primary.cite}${doiOf(primary)}.` : ''].filter(Boolean).join(' '),
    subjectType: ['Patient'],
    item: [
      ...calc.inputs.map(inputItem),
      // translateOutputs answers for every output, in order.
      ...calc.outputs.map((o, k) => outputItem(calc, o, outputs[k], modelFile)),
    ],
  };
  return { questionnaire, outputs };
}
