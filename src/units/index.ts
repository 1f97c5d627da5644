export * from './catalogue';
export * from './convert';
export * from './round';
export * from './concepts';
export * from './lab-tests';
