/**
 * The live calculator (a Solid island): the form works before the engine arrives; the engine
 * (onnxruntime-web and the model) starts loading as soon as the page's scripts run (prewarm.ts).
 * Each concern is a primitive: form-state.ts (fields and their readings), unit-system.ts,
 * engine-state.ts (engine and results), kept-values.ts, share.ts and note.ts.
 */
import { createEffect, createSignal, onMount, Show } from 'solid-js';
import type { Calculator as Calc } from '../schema';
import type { ModelRef } from '../runtime/session';
import { createEngine, createResults } from './engine-state';
import { createForm } from './form-state';
import InputsForm from './InputsForm';
import PatientBar from './PatientBar';
import { createPatientContext } from './patient-context';
import { markCurrentBands } from './current-band';
import { createKeptValues, forgetKept, keptFor, loadKept } from './kept-values';
import { createNote } from './note';
import { addRecent } from './prefs';
import Result from './Result';
import ResultBar from './ResultBar';
import { createShare } from './share';
import Toolbar from './Toolbar';
import { createUnitSystem } from './unit-system';
import WhatIf from './WhatIf';

/** The island's props, as src/pages/c/[id].astro passes them. */
export interface CalculatorProps {
  calc: Calc;
  model: ModelRef;
}

export default function Calculator(props: CalculatorProps) {
  // A page's definition and model never change: each primitive reads them once.
  const calc = props.calc;
  const model = props.model;
  const form = createForm(calc);
  const units = createUnitSystem(calc, form);
  const engine = createEngine(model);
  const results = createResults(calc, form, engine);
  const share = createShare(calc, form);

  const state = () =>
    engine.state() === 'error' ? 'error' : form.missing().length ? 'waiting' : engine.state() === 'ready' && results() ? 'ready' : 'loading';
  const note = createNote(calc, form, results, () => state() === 'ready');
  const primary = () => calc.outputs.find((o) => o.primary) ?? calc.outputs[0];
  const run = (feeds: Record<string, Float64Array>) => engine.run(feeds)!;
  // A share link carries someone's values: the page opened from one neither takes from nor adds to
  // the current patient (src/context/), so two patients never mix.
  const [fromLink, setFromLink] = createSignal(false);
  const patient = createPatientContext(calc, form, { id: model.id, title: calc.short ?? calc.title }, () => !fromLink());
  // The interpretation table below the form marks the band of the current result.
  createEffect(() => markCurrentBands(calc, state() === 'ready' ? results() : undefined));

  onMount(() => {
    addRecent(model.id);
    units.applySaved();
    const shared = share.fromLocation();
    if (shared) {
      setFromLink(true);
      form.restore(shared);
      if (Object.keys(shared.texts).length) engine.start();
    } else {
      const kept = loadKept(model.id);
      if (kept) {
        form.restore(keptFor(calc, kept), true);
        engine.start();
      }
    }
    // Typed values survive a reload (e.g. to a new version) in sessionStorage only; see kept-values.ts.
    createKeptValues(model.id, form);
    // Empty fields whose quantity the current patient holds are filled, marked as carried over.
    patient.fill();
    // The page's script has already started the engine (src/runtime/prewarm.ts): pick it up.
    engine.start();
  });

  const clear = () => {
    form.clear();
    share.clearLocation();
    forgetKept(model.id);
  };

  // On a phone: the form, then the full result, then the what-if chart (issue 16, item 3); on a wide
  // screen the result sits beside the form, sticky, and the what-if chart goes under the form.
  return (
    <>
      {/* The current patient spans the page above the form and the result (src/context/). */}
      <Show when={!fromLink()}>
        <PatientBar patient={patient} />
      </Show>
      <div class="grid gap-6 grid-cols-[minmax(0,1fr)] md:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] items-start" data-engine={engine.state()}>
        <div class="md:col-start-1 md:row-start-1">
          <InputsForm calc={calc} form={form} units={units} carried={patient.carried()} onInput={engine.start} onClear={clear} />
        </div>
        <div id="full-result" class="md:col-start-2 md:row-start-1 md:row-span-2 md:sticky md:top-4 scroll-mt-4">
          <Result
            state={state()}
            missing={form.missing()}
            results={results()}
            primaryId={primary().id}
            error={engine.error()}
            warnings={form.warnings()}
            scored={[...results.terms(), ...form.scored(), ...results.tables()]}
            onRetry={engine.retry}
          />
          <Toolbar id={model.id} title={calc.title} canCopy={state() === 'ready'} note={note} canShare={share.canShare()} fragment={share.fragment} />
        </div>
        <Show when={state() === 'ready'}>
          <div class="md:col-start-1 md:row-start-2 min-w-0">
            <WhatIf calc={calc} values={form.values()} units={form.units} output={primary()} run={run} />
          </div>
        </Show>
        <ResultBar result={state() === 'ready' ? results()?.find((r) => r.id === primary().id) : undefined} target="full-result" />
      </div>
    </>
  );
}
