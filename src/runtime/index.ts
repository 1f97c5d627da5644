/** Engine-free parts of the runtime, safe to import anywhere (pages, CLI, tests). */
export * from './values';
export type { ModelRef, FetchBytes } from './session';
