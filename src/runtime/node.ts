/** The runtime as Node uses it (tests and the CLI): the same ModelRunner, reading models from disk. */
import { readFile } from 'node:fs/promises';
import { ModelRunner, type EngineChoice } from './session';

/** A runner reading models from disk; `engine` forces one engine (the dual-engine tests), default as the page does. */
export const nodeRunner = (engine: EngineChoice = 'auto'): ModelRunner => new ModelRunner(async (path) => new Uint8Array(await readFile(path)), engine);
