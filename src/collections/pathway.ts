/**
 * The pathway's next step, from the members' results. No formula is evaluated here: each member's
 * own ONNX model chose the band of each of its outputs (the `<output>.band` index the compiler puts
 * in every model, src/runtime/calculate.ts `interpret`); a step's `when` only compares those band
 * labels with the ones the collection lists. Pure, so every branch is tested (test/unit/collections.test.ts).
 */
import type { Collection, PathwayStage, PathwayStep } from '../schema/collection';
import { CONDITION_KEY } from '../schema/collection';

/**
 * The band a member's output fell in: its label; `null` when the member has a result but this output
 * has no band (not calculable for these values); `undefined` while the member has no result yet.
 */
export type BandOf = (member: string, output: string) => string | null | undefined;

/** A step's state: it holds, it does not, or it waits for a member's result. */
export type StepState = 'holds' | 'fails' | 'waiting';

export interface PathwayState {
  /** Per step, in order. */
  states: StepState[];
  /**
   * Index of the next step: the first that holds with every earlier step failing. Undefined while
   * an earlier (or this) step waits: the page then says which calculators to complete.
   */
  current?: number;
  /** Members whose result the first undecided step waits for. */
  waitingFor: string[];
}

/** `wells-pe.two_tier` → member `wells-pe`, output `two_tier`. */
export function conditionTarget(key: string): { member: string; output: string } | undefined {
  const m = CONDITION_KEY.exec(key);
  return m ? { member: m[1], output: m[2] } : undefined;
}

/** Whether one step holds: every condition's band is one listed (a condition that fails decides at once). */
export function stepState(step: PathwayStep, bandOf: BandOf): { state: StepState; waitingFor: string[] } {
  const waitingFor: string[] = [];
  for (const [key, labels] of Object.entries(step.when ?? {})) {
    const t = conditionTarget(key);
    if (!t) return { state: 'fails', waitingFor: [] };
    const band = bandOf(t.member, t.output);
    if (band === undefined) {
      if (!waitingFor.includes(t.member)) waitingFor.push(t.member);
    } else if (band === null || !labels.includes(band)) return { state: 'fails', waitingFor: [] };
  }
  return waitingFor.length ? { state: 'waiting', waitingFor } : { state: 'holds', waitingFor };
}

/** Every step's state and the next step of one stage: the first that holds, once every step before it fails. */
export function evaluateStage(stage: Pick<PathwayStage, 'steps'>, bandOf: BandOf): PathwayState {
  const states: StepState[] = [];
  let current: number | undefined;
  let waitingFor: string[] | undefined;
  stage.steps.forEach((step, k) => {
    const s = stepState(step, bandOf);
    states.push(s.state);
    if (current !== undefined || waitingFor) return;
    if (s.state === 'holds') current = k;
    else if (s.state === 'waiting') waitingFor = s.waitingFor;
  });
  return { states, current, waitingFor: waitingFor ?? [] };
}

/** Each stage of a collection's pathway, decided independently. */
export const evaluatePathway = (c: Pick<Collection, 'pathway'>, bandOf: BandOf): PathwayState[] => c.pathway.map((stage) => evaluateStage(stage, bandOf));
