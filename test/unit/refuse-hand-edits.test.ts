/** CI's "refuse hand-edited models" rule (src/cli/refuse-hand-edits.ts, run by .github/workflows/ci.yml). */
import { describe, expect, test } from 'vitest';
import { handEditedModels } from '../../src/cli/refuse-hand-edits';

const sources: Record<string, string> = { 'wdbc-malignancy-demo': 'contributed-models/wdbc-malignancy.onnx' };
const sourceOf = (id: string) => sources[id];
const all = () => true;
const files = (changed: string[], exists: (p: string) => boolean = all) => handEditedModels(changed, sourceOf, exists).map((e) => e.file);

describe('refuse hand-edited models', () => {
  test('refuses a generated model changed without its definition, saying what to do', () => {
    const [e] = handEditedModels(['models/bmi.onnx'], sourceOf, all);
    expect(e.message).toBe(
      'models/bmi.onnx changed but calculators/bmi/ did. models/bmi.onnx is generated from calculators/bmi/calculator.yaml; edit the definition (or the contributed model) and run npm run models instead of editing the model.',
    );
  });

  test('accepts a model changed together with its definition', () => {
    expect(files(['calculators/bmi/calculator.yaml', 'models/bmi.onnx', 'models/manifest.json'])).toEqual([]);
  });

  test('a definition of another calculator with a longer id does not count (bmi vs bmi-child)', () => {
    expect(files(['calculators/bmi-child/calculator.yaml', 'models/bmi.onnx'])).toEqual(['models/bmi.onnx']);
  });

  test('accepts a legitimate update of a contributed model: the source and its wrapper change, the definition does not', () => {
    expect(files(['contributed-models/wdbc-malignancy.onnx', 'models/wdbc-malignancy-demo.onnx', 'models/manifest.json'])).toEqual([]);
  });

  test('a contributed source alone is never refused here (npm run models -- --check compares its wrapper)', () => {
    expect(files(['contributed-models/wdbc-malignancy.onnx'])).toEqual([]);
  });

  test('refuses a wrapper edited by hand when neither the definition nor the source changed', () => {
    const [e] = handEditedModels(['models/wdbc-malignancy-demo.onnx'], sourceOf, all);
    expect(e.message).toMatch(
      /^models\/wdbc-malignancy-demo\.onnx changed but neither calculators\/wdbc-malignancy-demo\/ nor contributed-models\/wdbc-malignancy\.onnx did\./,
    );
  });

  test('a model removed with its definition, and a compiler change, are left to npm run models -- --check', () => {
    expect(files(['models/old.onnx'], (p) => p !== 'models/old.onnx')).toEqual([]);
    expect(files(['src/compiler/lower.ts', 'models/bmi.onnx', 'models/curb-65.onnx'])).toEqual([]);
  });
});
