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
  const syntax: FileProblem[] = doc.errors.map((e) => ({
    file,
    line: lc.linePos(e.pos[0]).line,
    path: [],
    message: `YAML syntax: ${e.message.split('\n')[0]}`,
    hint: e.code === 'DUPLICATE_KEY' ? 'remove one of the two entries' : 'check indentation and quoting; quote formulas containing ":" or "#"',
  }));
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
export const locate = (y: YamlFile, problems: Problem[]): FileProblem[] =>
  problems.map((p) => ({ ...p, file: y.file, line: y.lineOf(p.path) }));
