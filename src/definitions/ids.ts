/** Calculator ids (folder names = URL slugs) and where the folders live; no heavy imports, for `npm run new`. */
import { join, resolve } from 'node:path';

/** kebab-case: lower-case letters and digits joined by single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Folder of the repository: every npm script runs from there (import.meta.url moves in bundles). */
export const ROOT = process.cwd();
/** `calculators/`, or `BEDSIDE_CALCULATORS_DIR` (tests run the CLI on a temporary copy). */
export const CALCULATORS_DIR = process.env.BEDSIDE_CALCULATORS_DIR ? resolve(process.env.BEDSIDE_CALCULATORS_DIR) : join(ROOT, 'calculators');

/** The kebab-case id closest to what was typed: "Heart Score" -> "heart-score". */
export const toKebab = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Why `id` cannot be a new calculator's id, with the fix; undefined when it can. */
export function newIdProblem(id: string, existing: readonly string[]): string | undefined {
  if (!id) return 'usage: npm run new -- <id>   (kebab-case, e.g. npm run new -- heart-score)';
  if (!ID_PATTERN.test(id)) {
    const fix = toKebab(id);
    return `"${id}" is not a kebab-case id (lower-case letters and digits joined by "-"; it becomes the URL /c/<id>/).${fix ? ` Try: npm run new -- ${fix}` : ''}`;
  }
  if (existing.includes(id)) return `already exists: calculators/${id}/; choose another id or edit it`;
  const bare = (s: string) => s.replace(/-/g, '');
  const twin = existing.find((e) => bare(e) === bare(id));
  if (twin) return `"${id}" is the same name as calculators/${twin}/ (only the hyphens differ); choose another id or edit it`;
  return undefined;
}
