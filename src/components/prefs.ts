/**
 * Preferences, favourites and recently used calculators: localStorage only, never sent anywhere.
 * Typed values are never stored here. Every accessor works during the static build (no storage).
 *
 * Everything read back goes through a zod schema: storage is shared with every page of the origin
 * and with older versions of this site, so a value of the wrong shape (null, {}, 5, "abc", a list of
 * numbers, an id that is not kebab-case) is dropped — that key is removed and the default used —
 * never trusted and never fatal (issue 15, finding 3).
 */
import { isServer } from 'solid-js/web';
import { z } from 'zod';

const KEY = { units: 'bedside.units', favourites: 'bedside.favourites', recent: 'bedside.recent', theme: 'bedside.theme' } as const;

/** A calculator id as the site writes it (kebab-case, bounded). */
const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);
const RECENT_MAX = 8;
const FAVOURITES_MAX = 500;

export const StoredSchemas = {
  units: z.enum(['us', 'si']),
  theme: z.enum(['light', 'dark', 'system']),
  favourites: z.array(IdSchema).max(FAVOURITES_MAX),
  recent: z.array(IdSchema).max(RECENT_MAX * 4),
} as const;

/** Reads one stored value through its schema; a missing, unreadable or wrong-shaped value gives `fallback`. */
export function readStored<T>(storage: Pick<Storage, 'getItem' | 'removeItem'>, key: string, schema: z.ZodType<T>, fallback: T): T {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return fallback; // storage disabled (private mode, policy): behave as a first visit
  }
  if (raw === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON
  }
  try {
    storage.removeItem(key); // drop the bad value, so it is not read again
  } catch {
    /* read-only storage */
  }
  return fallback;
}

function read<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
  return isServer ? fallback : readStored(localStorage, key, schema, fallback);
}

function write(key: string, value: unknown): void {
  if (isServer) return;
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the preference lasts for this page only */
  }
}

export type UnitSystem = z.infer<typeof StoredSchemas.units>;
export const getUnitSystem = (): UnitSystem | undefined => read<UnitSystem | undefined>(KEY.units, StoredSchemas.units, undefined);
export const setUnitSystem = (s: UnitSystem) => write(KEY.units, s);

export const getFavourites = (): string[] => read(KEY.favourites, StoredSchemas.favourites, []);
export function toggleFavourite(id: string): string[] {
  const now = getFavourites();
  const next = now.includes(id) ? now.filter((f) => f !== id) : [id, ...now];
  write(KEY.favourites, next.slice(0, FAVOURITES_MAX));
  return next;
}

export const getRecent = (): string[] => read(KEY.recent, StoredSchemas.recent, []).slice(0, RECENT_MAX);
export function addRecent(id: string): void {
  write(KEY.recent, [id, ...getRecent().filter((r) => r !== id)].slice(0, RECENT_MAX));
}

export type Theme = z.infer<typeof StoredSchemas.theme>;
export const getTheme = (): Theme => read(KEY.theme, StoredSchemas.theme, 'system');
export const setTheme = (t: Theme) => write(KEY.theme, t);
