import { test, expect } from 'vitest';
import { loadCatalog } from '../../src/catalog/load';
import { compileCalculator } from '../../src/compiler/compile';
test('smoke', async () => {
  const { entries } = loadCatalog();
  const e = entries.find((x) => x.id === 'bmi')!;
  const { bytes } = compileCalculator(e.id, e.calc);
  const ort = await import('onnxruntime-web/wasm');
  const o: any = (ort as any).default?.InferenceSession ? (ort as any).default : ort;
  o.env.wasm.numThreads = 1;
  const s = await o.InferenceSession.create(bytes!);
  const r = await s.run({ weight: new o.Tensor('float64', Float64Array.from([70]), [1]), height: new o.Tensor('float64', Float64Array.from([175]), [1]) });
  expect(r.bmi.data[0]).toBeCloseTo(22.857, 3);
});
