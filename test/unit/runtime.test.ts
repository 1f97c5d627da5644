/** ModelRunner: integrity check, session cache and retry, input checks, batches, queued runs. */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { nodeRunner } from '../../src/runtime/node';
import { ModelError, ModelRunner, type ModelRef } from '../../src/runtime/session';
import { compileToFile, defineCalc, numberInput } from '../helpers';

const calc = defineCalc({
  inputs: [numberInput('a'), numberInput('b')],
  outputs: [
    { id: 's', label: 'sum', formula: 'a + b' },
    { id: 'p', label: 'product', formula: 'a * b' },
  ],
});
const { bytes, ref } = compileToFile('pair', calc);
const tampered = (() => {
  const t = Uint8Array.from(bytes); // a copy (protobufjs may return a Buffer, whose slice() is a view)
  t[t.length - 3] ^= 0xff; // inside the last metadata string: still parseable, different hash
  return t;
})();

/** A runner whose "network" serves whatever `serve` returns, counting fetches. */
function memoryRunner(serve: (n: number) => Uint8Array) {
  let fetches = 0;
  const runner = new ModelRunner(async () => serve(fetches++));
  return { runner, fetches: () => fetches };
}
const feeds = (a: number[], b: number[]) => ({ a: Float64Array.from(a), b: Float64Array.from(b) });

describe('integrity', () => {
  test('bytes that do not match the pinned sha256 are refused with one plain sentence', async () => {
    const { runner } = memoryRunner(() => tampered);
    const err = await runner.run(ref, feeds([1], [2])).catch((e) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect(err.message).toMatch(/^The pair model failed its integrity check .*, so it was not used\.$/);
    expect(err.message).not.toMatch(/\.\s+\S/); // one sentence
    expect(err.message).toContain(ref.sha256.slice(0, 12));
  });

  test('a failed session is dropped from the cache: a retry with the right bytes works, and is then cached', async () => {
    const { runner, fetches } = memoryRunner((n) => (n === 0 ? tampered : bytes));
    await expect(runner.session(ref)).rejects.toBeInstanceOf(ModelError);
    expect((await runner.run(ref, feeds([1], [2]))).s[0]).toBe(3);
    expect((await runner.run(ref, feeds([5], [2]))).p[0]).toBe(10);
    expect(fetches()).toBe(2);
  });

  test('a model file that cannot be read yet (offline) can be retried', async () => {
    const path = join(tmpdir(), `bedside-late-${process.pid}-${Date.now()}.onnx`);
    const late: ModelRef = { ...ref, url: path };
    const runner = nodeRunner();
    await expect(runner.run(late, feeds([1], [1]))).rejects.toThrow(/ENOENT/);
    writeFileSync(path, bytes);
    expect((await runner.run(late, feeds([1], [1]))).s[0]).toBe(2);
  });

  test('a model whose tensors do not match its definition is refused', async () => {
    const { runner } = memoryRunner(() => bytes);
    const wrong: ModelRef = { ...ref, inputs: ['a', 'b', 'c'], outputs: ['s', 'q'] };
    const err = await runner.session(wrong).catch((e) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect(err.message).toBe('The pair model does not match its definition (missing c, q).');
  });
});

describe('inputs', () => {
  const runner = nodeRunner();

  test('missing inputs are listed', async () => {
    await expect(runner.run(ref, { a: Float64Array.of(1) })).rejects.toThrow('missing inputs for pair: b');
  });

  test('unknown inputs are listed with the expected names', async () => {
    await expect(runner.run(ref, { ...feeds([1], [2]), c: Float64Array.of(3), bb: Float64Array.of(1) })).rejects.toThrow(
      'unknown inputs for pair: c, bb. Expected: a, b',
    );
  });

  test('inputs of different lengths are refused', async () => {
    await expect(runner.run(ref, feeds([1, 2], [3]))).rejects.toThrow('inputs for pair differ in batch length (2, 1)');
  });
});

describe('batches', () => {
  const runner = nodeRunner();

  test.each([1, 7, 1000])('%s rows in, %s rows out, each row its own', async (n) => {
    const a = Array.from({ length: n }, (_, i) => i);
    const b = Array.from({ length: n }, (_, i) => 0.5 * i - 3);
    const out = await runner.run(ref, feeds(a, b));
    expect(Object.keys(out).sort()).toEqual(['p', 's']);
    expect(out.s).toBeInstanceOf(Float64Array);
    expect(out.s).toHaveLength(n);
    expect(out.p).toHaveLength(n);
    expect([...out.s]).toEqual(a.map((x, i) => x + b[i]));
    expect([...out.p]).toEqual(a.map((x, i) => x * b[i]));
  });

  test('concurrent runs on one session are queued, never overlapping, and each gets its own result', async () => {
    const runner = nodeRunner();
    const session = await runner.session(ref);
    const original = session.run.bind(session);
    let active = 0;
    let most = 0;
    (session as { run: unknown }).run = async (...args: Parameters<typeof original>) => {
      most = Math.max(most, ++active);
      try {
        await new Promise((r) => setTimeout(r, 1));
        return await original(...args);
      } finally {
        active--;
      }
    };
    const jobs = Array.from({ length: 30 }, (_, k) => runner.run(ref, feeds([k, k + 1], [2, 3])));
    const results = await Promise.all(jobs);
    results.forEach((out, k) => {
      expect([...out.s]).toEqual([k + 2, k + 4]);
      expect([...out.p]).toEqual([2 * k, 3 * (k + 1)]);
    });
    expect(most).toBe(1);
  });

  test('a run that fails does not block the runs queued after it', async () => {
    const runner = nodeRunner();
    const session = await runner.session(ref);
    const original = session.run.bind(session);
    let calls = 0;
    (session as { run: unknown }).run = async (...args: Parameters<typeof original>) => {
      if (calls++ === 0) throw new Error('boom');
      return original(...args);
    };
    const [first, second, third] = await Promise.allSettled([
      runner.run(ref, feeds([1], [1])),
      runner.run(ref, feeds([2], [2])),
      runner.run(ref, feeds([3], [3])),
    ]);
    expect(first).toMatchObject({ status: 'rejected', reason: { message: 'boom' } });
    expect(second).toMatchObject({ status: 'fulfilled' });
    expect(third.status === 'fulfilled' && third.value.p[0]).toBe(9);
  });

  test('one runner keeps one session per model', async () => {
    const runner = nodeRunner();
    const other = compileToFile('triple', defineCalc({ inputs: [numberInput('a')], outputs: [{ id: 't', label: 't', formula: 'a * 3' }] })).ref;
    const [x, y] = await Promise.all([runner.run(ref, feeds([2], [5])), runner.run(other, { a: Float64Array.of(2) })]);
    expect(x.s[0]).toBe(7);
    expect(y.t[0]).toBe(6);
    expect(await runner.session(ref)).toBe(await runner.session(ref));
    expect(await runner.session(ref)).not.toBe(await runner.session(other));
  });
});
