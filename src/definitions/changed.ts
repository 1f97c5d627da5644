/** Which calculators a branch changed: what `npm run check -- --changed` checks. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './ids';

/**
 * Ids of the calculators whose folder, committed model or contributed model source differs from the
 * merge base with main (or origin/main), working tree and untracked files included; `ids` is
 * undefined when that cannot be known (no git, no such branch), and `why` says which. `shared` lists
 * changed files that every calculator's result depends on (schema, compiler, runtime, units, catalogue).
 */
export function changedCalculators(root = ROOT): { ids?: string[]; why: string; shared?: string[] } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let base: string | undefined;
  let against = '';
  for (const ref of ['main', 'origin/main']) {
    try {
      base = git('merge-base', 'HEAD', ref);
      against = ref;
      break;
    } catch {
      // no such branch, or no git at all: try the next, then check everything
    }
  }
  if (!base) return { why: 'no git merge base with main or origin/main' };
  // Paths relative to the repository root, whatever the current directory.
  const files = [...git('diff', '--name-only', '--relative', base).split('\n'), ...git('ls-files', '--others', '--exclude-standard').split('\n')].filter(
    Boolean,
  );
  const dir = join(root, 'calculators');
  const folders = existsSync(dir) ? readdirSync(dir).filter((d) => !d.startsWith('_')) : [];
  const ids = new Set<string>();
  for (const f of files) {
    const calc = /^calculators\/([^/]+)\//.exec(f)?.[1];
    const model = /^models\/([^/]+)\.onnx$/.exec(f)?.[1];
    for (const id of [calc, model]) if (id && folders.includes(id)) ids.add(id);
    // A contributed model's source (e.g. models/contrib/x.onnx) belongs to whichever definition names it.
    if (f.startsWith('models/') && !model)
      for (const id of folders) {
        const def = join(dir, id, 'calculator.yaml');
        if (existsSync(def) && readFileSync(def, 'utf8').includes(f)) ids.add(id);
      }
  }
  // Code every calculator's result goes through: a change there is worth a full check.
  const shared = files.filter((f) => /^src\/(schema|compiler|runtime|units|catalog)\//.test(f));
  return { ids: [...ids].sort(), why: `changed since ${base.slice(0, 10)} (merge base with ${against})`, ...(shared.length ? { shared } : {}) };
}
