/**
 * A collection, live (a Solid island on /collections/<id>/): the patient values entered once, each
 * member calculator with its own inputs and its result from its own ONNX model, and the pathway's
 * next step per stage, read from the bands those models chose (src/collections/pathway.ts: nothing
 * is computed here). Built from the calculator island's primitives: form-state, unit-system,
 * engine-state, patient-context, share and note; nothing typed leaves the device.
 */
import { createEffect, createMemo, createSignal, For, onMount, Show } from 'solid-js';
import type { Collection } from '../schema/collection';
import type { ModelRef } from '../runtime/session';
import { formatDate, todayDays } from '../runtime/values';
import { createEngine, createResults } from './engine-state';
import { createForm, initialText } from './form-state';
import InputsForm from './InputsForm';
import PatientBar from './PatientBar';
import { createPatientContext } from './patient-context';
import Toolbar from './Toolbar';
import { createUnitSystem } from './unit-system';
import { createKeptValues, forgetKept, keptFor, loadKept } from './kept-values';
import { TONE_CLASSES } from './tone';
import { displayUnit } from '../units/convert';
import { locators } from '../format/citation';
import { evaluatePathway, type BandOf } from '../collections/pathway';
import {
  carryValue,
  collectionNote,
  conceptUses,
  decodeCollectionFragment,
  encodeCollectionFragment,
  memberView,
  patientView,
  sharedConcept,
  type Member,
} from '../collections/members';

/** The island's props, as src/pages/collections/[id].astro passes them. */
export interface CollectionPageProps {
  id: string;
  collection: Collection;
  /** Each member: its definition as the calculator island gets it (islandCalc) and its model. */
  members: (Member & { model: ModelRef })[];
  base: string;
}

const card = 'rounded-xl border border-slate-200 dark:border-slate-800 bg-white dark:bg-slate-900 p-4';

