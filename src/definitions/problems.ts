import { formatPath, type Problem } from '../schema/friendly';

/** A Problem located in a file, as `npm run check` prints it. */
export interface FileProblem extends Problem {
  file: string;
  line: number;
}

/** The author-facing text: file:line, then the field, what was found and allowed, and the fix. */
export function formatProblem(p: FileProblem): string {
  const tag = [p.check, p.severity].filter(Boolean).join(', ');
  return `${p.file}:${p.line}${tag ? ` [${tag}]` : ''}\n  ${formatPath(p.path)}: ${p.message}${p.hint ? `\n  Hint: ${p.hint}` : ''}`;
}

/** GitHub's annotation form, so problems land on the pull request's diff. */
export function githubAnnotation(p: FileProblem): string {
  const msg = `${p.check ? `[${p.check}] ` : ''}${formatPath(p.path)}: ${p.message}${p.hint ? ` Hint: ${p.hint}` : ''}`
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
  return `::${p.severity === 'warning' ? 'warning' : 'error'} file=${p.file},line=${p.line}::${msg}`;
}

/** Problems that fail `check` (warnings are printed, not counted). */
export const errorsOf = <T extends Problem>(ps: T[]): T[] => ps.filter((p) => p.severity !== 'warning');
