/**
 * Carries the JSDoc of every schema field (src/schema/*.ts) into the generated JSON Schema as
 * `description`, so an author hovering a field in calculator.yaml reads the same words as a
 * developer reading the zod schema. The doc comments stay the one source: no `.describe()` twins.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { PostProcessCallback } from 'zod-to-json-schema';

/** An object literal of a schema file: its fields' doc comments and the names it spreads in. */
interface Literal {
  docs: Map<string, string>;
  spreads: string[];
}

const jsDoc = (node: ts.Node): string | undefined => {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const text = docs
    ?.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join('\n')
    .trim();
  return text ? text.replace(/\s*\n\s*/g, ' ') : undefined;
};

function readLiterals(dir: string): { literals: Literal[]; named: Map<string, Literal> } {
  const literals: Literal[] = [];
  const named = new Map<string, Literal>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const lit: Literal = { docs: new Map(), spreads: [] };
        for (const p of node.properties) {
          if (ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression)) lit.spreads.push(p.expression.text);
          else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) lit.docs.set(p.name.text, jsDoc(p) ?? '');
        }
        literals.push(lit);
        if (ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) named.set(node.parent.name.text, lit);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, named };
}

let cache: Map<string, Map<string, string>> | undefined;

/** Field docs of every object literal, keyed by its sorted field names (spreads resolved). */
function docsByShape(): Map<string, Map<string, string>> {
  if (cache) return cache;
  const { literals, named } = readLiterals(fileURLToPath(new URL('../schema', import.meta.url)));
  const resolve = (lit: Literal): Map<string, string> =>
    new Map([...lit.spreads.flatMap((s) => [...(named.get(s) ? resolve(named.get(s)!) : [])]), ...lit.docs]);
  cache = new Map();
  for (const lit of literals) {
    const docs = resolve(lit);
    cache.set([...docs.keys()].sort().join(','), docs);
  }
  return cache;
}

/** zod-to-json-schema post-processor: adds each object field's JSDoc as its `description`. */
export const describeFromJsDoc: PostProcessCallback = (json, def) => {
  const d = def as { typeName?: string; shape?: () => Record<string, unknown> };
  if (!json || d.typeName !== 'ZodObject' || !d.shape || !('properties' in json)) return json;
  const docs = docsByShape().get(Object.keys(d.shape()).sort().join(','));
  const props = (json as { properties: Record<string, Record<string, unknown>> }).properties;
  for (const [key, prop] of Object.entries(props)) {
    const text = docs?.get(key);
    if (text && prop && typeof prop === 'object' && !prop.description) prop.description = text;
  }
  return json;
};
