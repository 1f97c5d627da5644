export * from './catalogue';
export * from './convert';
export * from './round';
