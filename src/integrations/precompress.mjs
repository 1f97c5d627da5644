/**
 * Writes brotli (.br) and gzip (.gz) copies beside every compressible file over 1 KB in the build
 * output, so hosts that serve precompressed files (nginx gzip_static/brotli_static, Caddy
 * precompressed, `npm run bench`'s server) send the onnxruntime wasm as ~2.3 MB instead of 14 MB
 * without compressing on every request. Runs last, after the CSP and the service worker have
 * written their final files. See BENCHMARKS.md for host setup.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|webmanifest|wasm|onnx|svg|txt|xml|map)$/i;
const MIN_BYTES = 1024;
// Brotli at maximum quality takes about a minute for the 14 MB onnxruntime wasm, which is the same
// file build after build: big files are compressed once and kept by content hash.
const CACHE_OVER = 256 * 1024;
const CACHE_DIR = 'node_modules/.cache/bedside-precompress';

function compressCached(raw, file) {
  if (raw.length < CACHE_OVER) return compress(raw, file);
  const key = join(CACHE_DIR, createHash('sha256').update(raw).digest('hex'));
  if (existsSync(`${key}.br`) && existsSync(`${key}.gz`)) return { br: readFileSync(`${key}.br`), gz: readFileSync(`${key}.gz`) };
  const out = compress(raw, file);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(`${key}.br`, out.br);
    writeFileSync(`${key}.gz`, out.gz);
  } catch {
    // no cache (read-only node_modules): compress next time again
  }
  return out;
}

function compress(raw, file) {
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [constants.BROTLI_PARAM_MODE]: /\.(wasm|onnx)$/i.test(file) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  return { br, gz: gzipSync(raw, { level: 9 }) };
}

/** Compresses one file to .br and .gz beside it (maximum quality: done once per build). */
export function precompressFile(file) {
  const raw = readFileSync(file);
  const { br, gz } = compressCached(raw, file);
  // A copy is only worth serving when it is smaller.
  if (br.length < raw.length) writeFileSync(`${file}.br`, br);
  if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
  return { raw: raw.length, br: br.length, gz: gz.length };
}

/** Every file under a folder worth precompressing. */
export function compressibleFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && COMPRESSIBLE.test(d.name))
    .map((d) => join(d.parentPath ?? d.path, d.name))
    .filter((f) => statSync(f).size > MIN_BYTES);
}

export function precompress() {
  return {
    name: 'bedside-precompress',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = compressibleFiles(fileURLToPath(dir));
        let raw = 0;
        let br = 0;
        for (const f of files) {
          const s = precompressFile(f);
          raw += s.raw;
          br += Math.min(s.br, s.raw);
        }
        logger.info(`precompressed ${files.length} files (.br, .gz): ${(raw / 1e6).toFixed(1)} MB -> ${(br / 1e6).toFixed(1)} MB brotli`);
      },
    },
  };
}
