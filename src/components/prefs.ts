/**
 * Preferences, favourites and recently used calculators: localStorage only, never sent anywhere.
 * Typed values are never stored here. Every accessor works during the static build (no storage).
 */
import { isServer } from 'solid-js/web';

const KEY = { units: 'bedside.units', favourites: 'bedside.favourites', recent: 'bedside.recent', theme: 'bedside.theme' } as const;

function read<T>(key: string, fallback: T): T {
  if (isServer) return fallback;
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback; // storage disabled (private mode) or corrupted: behave as a first visit
  }
}

function write(key: string, value: unknown): void {
  if (isServer) return;
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the preference lasts for this page only */
  }
}

export type UnitSystem = 'us' | 'si';
export const getUnitSystem = (): UnitSystem | undefined => read<UnitSystem | undefined>(KEY.units, undefined);
export const setUnitSystem = (s: UnitSystem) => write(KEY.units, s);

export const getFavourites = (): string[] => read<string[]>(KEY.favourites, []);
export function toggleFavourite(id: string): string[] {
  const now = getFavourites();
  const next = now.includes(id) ? now.filter((f) => f !== id) : [id, ...now];
  write(KEY.favourites, next);
  return next;
}

const RECENT_MAX = 8;
export const getRecent = (): string[] => read<string[]>(KEY.recent, []);
export function addRecent(id: string): void {
  write(KEY.recent, [id, ...getRecent().filter((r) => r !== id)].slice(0, RECENT_MAX));
}

export type Theme = 'light' | 'dark' | 'system';
export const getTheme = (): Theme => read<Theme>(KEY.theme, 'system');
export const setTheme = (t: Theme) => write(KEY.theme, t);
