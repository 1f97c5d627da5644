/** Colour theme: follows the system by default; a tap cycles system → light → dark (kept in localStorage). */
import { createSignal, onMount } from 'solid-js';
import { getTheme, setTheme, type Theme } from './prefs';

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Applies a theme to the page (the inline script in Base.astro does the same before first paint). */
export function applyTheme(t: Theme): void {
  const c = document.documentElement.classList;
  c.toggle('light', t === 'light');
  c.toggle('dark', t === 'dark');
}

export default function ThemeToggle() {
  const [theme, set] = createSignal<Theme>('system');
  onMount(() => set(getTheme()));
  return (
    <button
      type="button"
      class="ml-auto min-h-11 rounded-md px-3 text-sm border border-slate-300 dark:border-slate-600 focus-visible:outline-2 focus-visible:outline-teal-600 print:hidden"
      aria-label={`Colour theme: ${LABEL[theme()]}. Change`}
      onClick={() => {
        const t = NEXT[theme()];
        set(t);
        setTheme(t);
        applyTheme(t);
      }}
    >
      Theme: {LABEL[theme()]}
    </button>
  );
}
