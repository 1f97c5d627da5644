import { z } from 'zod';

/** One problem found in something an author wrote: where, what, and how to fix it. */
export interface Problem {
  /** Path of the field, e.g. ['inputs', 1, 'unit']. */
  path: (string | number)[];
  /** What was found and what is allowed. */
  message: string;
  /** The fix, when one can be computed. */
  hint?: string;
  /** A warning is printed but does not fail `check` (e.g. a unit offered without its published cut-off). */
  severity?: 'warning';
  /** Id of the check that found it (src/definitions/checks.ts), printed beside the file and line. */
  check?: string;
}

/** Formats a path the way authors read it: `inputs[1].unit`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || '(top level)';
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The closest of `candidates` to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = c.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word.toLowerCase(), c.toLowerCase());
    if (dist < bestD) [best, bestD] = [c, dist];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function at(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `"${v}"`;
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function allowedKeys(schemaShape: unknown): string[] {
  return schemaShape && typeof schemaShape === 'object' ? Object.keys(schemaShape) : [];
}

/** Turns one zod issue into a Problem whose message quotes what was found and what is allowed. */
function toProblem(issue: z.ZodIssue, data: unknown, shapeAt: (path: (string | number)[]) => string[]): Problem[] {
  const found = at(data, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return [{ path: issue.path, message: `is required (expected ${issue.expected}) but is missing` }];
      return [{ path: issue.path, message: `${show(found)} is a ${issue.received}; expected ${issue.expected}` }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const allowed = shapeAt(issue.path);
        const near = closest(key, allowed);
        return {
          path: [...issue.path, key],
          message: `"${key}" is not a known field here. Expected one of: ${allowed.join(', ')}`,
          hint: near ? `did you mean "${near}"?` : undefined,
        };
      });
    case 'invalid_union_discriminator': {
      const opts = issue.options.map(String);
      const near = typeof found === 'string' ? closest(found, opts) : undefined;
      return [{ path: issue.path, message: `${show(found)} is not allowed. Expected one of: ${opts.join(', ')}`, hint: near ? `write "${near}"` : undefined }];
    }
    case 'invalid_enum_value': {
      const opts = issue.options.map(String);
      const near = typeof found === 'string' ? closest(found, opts) : undefined;
      return [{ path: issue.path, message: `${show(found)} is not allowed. Expected one of: ${opts.join(', ')}`, hint: near ? `write "${near}"` : undefined }];
    }
    case 'invalid_literal':
      return [{ path: issue.path, message: `${show(found)} is not allowed. Expected ${show(issue.expected)}` }];
    case 'too_small':
    case 'too_big': {
      const what = Array.isArray(found) ? `found ${found.length} item${found.length === 1 ? '' : 's'}` : `found ${show(found)}`;
      return [{ path: issue.path, message: `${issue.message.replace(/^./, (c) => c.toLowerCase())} (${what})` }];
    }
    case 'invalid_string':
      return [{ path: issue.path, message: `${show(found)} is not valid: ${issue.message}` }];
    case 'invalid_union':
      // Report the branch that got furthest: the one with the fewest issues.
      {
        const best = issue.unionErrors.slice().sort((a, b) => a.issues.length - b.issues.length)[0];
        if (best) return best.issues.flatMap((i) => toProblem(i, data, shapeAt));
      }
      return [{ path: issue.path, message: `${show(found)} is not valid here` }];
    default:
      // Custom messages (refinements) already say what was found.
      return [{ path: issue.path, message: issue.message }];
  }
}

/**
 * Parses `data` with `schema` and returns every problem at once, in author-friendly words.
 * Every place where author input enters (CLI, tests, Astro content) goes through this.
 */
export function parseFriendly<S extends z.ZodTypeAny>(schema: S, data: unknown): { ok: true; value: z.infer<S> } | { ok: false; problems: Problem[] } {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  const shapeAt = (path: (string | number)[]) => objectKeysAt(schema, data, path);
  return { ok: false, problems: r.error.issues.flatMap((i: z.ZodIssue) => toProblem(i, data, shapeAt)) };
}

/**
 * Names of the fields the schema allows at `path` (used to list allowed keys for a typo). Walks the
 * schema only through zod's public, typed accessors (innerType, unwrap, removeDefault, optionsMap,
 * discriminator, shape, element, valueSchema), never `_def`: the schemas avoid `.pipe()`, whose input
 * has no public accessor.
 */
function objectKeysAt(schema: z.ZodTypeAny, data: unknown, path: (string | number)[]): string[] {
  let s: z.ZodTypeAny | undefined = schema;
  let d: unknown = data;
  const field = (v: unknown, key: string | number): unknown => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined);
  const unwrap = () => {
    for (;;) {
      if (s instanceof z.ZodEffects) s = s.innerType();
      else if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
      else if (s instanceof z.ZodDefault) s = s.removeDefault();
      else if (s instanceof z.ZodDiscriminatedUnion) {
        const options = s.optionsMap as Map<unknown, z.ZodTypeAny>;
        s = options.get(field(d, s.discriminator)) ?? [...options.values()][0];
      } else return;
    }
  };
  unwrap();
  for (const key of path) {
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodTypeAny>)[key];
    else if (s instanceof z.ZodArray) s = s.element;
    else if (s instanceof z.ZodRecord) s = s.valueSchema;
    else return [];
    d = field(d, key);
    unwrap();
  }
  return allowedKeys(s instanceof z.ZodObject ? s.shape : undefined);
}
