// Checks the exported model with the site's runtime (onnxruntime-web, wasm backend, in Node):
// its probabilities on every held-out test row must equal scikit-learn's predict_proba within 1e-5,
// and the two bad fixtures must load the way the engine's refusal tests expect them to look.
// Run from the repository root after train.py:  node scripts/train-demo/verify.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const ort = await import('onnxruntime-web/wasm');
ort.env.wasm.numThreads = 1;

const ref = JSON.parse(fs.readFileSync(path.join(here, 'test-predictions.json'), 'utf8'));
const session = await ort.InferenceSession.create(fs.readFileSync(path.join(root, ref.model)));
console.log(`onnxruntime-web ${ort.env.versions?.web ?? '?'}: ${ref.model} inputs ${session.inputNames} outputs ${session.outputNames}`);

const N = ref.rows.length,
  F = ref.features.length;
const data = Float32Array.from(ref.rows.flatMap((r) => r.features));
const out = await session.run({ [ref.input]: new ort.Tensor('float32', data, [N, F]) });
const prob = out[ref.output];
if (prob.type !== 'float32' || prob.dims.join() !== `${N},1`) throw new Error(`unexpected output ${prob.type} [${prob.dims}]`);
let worst = 0,
  at = -1;
ref.rows.forEach((r, k) => {
  const d = Math.abs(prob.data[k] - r.p_sklearn);
  if (d > worst) {
    worst = d;
    at = r.row;
  }
});
console.log(`${N} test rows: max |onnxruntime-web - sklearn| = ${worst.toExponential(2)} (dataset row ${at}); tolerance ${ref.tolerance}`);

// Fixtures: both are valid ONNX; what makes them bad is what Bedside must refuse.
const fx = path.join(root, 'test', 'fixtures', 'onnx');
const wrong = await ort.InferenceSession.create(fs.readFileSync(path.join(fx, 'wrong-inputs.onnx')));
console.log(`wrong-inputs.onnx: inputs ${wrong.inputNames} (expected x), outputs ${wrong.outputNames}`);
let zipmapNote;
try {
  const z = await ort.InferenceSession.create(fs.readFileSync(path.join(fx, 'zipmap.onnx')));
  zipmapNote = `loads; outputs ${z.outputNames}`;
  try {
    await z.run({ features: new ort.Tensor('float32', new Float32Array(F), [1, F]) });
    zipmapNote += '; run succeeded (unexpected)';
  } catch (e) {
    zipmapNote += `; run fails: ${String(e.message ?? e)
      .split('\n')[0]
      .slice(0, 160)}`;
  }
} catch (e) {
  zipmapNote = `refused at load: ${String(e.message ?? e)
    .split('\n')[0]
    .slice(0, 160)}`;
}
console.log(`zipmap.onnx: ${zipmapNote}`);

fs.writeFileSync(
  path.join(here, 'verification.json'),
  JSON.stringify(
    {
      runtime: `onnxruntime-web ${ort.env.versions?.web ?? '?'} (wasm, Node ${process.version})`,
      model: ref.model,
      rows: N,
      max_abs_diff_vs_sklearn: worst,
      tolerance: ref.tolerance,
      pass: worst <= ref.tolerance,
      fixtures: { 'wrong-inputs.onnx': { inputs: wrong.inputNames, outputs: wrong.outputNames }, 'zipmap.onnx': zipmapNote },
    },
    null,
    2,
  ) + '\n',
);
if (!(worst <= ref.tolerance)) {
  console.error('FAIL: ONNX and sklearn disagree beyond tolerance');
  process.exit(1);
}
console.log('PASS');