export default function CollectionPage(props: CollectionPageProps) {
  const c = props.collection;
  const members = props.members;
  const view = patientView(members);
  const uses = conceptUses(members);
  const pForm = createForm(view);
  const pUnits = createUnitSystem(view, pForm);
  // A share link carries someone's values: it neither takes from nor adds to the current patient.
  const [fromLink, setFromLink] = createSignal(false);
  const patient = createPatientContext(view, pForm, { id: `collections/${props.id}`, title: c.short ?? c.title }, () => !fromLink());

  const cards = members.map((m) => {
    const form = createForm(m.calc);
    const own = memberView(m.calc);
    const units = createUnitSystem(own, form);
    const engine = createEngine(m.model);
    const results = createResults(m.calc, form, engine);
    const state = () =>
      engine.state() === 'error' ? 'error' : form.missing().length ? 'waiting' : engine.state() === 'ready' && results() ? 'ready' : 'loading';
    const [refused, setRefused] = createSignal<string[]>([]);
    const primary = m.calc.outputs.find((o) => o.primary) ?? m.calc.outputs[0];
    return { m, form, own, units, engine, results, state, refused, setRefused, primary };
  });
  const byId = new Map(cards.map((k) => [k.m.id, k]));
  /** sessionStorage key of the kept values (kept-values.ts): `collections/<id>`, and `.<member>` per member. */
  const keptId = `collections/${props.id}`;
  const startAll = () => cards.forEach((k) => k.engine.start());

  // Each patient value goes to every member field of its concept, converted as the patient context
  // converts; a value a member does not accept leaves that field empty and the card says why.
  createEffect(() => {
    for (const k of cards) {
      const refused: string[] = [];
      for (const input of k.m.calc.inputs) {
        const concept = sharedConcept(input);
        if (!concept) continue;
        const shared = view.inputs.find((i) => i.id === concept)!;
        const read = pForm.field(concept);
        const p = read.status === 'ok' ? carryValue(shared, pForm.texts[concept], pForm.units[concept] || undefined, read, input) : undefined;
        if (p) k.form.restore({ texts: { [input.id]: p.text }, ...(p.unit ? { units: { [input.id]: p.unit } } : {}) }, true);
        else {
          k.form.restore({ texts: { [input.id]: initialText(input) } });
          if (read.status === 'ok') refused.push(input.label);
        }
      }
      k.setRefused(refused);
    }
  });

  const bandOf: BandOf = (member, output) => {
    const k = byId.get(member);
    if (!k || k.state() !== 'ready') return undefined;
    const r = k.results()?.find((x) => x.id === output);
    if (!r) return undefined;
    return r.band ? r.band.label : null;
  };
  const pathway = createMemo(() => evaluatePathway(c, bandOf));
  const titleOf = (id: string) => {
    const m = byId.get(id)?.m.calc;
    return m ? (m.short ?? m.title) : id;
  };

  const snapshot = () => ({ patient: pForm.snapshot(), members: Object.fromEntries(cards.map((k) => [k.m.id, k.form.snapshot()])) });
  const anyReady = () => cards.some((k) => k.state() === 'ready');
  const note = () =>
    anyReady()
      ? collectionNote(
          c,
          cards.map((k) => ({
            member: k.m,
            entered: Object.fromEntries(k.m.calc.inputs.map((i) => [i.id, { text: k.form.texts[i.id], unit: k.form.units[i.id], result: k.form.field(i.id) }])),
            results: k.state() === 'ready' ? k.results() : undefined,
            missing: k.form.missing(),
          })),
          pathway(),
          formatDate(todayDays()),
        )
      : undefined;
  const canShare = () => pForm.changed() || cards.some((k) => k.form.changed());

  onMount(() => {
    pUnits.applySaved();
    cards.forEach((k) => k.units.applySaved());
    if (location.hash.length > 1) {
      setFromLink(true);
      const s = decodeCollectionFragment(view, members, location.hash);
      pForm.restore(s.patient, true);
      for (const k of cards) k.form.restore(s.members[k.m.id] ?? {}, true);
    } else {
      // Typed values survive a reload (e.g. to a new version) in this tab's sessionStorage only, as on
      // a calculator page; a member keeps only its own inputs (the patient values feed the rest).
      const kept = loadKept(keptId);
      if (kept) pForm.restore(keptFor(view, kept), true);
      for (const k of cards) {
        const own = loadKept(`${keptId}.${k.m.id}`);
        if (own) k.form.restore(keptFor(k.own, own), true);
      }
    }
    createKeptValues(keptId, pForm);
    for (const k of cards) createKeptValues(`${keptId}.${k.m.id}`, k.form);
    patient.fill();
    startAll();
  });

  const clear = () => {
    pForm.clear();
    cards.forEach((k) => k.form.clear());
    forgetKept(keptId);
    cards.forEach((k) => forgetKept(`${keptId}.${k.m.id}`));
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  };

  return (
    <>
      <Show when={!fromLink()}>
        <PatientBar patient={patient} />
      </Show>
      <div class="grid gap-6 grid-cols-[minmax(0,1fr)] lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)] items-start">
        <div class="grid gap-4 min-w-0">
          <section aria-labelledby="patient-values">
            <h2 id="patient-values" class="text-lg font-semibold mb-1">
              Patient values
            </h2>
            <p class="text-sm text-slate-600 dark:text-slate-400 mb-2">Entered once, used by every calculator below that asks for them.</p>
            <InputsForm
              calc={view}
              form={pForm}
              units={pUnits}
              carried={patient.carried()}
              onInput={startAll}
              onClear={clear}
              label="Patient values"
              idPrefix="patient-"
            />
            <ul class="sr-only">
              <For each={view.inputs}>{(i) => <li>{`${i.label}: used by ${uses[i.id].map((u) => titleOf(u.member)).join(', ')}`}</li>}</For>
            </ul>
          </section>
          <For each={cards}>
            {(k, n) => (
              <section aria-labelledby={`member-${k.m.id}`} class={card} data-member={k.m.id} data-state={k.state()}>
                <h2 id={`member-${k.m.id}`} class="text-lg font-semibold">
                  {n() + 1}.{' '}
                  <a href={`${props.base}c/${k.m.id}/`} class="underline underline-offset-2 text-teal-800 dark:text-teal-300">
                    {k.m.calc.title}
                  </a>
                </h2>
                <Show when={c.members[n()].use}>
                  <p class="text-sm text-slate-600 dark:text-slate-400 mt-1">{c.members[n()].use}</p>
                </Show>
                <Show when={k.m.calc.inputs.some((i) => sharedConcept(i))}>
                  <p class="text-xs text-slate-600 dark:text-slate-400 mt-1">
                    From the patient values:{' '}
                    {k.m.calc.inputs
                      .filter((i) => sharedConcept(i))
                      .map((i) => i.label)
                      .join(', ')}
                    .
                  </p>
                </Show>
                <Show when={k.own.inputs.length}>
                  <div class="mt-2">
                    <InputsForm
                      calc={k.own}
                      form={k.form}
                      units={k.units}
                      onInput={startAll}
                      onClear={() => k.form.restore({ texts: Object.fromEntries(k.own.inputs.map((i) => [i.id, initialText(i)])) })}
                      label={`${k.m.calc.short ?? k.m.calc.title} inputs`}
                      idPrefix={`${k.m.id}-`}
                    />
                  </div>
                </Show>
                <div class="mt-3" aria-live="polite" data-testid={`result-${k.m.id}`} data-state={k.state()}>
                  <Show when={k.refused().length}>
                    <p class="text-sm text-amber-800 dark:text-amber-300">Not accepted by this calculator (outside its limits): {k.refused().join(', ')}.</p>
                  </Show>
                  <Show
                    when={k.state() === 'ready' && k.results()?.find((r) => r.id === k.primary.id)}
                    fallback={
                      <p class="text-slate-600 dark:text-slate-400">
                        {k.state() === 'error'
                          ? k.engine.error()
                          : k.form.missing().length
                            ? `Waiting for: ${k.form.missing().join(', ')}.`
                            : 'Loading engine…'}
                      </p>
                    }
                  >
                    {(r) => (
                      <div class={`rounded-lg border p-3 ${r().band ? TONE_CLASSES[r().band!.tone] : 'border-slate-200 dark:border-slate-700'}`}>
                        <p class="text-sm">{r().label}</p>
                        <p class="text-2xl font-semibold tabular-nums">
                          <span data-output={r().id}>{r().display}</span>
                          <Show when={r().unit}>
                            <span class="text-base font-normal ml-1">{displayUnit(r().unit!)}</span>
                          </Show>
                        </p>
                        <Show when={r().band}>{(b) => <p data-band>{b().label}</p>}</Show>
                        <Show when={r().unavailable}>
                          <p class="text-sm">{r().unavailable}</p>
                        </Show>
                      </div>
                    )}
                  </Show>
                </div>
              </section>
            )}
          </For>
        </div>
        <div class="lg:sticky lg:top-4 grid gap-4 min-w-0">
          <section aria-labelledby="pathway-heading" class={card} data-pathway>
            <h2 id="pathway-heading" class="text-lg font-semibold mb-2">
              Pathway
            </h2>
            <For each={c.pathway}>
              {(stage, g) => {
                const st = () => pathway()[g()];
                return (
                  <div class="mb-4" data-stage={g()}>
                    <h3 class="font-semibold">{stage.stage}</h3>
                    <p class="text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-stage-status>
                      {st().current !== undefined
                        ? 'Next step highlighted.'
                        : st().waitingFor.length
                          ? `Complete ${st().waitingFor.map(titleOf).join(', ')} to see the next step.`
                          : 'No step applies to these results.'}
                    </p>
                    <ol class="mt-2 grid gap-2">
                      <For each={stage.steps}>
                        {(step, k) => {
                          const current = () => st().current === k();
                          return (
                            <li
                              data-step={step.id}
                              aria-current={current() ? 'step' : undefined}
                              class={`rounded-lg border p-2 text-sm ${current() ? `${TONE_CLASSES[step.tone]} ring-2 ring-teal-600` : 'border-slate-200 dark:border-slate-700'} ${st().states[k()] === 'fails' ? 'opacity-70' : ''}`}
                            >
                              <Show when={current()}>
                                <p class="font-semibold">Next step:</p>
                              </Show>
                              <p>{step.then}</p>
                              <p class="mt-1 text-xs">
                                Source: {step.source.cite}
                                <For each={locators(step.source)}>
                                  {(l) => (
                                    <>
                                      {' · '}
                                      <a class="underline" href={l.href} rel="noreferrer">
                                        {l.kind === 'url' ? 'link' : l.text}
                                      </a>
                                    </>
                                  )}
                                </For>
                              </p>
                            </li>
                          );
                        }}
                      </For>
                    </ol>
                  </div>
                );
              }}
            </For>
          </section>
          <Toolbar
            favourite={false}
            id={`collections/${props.id}`}
            title={c.title}
            canCopy={anyReady()}
            note={note}
            canShare={canShare()}
            fragment={() => encodeCollectionFragment(view, members, snapshot())}
          />
        </div>
      </div>
    </>
  );
}
