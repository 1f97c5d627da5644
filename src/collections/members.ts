/**
 * A collection page's forms: the patient values entered once (every input that declares a concept,
 * src/units/concepts.ts, one field per concept), each member's own remaining inputs, how a patient
 * value reaches each member's field (through the same concept matching and unit conversion as the
 * patient context, src/context/prefill.ts), the share link's #fragment and the note. Pure, tested in
 * test/unit/collections.test.ts; the island (src/components/CollectionPage.tsx) wires them up.
 */
import type { Calculator, Input } from '../schema';
import type { Collection } from '../schema/collection';
import { entryOf, prefillOf, type Prefill } from '../context/prefill';
import type { PatientContext } from '../context/patient';
import type { FieldResult } from '../runtime/values';
import type { OutputResult } from '../runtime/calculate';
import { convert, conversionProblem } from '../units/convert';
import { decodeFragment, encodeFragment, MAX_FRAGMENT_LENGTH } from '../components/share';
import type { FormState } from '../components/form-state';
import { noteText, type EnteredValue } from '../components/note';
import type { PathwayState } from './pathway';
import { citationText } from '../format/citation';

export interface Member {
  id: string;
  calc: Calculator;
}

/** The concept an input shares with the patient values, if any. */
export const sharedConcept = (input: Input): string | undefined => (input.concept && input.concept !== 'none' ? input.concept : undefined);

/** Which member inputs each patient value feeds: concept → [{ member, input }]. */
export function conceptUses(members: readonly Member[]): Record<string, { member: string; input: Input }[]> {
  const uses: Record<string, { member: string; input: Input }[]> = {};
  for (const m of members)
    for (const input of m.calc.inputs) {
      const c = sharedConcept(input);
      if (c) (uses[c] ??= []).push({ member: m.id, input });
    }
  return uses;
}

/**
 * The patient-values form as a calculator of its own: one input per concept (id = the concept id),
 * the first member's field for it, accepting what any member accepts (the widest limits, converted
 * to its unit) and optional only when it is optional everywhere. It has no outputs and no model: it
 * only holds what is typed; each member's own model computes.
 */
export function patientView(members: readonly Member[]): Calculator {
  const inputs: Input[] = Object.entries(conceptUses(members)).map(([concept, uses]) => {
    const first = uses[0].input;
    const optional = uses.every((u) => u.input.type === 'number' && u.input.optional);
    if (first.type !== 'number') return { ...first, id: concept };
    let [lo, hi] = first.limits;
    const units = new Set(first.units);
    for (const { input } of uses.slice(1)) {
      if (input.type !== 'number' || (input.analyte ?? first.analyte) !== (first.analyte ?? input.analyte)) continue;
      if (conversionProblem(input.unit, first.unit, first.analyte)) continue;
      lo = Math.min(lo, convert(input.limits[0], input.unit, first.unit, first.analyte));
      hi = Math.max(hi, convert(input.limits[1], input.unit, first.unit, first.analyte));
      for (const u of [input.unit, ...input.units]) if (u !== first.unit) units.add(u);
    }
    return { ...first, id: concept, limits: [lo, hi], units: [...units], optional, typical: first.typical };
  });
  return { ...members[0].calc, title: 'Patient values', short: undefined, inputs, tables: [], outputs: [], interpretation: [] } as Calculator;
}

/** A member as its card shows it: its inputs without the ones the patient values fill. */
export const memberView = (calc: Calculator): Calculator => ({ ...calc, inputs: calc.inputs.filter((i) => !sharedConcept(i)) });

/**
 * What a member's field shows for a patient value: the value typed once, as the patient context
 * would carry it (same unit when the field offers it, else converted); undefined when the member
 * does not accept it (outside its limits) — its card then says so.
 */
