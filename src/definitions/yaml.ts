import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { Problem } from '../schema/friendly';
import type { FileProblem } from './problems';

/** A YAML file parsed with positions, so any field path can be turned into a line number. */
export interface YamlFile {
  file: string;
  data: unknown;
  /** Line (1-based) of the field at `path`, or of its nearest existing parent. */
  lineOf(path: readonly (string | number)[]): number;
  /** Syntax errors, already located. */
  syntax: FileProblem[];
}

export function readYaml(file: string, text: string): YamlFile {
  const lc = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  // One slip (an indentation, a stray colon) makes the parser report several errors from the same
  // place on; the first one is the author's mistake, so only it is reported, with the line as written.
  const lines = text.split('\n');
  const syntax: FileProblem[] = doc.errors.slice(0, 1).map((e) => {
    let line = lc.linePos(e.pos[0]).line;
    const indent = (l: string) => l.length - l.trimStart().length;
    // The classic slip: a field indented under a field that already has a value on its line.
    const slip = [line, line + 1].find((n) => {
      const prev = lines
        .slice(0, n - 1)
        .reverse()
        .find((l) => l.trim() && !l.trim().startsWith('#'));
      const cur = lines[n - 1];
      return cur !== undefined && prev !== undefined && /^[\w-]+:/.test(cur.trim()) && indent(cur) > indent(prev) && /^[\w-]+:\s*\S/.test(prev.trim());
    });
    if (slip) line = slip;
    const shown = lines[line - 1]?.trim();
    const indentHint = slip
      ? `line ${line} is indented more than the field above it, which already has its value: fields of one entry line up (same number of spaces)`
      : 'check indentation and quoting; quote formulas containing ":" or "#"';
    const more = doc.errors.length - 1;
    return {
      file,
      line,
      path: [],
      check: 'yaml',
      message: `YAML syntax: ${e.message.split('\n')[0]}${shown ? ` at "${shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}"` : ''}${more ? ` (${more} more error${more === 1 ? ' follows' : 's follow'} from it)` : ''}`,
      hint: e.code === 'DUPLICATE_KEY' ? 'remove one of the two entries' : indentHint,
    };
  });
  const lineOf = (path: readonly (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
      // A key whose value is null still has a key node: find the pair.
      const parent = doc.getIn(path.slice(0, n - 1), true);
      const pair = isMap(parent) ? parent.items.find((it) => isScalar(it.key) && it.key.value === path[n - 1]) : undefined;
      if (isScalar(pair?.key) && pair.key.range) return lc.linePos(pair.key.range[0]).line;
    }
    return 1;
  };
  return { file, data: syntax.length ? undefined : doc.toJS(), lineOf, syntax };
}

/** Locates plain problems in a parsed YAML file. */
export const locate = (y: YamlFile, problems: Problem[]): FileProblem[] => problems.map((p) => ({ ...p, file: y.file, line: y.lineOf(p.path) }));
