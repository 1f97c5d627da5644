/** Copies of the repository to build in, away from the working tree (bench/scale.mjs, snapshots). */
import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', 'dist-base', '.git', 'test-results', 'playwright-report', '.astro']);

/**
 * Copies `root` to `dest` without build output, and links node_modules package by package: the
 * packages are shared, but Astro's and Vite's caches (node_modules/.astro, .vite) stay private to
 * the copy, so its builds never touch the working tree's caches.
 */
export function copyRepo(root, dest, { skip = [] } = {}) {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const name of readdirSync(root)) {
    if (SKIP.has(name) || skip.includes(name)) continue;
    cpSync(join(root, name), join(dest, name), { recursive: true });
  }
  const nm = realpathSync(join(root, 'node_modules'));
  mkdirSync(join(dest, 'node_modules', '.cache'), { recursive: true });
  for (const name of readdirSync(nm)) {
    if (['.astro', '.vite', '.cache'].includes(name)) continue;
    symlinkSync(join(nm, name), join(dest, 'node_modules', name));
  }
  // The precompressed onnxruntime wasm is the same for every copy: share that cache only.
  const shared = join(nm, '.cache', 'bedside-precompress');
  mkdirSync(shared, { recursive: true });
  if (!existsSync(join(dest, 'node_modules', '.cache', 'bedside-precompress')))
    symlinkSync(shared, join(dest, 'node_modules', '.cache', 'bedside-precompress'));
}
