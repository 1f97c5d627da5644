/** Real definitions and committed models for the component tests (no mocked runtime). */
import { loadCatalog } from '../../src/definitions/load';
import { modelRef } from '../../src/definitions/models';
import { ModelError } from '../../src/runtime/session';
import { nodeRunner } from '../../src/runtime/node';
import type { RuntimeModule } from '../../src/components/engine-state';

const { entries } = loadCatalog();

export function definition(id: string) {
  const e = entries.find((x) => x.id === id);
  if (!e) throw new Error(`no calculator ${id}`);
  return e.calc;
}

export const model = (id: string) => modelRef(id);

/** The Node runtime (the same ModelRunner the page uses, reading models from disk). */
export const nodeRuntime = async (): Promise<RuntimeModule> => ({ runner: nodeRunner(), ModelError });

/** Settles when `check` holds, polling the reactive state (models load asynchronously). */
export async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the state');
    await new Promise((r) => setTimeout(r, 10));
  }
}
