/** Actions on a result: copy to note, share link (inputs in the #fragment only), favourite. */
import { createSignal, onMount, Show } from 'solid-js';
import { getFavourites, toggleFavourite } from './prefs';

interface Props {
  id: string;
  title: string;
  /** Whether there is a result to copy. */
  canCopy: boolean;
  /** The note text (built when copied, not on every keystroke), or undefined while there is no result. */
  note: () => string | undefined;
  /** Whether anything is entered to share. */
  canShare: boolean;
  /** The #fragment for the current inputs (built when shared). */
  fragment: () => string;
  /** Offer "Add to favourites" (calculators only: favourites hold calculator ids, src/components/prefs.ts). */
  favourite?: boolean;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (insecure context, permissions): fall back to a selected textarea.
    const t = document.createElement('textarea');
    t.value = text;
    t.setAttribute('readonly', '');
    t.style.position = 'fixed';
    t.style.opacity = '0';
    document.body.append(t);
    t.select();
    const ok = document.execCommand('copy');
    t.remove();
    return ok;
  }
}

const btn =
  'min-h-11 rounded-md border border-slate-300 dark:border-slate-600 px-3 py-2 text-sm disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-teal-600';

export default function Toolbar(props: Props) {
  const [status, setStatus] = createSignal('');
  const [fav, setFav] = createSignal(false);
  const [link, setLink] = createSignal<string>();
  onMount(() => {
    if (props.favourite !== false) setFav(getFavourites().includes(props.id));
  });

  const shareUrl = () => `${location.origin}${location.pathname}#${props.fragment()}`;
  return (
    <div class="mt-3 print:hidden">
      <div class="flex flex-wrap gap-2">
        <button
          type="button"
          class={btn}
          disabled={!props.canCopy}
          onClick={async () => {
            const note = props.note();
            if (note) setStatus((await copy(note)) ? 'Copied to the clipboard.' : 'Copy failed: select the text below.');
          }}
        >
          Copy to note
        </button>
        <button
          type="button"
          class={btn}
          disabled={!props.canShare}
          onClick={async () => {
            setLink(shareUrl());
            history.replaceState(null, '', `#${props.fragment()}`);
            setStatus((await copy(shareUrl())) ? 'Link copied. Its values stay in the part after #, which is never sent to a server.' : 'Copy the link below.');
          }}
        >
          Share link
        </button>
        <Show when={props.favourite !== false}>
          <button type="button" class={btn} aria-pressed={fav()} onClick={() => setFav(toggleFavourite(props.id).includes(props.id))}>
            {fav() ? '★ Favourite' : '☆ Add to favourites'}
          </button>
        </Show>
      </div>
      <p class="text-sm mt-2 text-slate-600 dark:text-slate-400" role="status">
        {status()}
      </p>
      <Show when={link()}>
        <label class="block text-sm mt-1">
          Share link
          <input
            readonly
            class="block w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1 min-h-11"
            value={link()}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
      </Show>
    </div>
  );
}
