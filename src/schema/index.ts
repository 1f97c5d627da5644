export * from './common';
export * from './reference';
export * from './input';
export * from './output';
export * from './interpretation';
export * from './case';
export * from './calculator';
