/**
 * The build's .br/.gz copies (src/integrations/precompress.mjs): `npm test` builds without them
 * (BEDSIDE_PRECOMPRESS=0: astro preview never serves them, and brotli at maximum quality over the
 * 14 MB onnxruntime wasm is a minute of a fresh clone's CI), so the step itself is checked here.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { compressibleFiles, precompressFile } from '../../src/integrations/precompress.mjs';

test('compressible files over 1 KB get .br and .gz copies that decompress to the original; others none', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bedside-precompress-'));
  mkdirSync(join(dir, 'c', 'bmi'), { recursive: true });
  const page = join(dir, 'c', 'bmi', 'index.html');
  const html = `<!doctype html><title>BMI</title>${'<p>Body mass index, computed on the device.</p>'.repeat(100)}`;
  writeFileSync(page, html);
  writeFileSync(join(dir, 'small.js'), 'export const x = 1;');
  writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096, 7));
  expect(compressibleFiles(dir)).toEqual([page]);
  const s = precompressFile(page);
  expect(s.raw).toBe(Buffer.byteLength(html));
  expect(s.br).toBeLessThan(s.raw / 5);
  expect(brotliDecompressSync(readFileSync(`${page}.br`)).toString()).toBe(html);
  expect(gunzipSync(readFileSync(`${page}.gz`)).toString()).toBe(html);
  expect(existsSync(join(dir, 'small.js.br'))).toBe(false);
});