export function carryValue(shared: Input, text: string, unit: string | undefined, read: FieldResult, target: Input): Prefill | undefined {
  const e = entryOf(shared, text, unit, read, { id: 'collection', title: 'Patient values' }, 0);
  if (!e) return undefined;
  const ctx: PatientContext = { v: 1, started: 0, entries: { [e.concept]: e.entry } };
  return prefillOf({ ...target, concept: e.concept }, ctx);
}

// ---- share link -------------------------------------------------------------------------------

/** Everything a collection page holds: the patient values and each member's own inputs. */
export interface CollectionState {
  patient: FormState;
  members: Record<string, FormState>;
}

/**
 * The #fragment: patient values under their concept id, a member's inputs as `<member>.<input>`
 * (`age=67&wells-pe.dvt_signs=1`). Only the fragment, which browsers never send to a server.
 */
export function encodeCollectionFragment(patient: Calculator, members: readonly Member[], s: CollectionState): string {
  const parts = [encodeFragment(patient, s.patient)];
  for (const m of members) {
    const own = new URLSearchParams(encodeFragment(memberView(m.calc), s.members[m.id] ?? { texts: {}, units: {} }));
    const prefixed = new URLSearchParams();
    for (const [k, v] of own) prefixed.set(`${m.id}.${k}`, v);
    parts.push(prefixed.toString());
  }
  return parts.filter(Boolean).join('&');
}

/** The state back from a fragment; unknown names are ignored (each part is read by decodeFragment). */
export function decodeCollectionFragment(patient: Calculator, members: readonly Member[], fragment: string): CollectionState {
  const empty: CollectionState = { patient: { texts: {}, units: {} }, members: {} };
  if (fragment.length > MAX_FRAGMENT_LENGTH * 2) return empty;
  const all = new URLSearchParams(fragment.replace(/^#/, ''));
  const own = new URLSearchParams();
  const byMember: Record<string, URLSearchParams> = {};
  for (const [k, v] of all) {
    const dot = k.indexOf('.');
    if (dot < 0) own.set(k, v);
    else (byMember[k.slice(0, dot)] ??= new URLSearchParams()).set(k.slice(dot + 1), v);
  }
  return {
    patient: decodeFragment(patient, own.toString()),
    members: Object.fromEntries(members.map((m) => [m.id, decodeFragment(memberView(m.calc), byMember[m.id]?.toString() ?? '')])),
  };
}

// ---- note -------------------------------------------------------------------------------------

/** One member's part of the note: what it was given and what it gave, or why it gave nothing yet. */
export interface MemberNote {
  member: Member;
  entered: Record<string, EnteredValue>;
  results?: OutputResult[];
  missing: string[];
}

/** The note for the whole collection: the question, each member's note, each stage's next step and its source. */
export function collectionNote(c: Collection, notes: readonly MemberNote[], pathway: readonly PathwayState[], date: string): string {
  const title = (m: Member) => m.calc.short ?? m.calc.title;
  const members = notes.map((n) =>
    n.results
      ? noteText(n.member.calc, n.entered, n.results, date).split('\n').slice(0, -1).join('\n')
      : `${n.member.calc.title}: not computed (waiting for ${n.missing.join(', ').toLowerCase() || 'the engine'})`,
  );
  const steps = c.pathway.map((stage, g) => {
    const st = pathway[g];
    const k = st?.current;
    if (k === undefined) {
      const waiting = (st?.waitingFor ?? []).map((id) => title(notes.find((n) => n.member.id === id)?.member ?? { id, calc: { title: id } as Calculator }));
      return `${stage.stage}: not decided yet${waiting.length ? ` (needs ${waiting.join(', ')})` : ''}.`;
    }
    const step = stage.steps[k];
    return `${stage.stage}: ${step.then}\n  Source: ${citationText(step.source)}`;
  });
  return [
    `${c.title} (collection v${c.version})`,
    `Question: ${c.question}`,
    '',
    ...members.flatMap((m) => [m, '']),
    'Pathway — next step:',
    ...steps,
    `Calculated ${date} with Bedside.`,
  ].join('\n');
}
