/** createEngine and createResults through the real Node runtime and the committed models. */
import { createRoot } from 'solid-js';
import { describe, expect, test } from 'vitest';
import { createEngine, createResults, LOAD_FAILED, type RuntimeModule } from '../../src/components/engine-state';
import { createForm } from '../../src/components/form-state';
import { definition, model, nodeRuntime, until } from './helpers';

const ckd = definition('ckd-epi-2021');
const input = (id: string) => ckd.inputs.find((i) => i.id === id)!;

describe('createEngine', () => {
  test('idle until started, then loading, then ready; starting twice loads once', async () => {
    let loads = 0;
    const load = () => (loads++, nodeRuntime());
    const engine = createRoot(() => createEngine(model('ckd-epi-2021'), load));
    expect(engine.state()).toBe('idle');
    expect(engine.run({})).toBeUndefined();
    engine.start();
    engine.start();
    expect(engine.state()).toBe('loading');
    await until(() => engine.state() === 'ready');
    expect(loads).toBe(1);
  });

  test('a runtime that cannot load gives one plain sentence, and retry loads again', async () => {
    let fail = true;
    const load = (): Promise<RuntimeModule> => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : nodeRuntime());
    const engine = createRoot(() => createEngine(model('ckd-epi-2021'), load));
    engine.start();
    await until(() => engine.state() === 'error');
    expect(engine.error()).toBe(LOAD_FAILED);
    engine.start(); // typing after a failure does not refetch
    expect(engine.state()).toBe('error');
    fail = false;
    engine.retry();
    await until(() => engine.state() === 'ready');
  });

  test('a model that fails its integrity check says so in its own words', async () => {
    const tampered = { ...model('ckd-epi-2021'), sha256: '0'.repeat(64) };
    const engine = createRoot(() => createEngine(tampered, nodeRuntime));
    engine.start();
    await until(() => engine.state() === 'error');
    expect(engine.error()).toMatch(
      /^The ckd-epi-2021 model failed its integrity check \(sha256 [0-9a-f]{12}… instead of 000000000000…\), so it was not used\.$/,
    );
  });
});

describe('createResults', () => {
  test('computes through the model once every field reads, and clears when one stops reading', async () => {
    const { form, engine, results } = createRoot(() => {
      const form = createForm(ckd);
      const engine = createEngine(model('ckd-epi-2021'), nodeRuntime);
      return { form, engine, results: createResults(ckd, form, engine) };
    });
    form.setText(input('sex'), '1');
    form.setText(input('age'), '50');
    form.setText(input('scr'), '70.7');
    form.restore({ units: { scr: 'umol/L' } });
    engine.start();
    await until(() => results() !== undefined);
    const egfr = results()!.find((r) => r.id === 'egfr')!;
    expect(egfr.display).toBe('90');
    expect(egfr.band?.label).toBe('G1 — normal or high');
    form.setText(input('age'), '');
    expect(results()).toBeUndefined();
  });
});
