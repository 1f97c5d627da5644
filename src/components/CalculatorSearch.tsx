/** Home page island: instant typo-tolerant search, browse by specialty and purpose, favourites and recent. */
import type MiniSearch from 'minisearch';
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { getFavourites, getRecent, toggleFavourite } from './prefs';
import { currentFirst, type SearchDoc } from '../search/options';
import { loadSearchIndex } from '../search/index';
import { rankDocs, suggest } from '../search/rank';

interface Props {
  docs: SearchDoc[];
  base: string;
}

const PURPOSES: Record<string, string> = { diagnosis: 'Diagnosis', prognosis: 'Prognosis', treatment: 'Treatment & dosing', formula: 'Formula' };
const chip =
  'min-h-11 rounded-full border px-3 py-1 text-sm border-slate-300 dark:border-slate-600 aria-pressed:bg-teal-700 aria-pressed:text-white aria-pressed:border-teal-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600';

export default function CalculatorSearch(props: Props) {
  const [query, setQuery] = createSignal('');
  const [specialty, setSpecialty] = createSignal<string>();
  const [purpose, setPurpose] = createSignal<string>();
  const [favourites, setFavourites] = createSignal<string[]>([]);
  const [recent, setRecent] = createSignal<string[]>([]);
  const [index, setIndex] = createSignal<MiniSearch<SearchDoc>>();

  onMount(() => {
    setFavourites(getFavourites());
    setRecent(getRecent());
    fetch(`${props.base}search-index.json`)
      .then((r) => r.text())
      .then((json) => setIndex(loadSearchIndex(json)))
      .catch(() => undefined); // the substring fallback below keeps search working
  });

  const byId = createMemo(() => new Map(props.docs.map((d) => [d.id, d])));
  const specialties = createMemo(() => [...new Set(props.docs.flatMap((d) => d.specialties))].sort());
  const matches = createMemo(() => {
    const q = query().trim();
    let list: SearchDoc[];
    // Collections are found by search only, after the calculators; browsing lists calculators.
    if (!q) list = props.docs.filter((d) => !d.collection).sort((a, b) => a.title.localeCompare(b.title));
    else if (index()) list = rankDocs(index()!, props.docs, q);
    else {
      const low = q.toLowerCase();
      list = currentFirst(props.docs.filter((d) => `${d.title} ${d.short} ${d.synonyms} ${d.outputs}`.toLowerCase().includes(low)));
    }
    return [...list.filter((d) => !d.collection), ...list.filter((d) => d.collection)].filter(
      (d) => (!specialty() || d.specialties.includes(specialty()!)) && (!purpose() || d.purpose.includes(purpose()!)),
    );
  });
  // Nothing matches: the closest calculators and specialties (needs the index; none without it).
  const suggestions = createMemo(() =>
    query().trim() && !matches().length && index() ? suggest(index()!, props.docs, query()) : { docs: [], specialties: [] },
  );
  const href = (d: SearchDoc) => (d.collection ? `${props.base}${d.id}/` : `${props.base}c/${d.id}/`);
  // Enter opens the top hit, as in a browser's address bar.
  const openTop = (e: KeyboardEvent) => {
    const top = matches()[0];
    if (e.key !== 'Enter' || !query().trim() || !top) return;
    e.preventDefault();
    location.assign(href(top));
  };
  const pick = (ids: string[]) => ids.map((id) => byId().get(id)).filter((d): d is SearchDoc => !!d);

  const Item = (p: { doc: SearchDoc }) => {
    const fav = () => favourites().includes(p.doc.id);
    return (
      <li class="relative rounded-lg border border-slate-200 dark:border-slate-800 bg-white dark:bg-slate-900 hover:border-teal-600">
        <a href={href(p.doc)} class="block p-4 pr-14 focus-visible:outline-2 focus-visible:outline-teal-600 rounded-lg">
          <span class="block font-medium">
            {p.doc.title}
            {p.doc.superseded && <span class="ml-2 text-xs font-normal text-amber-800 dark:text-amber-300">older version</span>}
            {p.doc.collection && <span class="ml-2 text-xs font-normal text-teal-800 dark:text-teal-300">collection</span>}
          </span>
          <span class="block text-sm text-slate-600 dark:text-slate-400 mt-1">{p.doc.summary}</span>
          <span class="block text-xs text-slate-600 dark:text-slate-400 mt-2">{p.doc.specialties.join(' · ')}</span>
        </a>
        {/* Favourites hold calculator ids (prefs.ts): a collection has none. */}
        <Show when={!p.doc.collection}>
          <button
            type="button"
            class="absolute top-2 right-2 size-11 rounded-full text-xl text-amber-600 dark:text-amber-400 focus-visible:outline-2 focus-visible:outline-teal-600"
            aria-pressed={fav()}
            aria-label={`Favourite: ${p.doc.title}`}
            onClick={() => setFavourites(toggleFavourite(p.doc.id))}
          >
            {fav() ? '★' : '☆'}
          </button>
        </Show>
      </li>
    );
  };

  return (
    <div>
      <div role="search" class="mb-4">
        <label for="q" class="block font-medium mb-1">
          Search calculators
        </label>
        <input
          id="q"
          type="search"
          autocomplete="off"
          placeholder="e.g. egfr, wells, qtc, meld"
          class="w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 min-h-11 text-lg focus-visible:outline-2 focus-visible:outline-teal-600"
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={openTop}
          aria-describedby="q-hint"
        />
        <p id="q-hint" class="text-xs text-slate-600 dark:text-slate-400 mt-1">
          Enter opens the first result.
        </p>
      </div>
      <label class="block text-sm mb-2">
        <span class="mr-2">Specialty</span>
        <select
          class="rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 min-h-11"
          value={specialty() ?? ''}
          onChange={(e) => setSpecialty(e.currentTarget.value || undefined)}
        >
          <option value="">All specialties</option>
          <For each={specialties()}>{(s) => <option value={s}>{s}</option>}</For>
        </select>
      </label>
      <div class="flex flex-wrap gap-2 mb-4" role="group" aria-label="Purpose">
        <For each={Object.entries(PURPOSES)}>
          {([k, label]) => (
            <button type="button" class={chip} aria-pressed={purpose() === k} onClick={() => setPurpose(purpose() === k ? undefined : k)}>
              {label}
            </button>
          )}
        </For>
      </div>
      <Show when={!query() && !specialty() && !purpose() && (favourites().length || recent().length)}>
        <div class="grid gap-6 md:grid-cols-2 mb-6">
          <Show when={favourites().length}>
            <section aria-labelledby="fav-h">
              <h2 id="fav-h" class="font-semibold mb-2">
                Favourites
              </h2>
              <ul class="grid gap-2">
                <For each={pick(favourites())}>{(d) => <Item doc={d} />}</For>
              </ul>
            </section>
          </Show>
          <Show when={recent().length}>
            <section aria-labelledby="recent-h">
              <h2 id="recent-h" class="font-semibold mb-2">
                Recently used
              </h2>
              <ul class="grid gap-2">
                <For each={pick(recent())}>{(d) => <Item doc={d} />}</For>
              </ul>
            </section>
          </Show>
        </div>
      </Show>
      <h2 class="font-semibold mb-2" aria-live="polite">
        {matches().length} calculator{matches().length === 1 ? '' : 's'}
      </h2>
      <ul class="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Calculators">
        <For each={matches()}>{(d) => <Item doc={d} />}</For>
      </ul>
      <Show when={query().trim() && !matches().length}>
        <div class="text-slate-700 dark:text-slate-300" data-testid="no-match">
          <p>
            No calculator matches “{query().trim()}”{specialty() || purpose() ? ' with these filters' : ''}.
          </p>
          <Show when={suggestions().docs.length}>
            <p class="mt-2">
              Did you mean{' '}
              <For each={suggestions().docs}>
                {(d, i) => (
                  <>
                    {i() > 0 && (i() === suggestions().docs.length - 1 ? ' or ' : ', ')}
                    <a class="underline text-teal-800 dark:text-teal-300" href={href(d)}>
                      {d.title}
                    </a>
                  </>
                )}
              </For>
              ?
            </p>
          </Show>
          <Show when={suggestions().specialties.length}>
            <div class="mt-3 flex flex-wrap items-center gap-2" role="group" aria-label="Closest specialties">
              <span class="text-sm">Closest specialties:</span>
              <For each={suggestions().specialties}>
                {(s) => (
                  <button
                    type="button"
                    class={chip}
                    onClick={() => {
                      setQuery('');
                      setSpecialty(s);
                    }}
                  >
                    {s}
                  </button>
                )}
              </For>
            </div>
          </Show>
        </div>
      </Show>
    </div>
  );
}
