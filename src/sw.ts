/// <reference lib="webworker" />
export {};
/**
 * The service worker (built by @vite-pwa/astro in injectManifest mode; its precache list comes from
 * src/integrations/pwa.mjs with a sha256 per file). No cached byte is used or kept unverified:
 *
 * - install: every file is fetched (or reused from an older version's cache) and stored only if its
 *   sha256 matches the build's; a wrong body (a captive portal's 200 HTML, a truncated or tampered
 *   file, a 404, a download that stalls) fails the install, the page is told how many files failed,
 *   and it retries later. Good files stay stored, so a retry only fetches what is missing.
 * - every use: the cached body is hashed again before it is served (another page on the same origin
 *   can rewrite Cache Storage); a file that fails is deleted and fetched again from the network, and
 *   kept only if it verifies.
 * - URLs are normalised: search parameters, a missing trailing slash and index.html all reach the
 *   precached page (issue 15, findings 1 and 4, and the offline URL finding).
 *
 * No clients.claim(), no skipWaiting() unless the user chose Reload (src/components/UpdatePrompt.astro).
 */
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

const SCOPE = self.registration.scope;
/** Absolute URL -> expected sha256 (hex). */
const WANT = new Map(self.__WB_MANIFEST.map((e) => [new URL(e.url, SCOPE).href, e.revision ?? '']));
const PREFIX = 'bedside-precache-';
// One cache per precache list: a version never overwrites the files the active version still serves.
const CACHE = `${PREFIX}${fnv([...WANT].join('\n'))}`;
/** A download that receives nothing for this long is abandoned (a hanging captive portal or proxy). */
const STALL_MS = 15_000;
const PARALLEL = 4;

function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

async function sha256(buf: ArrayBuffer): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The precached URL a request means, if any. */
function normalise(href: string): string | undefined {
  const u = new URL(href);
  u.search = '';
  u.hash = '';
  if (u.pathname.endsWith('/')) u.pathname += 'index.html';
  if (WANT.has(u.href)) return u.href;
  const dir = `${u.href.replace(/\/index\.html$/, '')}/index.html`;
  return WANT.has(dir) ? dir : undefined;
}

/** The body of a response, if it arrives in full, with a stall timeout on headers and on every chunk. */
async function download(url: string): Promise<{ res: Response; body: ArrayBuffer }> {
  const ctl = new AbortController();
  let timer = setTimeout(() => ctl.abort(), STALL_MS);
  const poke = () => (clearTimeout(timer), (timer = setTimeout(() => ctl.abort(), STALL_MS)));
  try {
    const res = await fetch(url, { cache: 'no-cache', signal: ctl.signal, credentials: 'same-origin' });
    const reader = res.body?.getReader();
    const parts: Uint8Array[] = [];
    let n = 0;
    for (;;) {
      if (!reader) break;
      poke();
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      n += value.length;
    }
    const body = new Uint8Array(n);
    let at = 0;
    for (const p of parts) body.set(p, (at += p.length) - p.length);
    return { res, body: body.buffer };
  } finally {
    clearTimeout(timer);
  }
}

const stored = (res: Response, body: ArrayBuffer) => new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });

async function tell(msg: Record<string, unknown>): Promise<void> {
  for (const c of await self.clients.matchAll({ includeUncontrolled: true, type: 'window' })) c.postMessage(msg);
}

/** Stores one file if, and only if, its bytes are the build's; true when it is stored. */
async function fill(cache: Cache, url: string, want: string): Promise<boolean> {
  const have = await cache.match(url);
  if (have && (await sha256(await have.clone().arrayBuffer())) === want) return true;
  // An unchanged file from the previous version (any cache: the hash decides, not where it was).
  const old = await caches.match(url, { ignoreSearch: true });
  if (old) {
    const body = await old.arrayBuffer();
    if ((await sha256(body)) === want) {
      await cache.put(url, stored(old, body));
      return true;
    }
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const { res, body } = await download(url);
      if (res.ok && (await sha256(body)) === want) {
        await cache.put(url, stored(res, body));
        return true;
      }
    } catch (e) {
      // A stalled download is not retried now (it would stall again); a dropped connection is, once.
      if ((e as Error).name === 'AbortError') break;
    }
  }
  await cache.delete(url);
  return false;
}

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  const todo = [...WANT];
  const failed: string[] = [];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let next = todo.shift(); next; next = todo.shift()) if (!(await fill(cache, next[0], next[1]))) failed.push(next[0]);
    }),
  );
  if (failed.length) {
    await tell({ type: 'bedside:precache-incomplete', failed: failed.length, total: WANT.size, urls: failed.slice(0, 5) });
    // A rejected install discards this worker; the page registers again later and only missing files are fetched.
    throw new Error(`${failed.length} of ${WANT.size} files failed verification`);
  }
}

self.addEventListener('install', (event) => event.waitUntil(precache()));

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if ((name.startsWith(PREFIX) && name !== CACHE) || name.startsWith('workbox-precache')) await caches.delete(name);
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

async function serve(url: string, want: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(url);
  if (hit) {
    const body = await hit.arrayBuffer();
    if ((await sha256(body)) === want) return stored(hit, body);
    await cache.delete(url); // tampered or corrupted in Cache Storage: never served, never kept
  }
  try {
    const { res, body } = await download(url);
    if (res.ok && (await sha256(body)) === want) {
      await cache.put(url, stored(res, body.slice(0)));
      if (hit) void tell({ type: 'bedside:repaired', url });
    } else void tell({ type: 'bedside:unverified', url, status: res.status });
    // A body that fails is passed on as the network gave it (the page's own checks refuse it: SRI,
    // model sha256) but never kept; a newer deploy's files also arrive this way until the update.
    return stored(res, body);
  } catch {
    void tell({ type: 'bedside:unavailable', url });
    return Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || req.headers.has('range')) return;
  const url = normalise(req.url);
  if (!url || !url.startsWith(SCOPE)) return;
  event.respondWith(serve(url, WANT.get(url)!));
});
