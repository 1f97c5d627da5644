/**
 * How markdown from calculators/ (notes.md) is rendered: with raw HTML disabled (remark-rehype drops
 * it instead of passing it through), no syntax highlighter (it would write style="" attributes), and
 * the HTML tree sanitised to an allow-list of elements and attributes, with link and image targets
 * limited to safe schemes. A contribution cannot put script, styles or a javascript: link on the page,
 * whatever `check` missed (issue 15, finding 2).
 */

const ALLOWED = new Set([
  'p',
  'a',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'br',
  'hr',
  'del',
  'sup',
  'sub',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'input',
  'section',
]);
// Elements whose content is dropped with them, not unwrapped.
const DROP = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math', 'form', 'textarea', 'select', 'button']);
const ATTRS = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  th: ['align'],
  td: ['align'],
  ol: ['start'],
  input: ['type', 'checked', 'disabled'], // GFM task lists
  '*': ['id'],
};

/** A link target that can only navigate: relative, #anchor, http(s) or mailto (see src/definitions/lint-html.ts). */
export function safeHref(url) {
  // eslint-disable-next-line no-control-regex -- the control characters are what a browser strips
  const cleaned = String(url).replace(/[\u0000-\u0020\u007f]/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return !m || ['http', 'https', 'mailto'].includes(m[1].toLowerCase());
}

function clean(node) {
  if (!node.children) return;
  const out = [];
  for (const child of node.children) {
    if (child.type === 'raw' || child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    const tag = child.tagName;
    if (DROP.has(tag)) continue;
    clean(child);
    if (!ALLOWED.has(tag)) {
      out.push(...(child.children ?? [])); // unwrap: keep the text, lose the element
      continue;
    }
    const keep = new Set([...(ATTRS[tag] ?? []), ...ATTRS['*']]);
    const props = {};
    for (const [k, v] of Object.entries(child.properties ?? {})) {
      if (!keep.has(k)) continue;
      if ((k === 'href' || k === 'src') && !safeHref(v)) continue;
      if (tag === 'img' && k === 'src' && /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(String(v))) continue; // images only from the site
      if (tag === 'input' && k === 'type' && v !== 'checkbox') continue;
      props[k] = v;
    }
    if (tag === 'a' && /^(?:https?:)?\/\//i.test(String(props.href ?? ''))) props.rel = ['noreferrer'];
    out.push({ ...child, properties: props });
  }
  node.children = out;
}

/** rehype plugin: sanitises the tree in place (runs after remark-rehype, before stringify). */
export function rehypeAllowList() {
  return (tree) => clean(tree);
}

/**
 * Astro's `markdown` option for the site.
 * @type {{ syntaxHighlight: false, remarkRehype: { allowDangerousHtml: boolean }, rehypePlugins: (typeof rehypeAllowList)[] }}
 */
export const markdownOptions = {
  syntaxHighlight: false,
  remarkRehype: { allowDangerousHtml: false },
  rehypePlugins: [rehypeAllowList],
};
