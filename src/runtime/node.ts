/** The runtime as Node uses it (tests and the CLI): the same ModelRunner, reading models from disk. */
import { readFile } from 'node:fs/promises';
import { ModelRunner } from './session';

export const nodeRunner = (): ModelRunner => new ModelRunner(async (path) => new Uint8Array(await readFile(path)));
