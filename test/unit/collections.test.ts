/**
 * Collections (collections/<id>.yaml): the shipped ones load without a problem; broken ones are
 * reported at their file:line with the fix; the pathway's next step follows the bands the members'
 * own models chose; patient values reach each member through the concept matching; the share
 * fragment and the note.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { modelRef } from '../../src/definitions/models';
import { formatProblem } from '../../src/definitions/problems';
import { loadCollections, memberIds } from '../../src/collections/load';
import { evaluatePathway, evaluateStage, type BandOf } from '../../src/collections/pathway';
import {
  carryValue,
  collectionNote,
  conceptUses,
  decodeCollectionFragment,
  encodeCollectionFragment,
  memberView,
  patientView,
} from '../../src/collections/members';
import { computeRows, readAll } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';
import { readNumberText, readValue } from '../../src/runtime/values';
import type { PathwayStage } from '../../src/schema/collection';

const { entries } = loadCatalog(undefined, memberIds());
const calcs = new Map(entries.map((e) => [e.id, e.calc]));
const calc = (id: string) => calcs.get(id)!;
const shipped = loadCollections(calcs);

describe('the shipped collections', () => {
  test('at least 8, with no problem', () => {
    expect(shipped.problems.map(formatProblem)).toEqual([]);
    expect(shipped.entries.length).toBeGreaterThanOrEqual(8);
  });
  test('every step cites a source with a DOI, a PMID or a URL', () => {
    for (const { collection } of shipped.entries)
      for (const stage of collection.pathway) for (const step of stage.steps) expect(step.source.doi ?? step.source.pmid ?? step.source.url).toBeTruthy();
  });
});

describe('broken collections: file:line, what was found and the fix', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bedside-collections-'));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const head = `title: T\nsummary: S\nquestion: Q?\nversion: 1.0.0\nspecialties: [testing]\n`;
  const src = `source: { cite: "A guideline", doi: 10.1000/x }`;
  write(
    'typos.yaml',
    `${head}members:
  - id: wells-p
  - id: perc
pathway:
  - stage: Diagnosis
    steps:
      - id: a
        when: { perc.counts: [x] }
        then: Do a.
        ${src}
      - id: b
        when: { perc.count: ["PERC negative"] }
        then: Do b.
        ${src}
      - id: c
        when: { geneva-simplified.score: [Low clinical probability] }
        then: Do c.
        ${src}
      - id: d
        then: Do d.
`,
  );
  write(
    'order.yaml',
    `${head}members:
  - id: wells-pe
  - id: wells-pe
pathway:
  - stage: S
    steps:
      - id: always
        then: Always.
        ${src}
      - id: never
        when: { wells-pe.two_tier: [PE likely] }
        then: Never reached.
        ${src}
`,
  );
  write('Bad Name.yaml', head);
  const { problems, entries } = loadCollections(calcs, dir);
  const shown = problems.map(formatProblem).map((t) => t.replace(/^.*?(\w[\w ]*\.yaml)/, '$1'));

  test('none of them loads', () => expect(entries).toEqual([]));
  test('a step without a source: the schema says so, at the step', () => {
    expect(shown.filter((s) => s.startsWith('typos.yaml'))).toEqual([
      'typos.yaml:24 [schema]\n  pathway[0].steps[3].source: is required (expected object) but is missing',
    ]);
  });
  test('a step without `when` before others; a member twice', () => {
    expect(shown.filter((s) => s.startsWith('order.yaml'))).toEqual([
      'order.yaml:8 [schema]\n  members[1].id: "wells-pe" is already a member; list each calculator once',
      'order.yaml:12 [schema]\n  pathway[0].steps[0]: a step without `when` always holds, so the 1 step(s) after it are never reached: give it a `when` or move it last',
    ]);
  });
  test('a file name that is not an id', () => {
    expect(shown.find((s) => s.includes('Bad Name.yaml'))).toContain('is not a kebab-case id');
  });
});

describe('lint against the members', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bedside-collections-lint-'));
  const src = `source: { cite: "A guideline", pmid: 123 }`;
  writeFileSync(
    join(dir, 'lint.yaml'),
    `title: T
summary: S
question: Q?
version: 1.0.0
specialties: [testing]
members:
  - id: wells-p
  - id: perc
pathway:
  - stage: Diagnosis
    steps:
      - id: a
        when: { perc.counts: [x] }
        then: Do a.
        ${src}
      - id: b
        when:
          perc.count: ["PERC negative"]
        then: Do b.
        ${src}
      - id: c
        when: { geneva-simplified.score: [Low clinical probability] }
        then: Do c.
        ${src}
`,
  );
  const out = loadCollections(calcs, dir)
    .problems.map(formatProblem)
    .map((t) => t.replace(/^.*?lint\.yaml/, 'lint.yaml'));
  test('each problem at its line, with the fix', () => {
    expect(out).toEqual([
      'lint.yaml:7 [collection]\n  members[0].id: "wells-p" is not a calculator (no folder calculators/wells-p/)\n  Hint: did you mean "wells-pe"?',
      'lint.yaml:13 [collection]\n  pathway[0].steps[0].when.perc.counts: "counts" is not an output of perc. Expected one of: count\n  Hint: did you mean "perc.count"?',
      `lint.yaml:18 [collection]\n  pathway[0].steps[1].when.perc.count[0]: "PERC negative" is not a band of perc.count. Expected one of: "PERC negative — all 8 criteria absent", "PERC positive — PE not ruled out by PERC"\n  Hint: write "PERC negative — all 8 criteria absent"`,
      'lint.yaml:22 [collection]\n  pathway[0].steps[2].when.geneva-simplified.score: "geneva-simplified" is not a member of this collection (members: wells-p, perc)\n  Hint: add the calculator to `members`, or name a member',
    ]);
  });
});

describe('the pathway: the first step that holds, once every step before it fails', () => {
  const step = (id: string, when?: Record<string, string[]>) => ({
    id,
    when,
    then: id,
    tone: 'info' as const,
    source: { cite: 'x', url: 'https://example.org', primary: false },
  });
  const stage: PathwayStage = {
    stage: 'S',
    steps: [
      step('rule_out', { 'a.score': ['Low'], 'b.count': ['Negative'] }),
      step('test', { 'a.score': ['Low', 'Moderate'] }),
      step('image', { 'a.score': ['High'] }),
      step('otherwise'),
    ],
  };
  const bands =
    (known: Record<string, string | null>): BandOf =>
    (m, o) =>
      known[`${m}.${o}`];

  test('nothing computed: waits for the first step’s members', () => {
    expect(evaluateStage(stage, bands({}))).toEqual({ states: ['waiting', 'waiting', 'waiting', 'holds'], current: undefined, waitingFor: ['a', 'b'] });
  });
  test('a failing condition decides a step without waiting for the rest', () => {
    expect(evaluateStage(stage, bands({ 'a.score': 'High' }))).toMatchObject({ current: 2, states: ['fails', 'fails', 'holds', 'holds'] });
  });
  test('low and negative: the first step', () => expect(evaluateStage(stage, bands({ 'a.score': 'Low', 'b.count': 'Negative' })).current).toBe(0));
  test('low and positive: the next step that holds', () => expect(evaluateStage(stage, bands({ 'a.score': 'Low', 'b.count': 'Positive' })).current).toBe(1));
  test('low, the second member not computed: waits (it could still rule out)', () =>
    expect(evaluateStage(stage, bands({ 'a.score': 'Low' }))).toMatchObject({ current: undefined, waitingFor: ['b'] }));
  test('a result without a band (not calculable) fails the condition', () => expect(evaluateStage(stage, bands({ 'a.score': null })).current).toBe(3));
});

describe('the pathway from the members’ own ONNX models (suspected PE)', async () => {
  const pe = shipped.entries.find((e) => e.id === 'suspected-pe')!.collection;
  const runner = nodeRunner();
  const run = async (id: string, raw: Record<string, string | number | boolean>) => {
    const c = calc(id);
    const read = readAll(c, raw);
    expect(read.ok).toBe(true);
    return (await computeRows(runner, modelRef(id), c, [read.values]))[0];
  };
  const no = { dvt_signs: false, pe_most_likely: false, heart_rate: false, immobilisation: false, previous_vte: false, haemoptysis: false, malignancy: false };
  const perc0 = { age: 40, heart_rate: 80, spo2: 98, leg_swelling: false, haemoptysis: false, surgery_trauma: false, previous_vte: false, hormones: false };
  const next = async (wells: Record<string, boolean>, perc?: Record<string, number | boolean>) => {
    const results = { 'wells-pe': await run('wells-pe', wells), ...(perc ? { perc: await run('perc', perc) } : {}) } as Record<
      string,
      Awaited<ReturnType<typeof run>>
    >;
    const bandOf: BandOf = (m, o) => {
      const r = results[m]?.find((x) => x.id === o);
      return r ? (r.band?.label ?? null) : undefined;
    };
    const [diagnosis] = evaluatePathway(pe, bandOf);
    return diagnosis.current === undefined ? diagnosis.waitingFor : pe.pathway[0].steps[diagnosis.current].id;
  };
  // Wells 0 (low), PERC 0 criteria: ruled out.
  test('Wells 0 and PERC negative: ruled out', async () => expect(await next(no, perc0)).toBe('perc_rule_out'));
  // Wells 0, PERC positive (age 50 or more): D-dimer.
  test('Wells 0 and PERC positive: D-dimer', async () => expect(await next(no, { ...perc0, age: 55 })).toBe('d_dimer'));
  // Wells 0 without PERC: waits for PERC.
  test('Wells 0, PERC not entered: waits for PERC', async () => expect(await next(no)).toEqual(['perc']));
  // Wells 3 (PE most likely) = moderate, PE unlikely (≤ 4): D-dimer whatever PERC.
  test('Wells 3: D-dimer', async () => expect(await next({ ...no, pe_most_likely: true })).toBe('d_dimer'));
  // Wells 3 + 3 (DVT signs) = 6, PE likely (> 4): imaging.
  test('Wells 6: imaging', async () => expect(await next({ ...no, pe_most_likely: true, dvt_signs: true })).toBe('imaging'));
});

describe('patient values: entered once, carried to each member by concept', () => {
  const members = ['af-anticoagulation', 'chronic-liver-disease'].map((id) => shipped.entries.find((e) => e.id === id)!.collection);
  const af = members[0].members.map((m) => ({ id: m.id, calc: calc(m.id) }));
  const liver = members[1].members.map((m) => ({ id: m.id, calc: calc(m.id) }));
  const view = patientView(af);

  test('one field per concept, used by every member that asks for it', () => {
    expect(view.inputs.map((i) => i.id).sort()).toEqual(['age', 'creatinine', 'height', 'sex', 'weight']);
    expect(conceptUses(af).age.map((u) => u.member)).toEqual(['cha2ds2-va', 'has-bled', 'cockcroft-gault']);
    expect(memberView(calc('cockcroft-gault')).inputs).toEqual([]);
  });
  test('a number in a unit the member offers stays as typed; in another it is converted', () => {
    const bili = patientView(liver).inputs.find((i) => i.id === 'bilirubin')!;
    const read = readNumberText(bili as never, '2', 'mg/dL');
    const childPugh = calc('child-pugh').inputs.find((i) => i.concept === 'bilirubin')!;
    const meld = calc('meld-3').inputs.find((i) => i.concept === 'bilirubin')!;
    expect(carryValue(bili, '2', 'mg/dL', read, meld)).toMatchObject({ text: '2', unit: 'mg/dL' });
    // 2 mg/dL × 17.1 = 34.2 µmol/L when the member asks in µmol/L only.
    const umolOnly = { ...childPugh, unit: 'umol/L', units: [], limits: [1, 1000] as [number, number] };
    expect(carryValue(bili, '2', 'mg/dL', read, umolOnly)).toMatchObject({ text: '34.2', unit: 'umol/L', converted: true });
  });
  test('a value outside a member’s limits is not carried to it', () => {
    const age = view.inputs.find((i) => i.id === 'age')!;
    const target = calc('cockcroft-gault').inputs.find((i) => i.id === 'age')!;
    const tooOld = target.type === 'number' ? target.limits[1] + 1 : 0;
    expect(carryValue(age, String(tooOld), 'years', readNumberText(age as never, String(tooOld), 'years'), { ...target })).toBeUndefined();
  });
  test('sex by the option label, whatever the member codes it as', () => {
    const sex = view.inputs.find((i) => i.id === 'sex')!;
    const female = sex.type === 'choice' ? sex.options.find((o) => o.label === 'Female')!.value : 0;
    const meldSex = calc('meld-3').inputs.find((i) => i.id === 'sex')!;
    const p = carryValue(sex, String(female), undefined, readValue(sex, String(female)), meldSex);
    expect(meldSex.type === 'choice' && meldSex.options.find((o) => String(o.value) === p?.text)?.label).toBe('Female');
  });
});

describe('share fragment and note', () => {
  const pe = shipped.entries.find((e) => e.id === 'suspected-pe')!.collection;
  const members = pe.members.map((m) => ({ id: m.id, calc: calc(m.id) }));
  const view = patientView(members);
  test('round trip: patient values by concept, member inputs by <member>.<input>', () => {
    const s = {
      patient: { texts: { age: '67', heart_rate: '110' }, units: { age: 'years', heart_rate: 'bpm' } },
      members: { 'wells-pe': { texts: { dvt_signs: '1' }, units: {} } },
    };
    const f = encodeCollectionFragment(view, members, s);
    expect(f).toBe('age=67&heart_rate=110&wells-pe.dvt_signs=1');
    const back = decodeCollectionFragment(view, members, `#${f}`);
    expect(back.patient.texts).toEqual({ age: '67', heart_rate: '110' });
    expect(back.members['wells-pe'].texts).toEqual({ dvt_signs: '1' });
    expect(back.members.perc.texts).toEqual({});
  });
  test('unknown names and members are ignored', () => {
    const back = decodeCollectionFragment(view, members, '#nope=1&evil.x=2&wells-pe.nope=3&wells-pe.dvt_signs=7');
    expect(back.patient.texts).toEqual({});
    expect(back.members['wells-pe'].texts).toEqual({});
  });
  test('the note names each member, the next step of each stage and its source', () => {
    const text = collectionNote(
      pe,
      members.map((m) => ({ member: m, entered: {}, results: undefined, missing: ['Age'] })),
      [
        { states: [], current: 2, waitingFor: [] },
        { states: [], current: undefined, waitingFor: ['spesi'] },
      ],
      '2026-12-03',
    );
    expect(text).toContain('Suspected pulmonary embolism (collection v1.0.0)');
    expect(text).toContain("Wells' Criteria for Pulmonary Embolism: not computed (waiting for age)");
    expect(text).toContain('Diagnosis: PE likely: CT pulmonary angiography');
    expect(text).toContain('Source: Konstantinides SV et al. 2019 ESC Guidelines');
    expect(text).toContain('doi:10.1093/eurheartj/ehz405');
    expect(text).toContain('Once PE is confirmed (haemodynamically stable): not decided yet (needs sPESI)');
    expect(text.trim().endsWith('Calculated 2026-12-03 with Bedside.')).toBe(true);
  });
});
