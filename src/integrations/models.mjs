/**
 * Serves the compiled models under content-addressed names, models/<id>.<sha256:16>.onnx, so a new
 * deploy never pairs an open page with a different model: the page names the exact bytes it expects.
 * Build: copies them into the output. Dev: serves them from models/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedName } from '../build/model-urls';
import { ManifestSchema } from '../schema/manifest';

/** @returns {import('../schema/manifest').Manifest} */
const manifest = () => ManifestSchema.parse(JSON.parse(readFileSync('models/manifest.json', 'utf8')));

export function models() {
  return {
    name: 'bedside-models',
    hooks: {
      // The build runs the same registry of checks as `npm run check` (src/definitions/checks.ts), and
      // stops on any problem, with the same file:line [check] report: a definition that would not
      // pass review never reaches a page.
      'astro:build:start': ({ logger }) => {
        // Only test/e2e/definitions.spec.ts sets this: it builds a definition the check refuses, to show
        // that the renderer and the CSP would still keep it inert (defence in depth).
        if (process.env.BEDSIDE_UNCHECKED_BUILD === '1') return logger.warn('definitions not checked (BEDSIDE_UNCHECKED_BUILD=1)');
        try {
          execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', '--build'], { stdio: ['ignore', 'ignore', 'inherit'] });
        } catch {
          logger.error('the definitions have problems (listed above; `npm run check` prints them too)');
          throw new Error('npm run check failed: fix the problems above');
        }
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const m = /\/models\/([a-z0-9-]+)\.[0-9a-f]{16}\.onnx$/.exec(req.url ?? '');
          if (!m || !existsSync(`models/${m[1]}.onnx`)) return next();
          res.setHeader('Content-Type', 'application/octet-stream');
          res.end(readFileSync(`models/${m[1]}.onnx`));
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'models');
        mkdirSync(out, { recursive: true });
        const entries = Object.entries(manifest());
        for (const [id, m] of entries) copyFileSync(`models/${id}.onnx`, join(out, publishedName(id, m.sha256)));
        logger.info(`published ${entries.length} models`);
      },
    },
  };
}
