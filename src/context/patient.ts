/**
 * The current patient: values entered in any calculator (or pasted from a lab report), kept for one
 * sitting so the next calculator that asks for the same quantity can pre-fill it.
 *
 * - Where: this tab's sessionStorage only (the browser deletes it when the tab closes). Never
 *   localStorage, IndexedDB, a cookie or a URL; never sent anywhere.
 * - How long: CONTEXT_TTL_MS after the first value of the sitting (shown on the page), then it is
 *   dropped unread; "New patient" clears it at once.
 * - What: per concept (src/units/concepts.ts), the value in the concept's canonical unit, the text
 *   and unit as entered, where it came from (the calculator, or the pasted line) and when.
 *
 * Everything read back goes through zod: storage is shared with every page of the origin and can
 * hold anything, so a wrong-shaped context is dropped, never trusted (issue 15's rule).
 */
import { z } from 'zod';
import { concept as conceptById } from '../units/concepts';

export const CONTEXT_KEY = 'bedside:patient';
/** One sitting: four hours from the first value. */
export const CONTEXT_TTL_MS = 4 * 60 * 60 * 1000;
/** Clocks move; a context "started" in the future by more than this is not from this sitting. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const Short = z.string().max(200);

export const EntrySchema = z
  .object({
    /** Number concepts: the value in the concept's canonical unit. */
    value: z.number().finite().optional(),
    /** `sex`: the answer. */
    sex: z.enum(['female', 'male']).optional(),
    /** As entered: the text and the unit symbol (a number concept), for pre-filling in that unit. */
    text: z.string().max(64),
    unit: z.string().max(40).optional(),
    /** Where it came from: a calculator (id, title) or a paste. */
    from: z.object({ id: z.string().max(80), title: Short }).strict(),
    source: z.enum(['typed', 'paste']),
    /** The pasted line it was read from. */
    line: z.string().max(300).optional(),
    /** When it was entered (ms since the epoch). */
    at: z.number().int().nonnegative(),
  })
  .strict()
  .refine((e) => (e.value === undefined) !== (e.sex === undefined), 'an entry holds a number or a sex');

export type ContextEntry = z.infer<typeof EntrySchema>;

export const ContextSchema = z
  .object({
    v: z.literal(1),
    started: z.number().int().nonnegative(),
    entries: z.record(z.string().max(40), EntrySchema).refine((r) => Object.keys(r).length <= 100),
  })
  .strict();

export type PatientContext = z.infer<typeof ContextSchema>;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** When the context ends. */
export const expiresAt = (ctx: PatientContext): number => ctx.started + CONTEXT_TTL_MS;

function drop(storage: Store): void {
  try {
    storage.removeItem(CONTEXT_KEY);
  } catch {
    /* read-only storage */
  }
}

/** The current context, or undefined (none, expired, from the future, unknown concepts, or not ours). */
export function readContext(storage: Store, now: number): PatientContext | undefined {
  let raw: string | null;
  try {
    raw = storage.getItem(CONTEXT_KEY);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let parsed: ReturnType<typeof ContextSchema.safeParse> | undefined;
  try {
    parsed = ContextSchema.safeParse(JSON.parse(raw));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success || now >= expiresAt(parsed.data) || parsed.data.started > now + CLOCK_SKEW_MS) return void drop(storage);
  // Entries for concepts this version does not know, or of the wrong kind, are left out.
  const entries: Record<string, ContextEntry> = {};
  for (const [id, e] of Object.entries(parsed.data.entries)) {
    const c = conceptById(id);
    if (!c || (c.kind === 'sex') !== (e.sex !== undefined) || e.at > now + CLOCK_SKEW_MS) continue;
    entries[id] = e;
  }
  return { ...parsed.data, entries };
}

function write(storage: Store, ctx: PatientContext): boolean {
  try {
    storage.setItem(CONTEXT_KEY, JSON.stringify(ctx));
    return true;
  } catch {
    return false; // full or disabled storage: the context is a convenience, never a requirement
  }
}

/** Records values (concept → entry); a new sitting starts when there is none. Returns the context. */
export function putEntries(storage: Store, entries: Record<string, ContextEntry>, now: number): PatientContext | undefined {
  const valid: Record<string, ContextEntry> = {};
  for (const [id, e] of Object.entries(entries)) {
    const c = conceptById(id);
    const ok = EntrySchema.safeParse(e);
    if (c && ok.success && (c.kind === 'sex') === (e.sex !== undefined)) valid[id] = ok.data;
  }
  if (!Object.keys(valid).length) return readContext(storage, now);
  const ctx = readContext(storage, now) ?? { v: 1 as const, started: now, entries: {} };
  const next = { ...ctx, entries: { ...ctx.entries, ...valid } };
  return write(storage, next) ? next : undefined;
}

/** Forgets one value (the user removed it on the panel). */
export function removeEntry(storage: Store, id: string, now: number): PatientContext | undefined {
  const ctx = readContext(storage, now);
  if (!ctx || !(id in ctx.entries)) return ctx;
  const { [id]: _gone, ...entries } = ctx.entries;
  void _gone;
  const next = { ...ctx, entries };
  if (!Object.keys(entries).length) return void drop(storage);
  return write(storage, next) ? next : undefined;
}

/** "New patient": forgets everything at once. */
export function clearContext(storage: Store): void {
  drop(storage);
}

/** "3 min ago", "1 h 20 min ago": how long ago a value was entered. */
export function ago(at: number, now: number): string {
  const min = Math.max(0, Math.round((now - at) / 60_000));
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  return m ? `${h} h ${m} min ago` : `${h} h ago`;
}
