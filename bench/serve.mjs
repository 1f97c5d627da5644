/**
 * A tiny static server for the built site, as a careful static host would serve it: precompressed
 * .br/.gz copies when the browser accepts them (Vary: Accept-Encoding), content-hashed files
 * (/_astro/, /models/) cached forever, everything else revalidated with an ETag.
 *
 *   node bench/serve.mjs [dir=dist] [port=4517]
 *
 * `npm start` uses it on 127.0.0.1:4321, so a newcomer's first impression is the production one
 * (astro preview sends the 14 MB onnxruntime wasm uncompressed and caches nothing). A site built
 * with BEDSIDE_BASE=/sub/ is served under that path, as on its real host.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function serve(dir, port, host = '127.0.0.1', base = '/') {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(base)) {
      if (`${url.pathname}/` === base) return void res.writeHead(301, { Location: base }).end();
      return void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: the site is served under ${base}`);
    }
    let path;
    try {
      path = normalize(decodeURIComponent(url.pathname.slice(base.length - 1)));
    } catch {
      return void res.writeHead(400).end();
    }
    if (path.includes('..')) return void res.writeHead(400).end();
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return void res.writeHead(301, { Location: `${path}/${url.search}` }).end();
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'Content-Type': TYPES['.html'] });
      return void (existsSync(notFound) ? createReadStream(notFound).pipe(res) : res.end('not found'));
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    let encoding;
    let body = file;
    if (/\bbr\b/.test(accept) && existsSync(`${file}.br`)) [encoding, body] = ['br', `${file}.br`];
    else if (/\bgzip\b/.test(accept) && existsSync(`${file}.gz`)) [encoding, body] = ['gzip', `${file}.gz`];
    const st = statSync(body);
    const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
    const hashed = /\/(_astro|models)\//.test(path);
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
    headers['Content-Length'] = st.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(body).pipe(res);
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '4517'] = process.argv.slice(2);
  const base = process.env.BEDSIDE_BASE ?? '/';
  await serve(dir, Number(port), '127.0.0.1', base);
  console.log(`serving ${dir} on http://127.0.0.1:${port}${base} (precompressed, hashed files cached immutably; Ctrl-C stops)`);
}
