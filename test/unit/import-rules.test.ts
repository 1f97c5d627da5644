/**
 * The design's "never" rules, enforced on the import graph of src/ (DESIGN.md, Layout and Runtime):
 * the browser never imports the compiler or mathjs; only src/runtime imports onnxruntime-web; the
 * schema is a leaf; units know no screen; pages do not import integrations. The graph is read from
 * the source text (static imports, re-exports, dynamic import() with a literal, Astro frontmatter
 * and client <script>s), so a forbidden edge fails here before it reaches a bundle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
const EXTS = ['.ts', '.tsx', '.mjs', '.js', '.astro'];

/** A module of the graph: a file under src/ (path relative to the repository) or a package name. */
type Node = string;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : EXTS.some((e) => p.endsWith(e)) ? [p] : [];
  });
}

/** The import specifiers in a piece of module text. */
export function specifiers(text: string): string[] {
  // Comments may quote import statements (JSDoc examples): leave them out.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const out: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"()]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from '…'
    /\bexport\s+(?:type\s+)?[^'"()]*?\bfrom\s*['"]([^'"]+)['"]/g, // export { x } from '…'
    /\bimport\s*['"]([^'"]+)['"]/g, // import '…'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
    /\btypeof\s+import\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // typeof import('…')
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]);
  return [...new Set(out)];
}

/** An Astro file's build-time code (frontmatter) and its client scripts (bundled for the browser). */
function astroParts(text: string): { server: string; client: string } {
  const fm = /^---\n([\s\S]*?)\n---/.exec(text);
  const scripts = [...text.matchAll(/<script(?![^>]*\bis:inline)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return { server: fm?.[1] ?? '', client: scripts.join('\n') };
}

function resolveSpecifier(from: string, spec: string): Node {
  if (!spec.startsWith('.')) {
    // A package (or a virtual module): its name without the sub-path, e.g. onnxruntime-web/wasm -> onnxruntime-web.
    const parts = spec.split('?')[0].split('/');
    return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  }
  const base = resolve(dirname(from), spec.split('?')[0]);
  const candidates = [base, ...EXTS.map((e) => base + e), ...EXTS.map((e) => join(base, 'index' + e))];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!hit) throw new Error(`${relative(ROOT, from)} imports ${spec}, which does not resolve to a file`);
  return relative(ROOT, hit);
}

interface Graph {
  /** Every edge: file -> what it imports (files and packages). */
  edges: Map<Node, Node[]>;
  /** Modules that run in the browser: Solid islands and the client scripts of Astro files. */
  browserEntries: { from: Node; imports: Node[] }[];
}

function buildGraph(): Graph {
  const edges = new Map<Node, Node[]>();
  const browserEntries: Graph['browserEntries'] = [];
  for (const file of walk(SRC)) {
    const rel = relative(ROOT, file);
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.astro')) {
      const { server, client } = astroParts(text);
      edges.set(
        rel,
        specifiers(server).map((s) => resolveSpecifier(file, s)),
      );
      const imports = specifiers(client).map((s) => resolveSpecifier(file, s));
      if (imports.length) browserEntries.push({ from: `${rel} <script>`, imports });
    } else
      edges.set(
        rel,
        specifiers(text).map((s) => resolveSpecifier(file, s)),
      );
    if (file.endsWith('.tsx')) browserEntries.push({ from: rel, imports: edges.get(rel)! });
  }
  return { edges, browserEntries };
}

const graph = buildGraph();

/** Everything reachable from `start`, with the path that reaches each module. */
function reachable(start: Node[], from: Node): Map<Node, Node[]> {
  const paths = new Map<Node, Node[]>();
  const queue = start.map((n) => [from, n]);
  while (queue.length) {
    const path = queue.shift()!;
    const node = path[path.length - 1];
    if (paths.has(node)) continue;
    paths.set(node, path);
    for (const next of graph.edges.get(node) ?? []) queue.push([...path, next]);
  }
  return paths;
}

const under = (dir: string) => (n: Node) => n.startsWith(`src/${dir}/`);
const pkg = (name: string) => (n: Node) => n === name;
const anyOf =
  (...ps: ((n: Node) => boolean)[]) =>
  (n: Node) =>
    ps.some((p) => p(n));

/** Direct edges from files matching `from` to modules matching `to`, as "a -> b". */
function edgesWhere(from: (n: Node) => boolean, to: (n: Node) => boolean): string[] {
  return [...graph.edges].flatMap(([a, bs]) => (from(a) ? bs.filter(to).map((b) => `${a} -> ${b}`) : []));
}

describe('import rules', () => {
  test('the graph is read: islands, pages, the runtime and their imports are found', () => {
    expect(graph.edges.get('src/components/Calculator.tsx')).toContain('solid-js');
    expect(graph.edges.get('src/runtime/engine.ts')).toContain('onnxruntime-web');
    expect(graph.browserEntries.map((e) => e.from)).toContain('src/components/Calculator.tsx');
    expect(graph.browserEntries.some((e) => e.from.endsWith('.astro <script>'))).toBe(true);
    expect(specifiers(`import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nconst d = import('./d');\nimport './e.css';`)).toEqual([
      './a',
      '../b',
      './c',
      './e.css',
      './d',
    ]);
  });

  test('the browser never imports the compiler, mathjs, build-time modules or Node built-ins', () => {
    const forbidden = anyOf(
      under('compiler'),
      under('build'),
      under('definitions'),
      under('exports'),
      under('cli'),
      pkg('mathjs'),
      pkg('temml'),
      pkg('protobufjs'),
      (n) => n.startsWith('node:'),
    );
    const bad = graph.browserEntries.flatMap(({ from, imports }) =>
      [...reachable(imports, from)].filter(([n]) => forbidden(n)).map(([, path]) => path.join(' -> ')),
    );
    expect(bad).toEqual([]);
  });

  test('only src/runtime imports onnxruntime-web', () => {
    expect(edgesWhere((a) => !under('runtime')(a), pkg('onnxruntime-web'))).toEqual([]);
  });

  test('the schema is a leaf: it imports zod and itself only', () => {
    expect(edgesWhere(under('schema'), (b) => !under('schema')(b) && b !== 'zod')).toEqual([]);
  });

  test('units know no screen: no components, pages, Solid or Astro', () => {
    expect(
      edgesWhere(
        under('units'),
        anyOf(under('components'), under('pages'), pkg('solid-js'), pkg('astro'), (b) => b.startsWith('astro:')),
      ),
    ).toEqual([]);
  });

  test('pages and components do not import Astro integrations', () => {
    expect(edgesWhere(anyOf(under('pages'), under('components')), under('integrations'))).toEqual([]);
  });

  test('build-time data modules (definitions, search documents) do not import components', () => {
    expect(edgesWhere(anyOf(under('definitions'), under('search'), under('exports'), under('build')), under('components'))).toEqual([]);
  });
});
