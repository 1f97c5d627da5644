/**
 * Definition text is data, never markup: `check` refuses raw HTML and script-capable links in
 * notes.md and in every string of calculator.yaml / cases.yaml, so a contribution cannot put script,
 * a style="" overlay or a javascript: link on the site (issue 15, finding 2). The build renders
 * notes.md with raw HTML disabled and links sanitised as well (src/integrations/markdown.mjs); this is
 * the author-facing half, with file and line.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Problem } from '../schema/friendly';

/** URL schemes a link in definition text may use; anything else (javascript:, data:, vbscript:, file:) is refused. */
export const SAFE_SCHEMES = ['http:', 'https:', 'mailto:'];

/** The scheme of a URL as a browser reads it (it ignores ASCII whitespace and control characters inside). */
function schemeOf(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- the control characters are what a browser strips
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return m ? `${m[1].toLowerCase()}:` : undefined;
}

/** True when a link target may be rendered: a relative URL, an anchor, or http(s)/mailto. */
export function safeUrl(url: string): boolean {
  const s = schemeOf(url);
  return s === undefined || SAFE_SCHEMES.includes(s);
}

// An HTML tag, comment, CDATA or processing instruction. "<5 mmol/L", "a < b" and "≤" are not tags.
const TAG = /<(?:\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|!--|!\[CDATA\[|\?[a-z])/i;
// A script-capable URL inside prose: "javascript:…", "vbscript:…", a data: URL with a MIME type.
const BAD_URL = /(?:^|[\s("'[<=])(?:javascript|vbscript)\s*:|(?:^|[\s("'[<=])data:[\w.+-]+\/[\w.+-]+[;,]/i;
// Formula text (mathjs syntax) legitimately holds "<" and ">": not prose.
const FORMULA_KEYS = new Set(['formula', 'when', 'where']);

/** Every string in a parsed YAML definition or cases file that holds raw HTML or a script-capable link. */
export function htmlInYaml(data: unknown, path: (string | number)[] = []): Problem[] {
  if (typeof data === 'string') {
    if (path.some((p) => typeof p === 'string' && FORMULA_KEYS.has(p))) return [];
    const tag = TAG.exec(data);
    if (tag)
      return [
        {
          path,
          message: `raw HTML is not allowed in definition text: found "${tag[0].slice(0, 40)}"`,
          hint: 'write plain text (the site shows it as text, never as markup); for emphasis or links use notes.md markdown',
        },
      ];
    const url = BAD_URL.exec(data) ?? (/^(?:url|href|link)$/.test(String(path.at(-1))) && !safeUrl(data) ? [data] : null);
    if (url)
      return [
        {
          path,
          message: `a ${schemeOf(url[0].trim().replace(/^[\s("'[<=]/, '')) ?? 'script'} link is not allowed in definition text: found "${url[0].trim().slice(0, 40)}"`,
          hint: `link to the source with ${SAFE_SCHEMES.join(' or ')} (a doi: or pmid: field is better still)`,
        },
      ];
    return [];
  }
  if (Array.isArray(data)) return data.flatMap((v, k) => htmlInYaml(v, [...path, k]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => htmlInYaml(v, [...path, k]));
  return [];
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  position?: { start: { line: number } };
  children?: MdNode[];
}

/** Raw HTML and unsafe link targets in a notes.md, each with its line. */
export function htmlInMarkdown(markdown: string): { line: number; message: string; hint: string }[] {
  const out: { line: number; message: string; hint: string }[] = [];
  const walk = (n: MdNode) => {
    const line = n.position?.start.line ?? 1;
    // A comment alone is an author's note to the next author (the template uses them): it renders as
    // nothing (raw HTML is disabled) and can carry no markup, since "--" ends it.
    const comment = n.type === 'html' && /^<!--(?:(?!-->)[\s\S])*-->$/.test((n.value ?? '').trim());
    if (n.type === 'html' && !comment)
      out.push({
        line,
        message: `raw HTML is not allowed in notes.md: found "${(n.value ?? '').trim().slice(0, 40)}"`,
        hint: 'write it in markdown (**bold**, [text](https://…), tables); the site renders notes with raw HTML disabled, so it would not show anyway',
      });
    if ((n.type === 'link' || n.type === 'image' || n.type === 'definition') && n.url !== undefined && !safeUrl(n.url))
      out.push({
        line,
        message: `a ${schemeOf(n.url)} ${n.type === 'image' ? 'image' : 'link'} is not allowed in notes.md: found "${n.url.slice(0, 40)}"`,
        hint: `link with ${SAFE_SCHEMES.join(' or ')} or a relative path; images must be files of the site`,
      });
    n.children?.forEach(walk);
  };
  walk(fromMarkdown(markdown) as MdNode);
  return out;
}
