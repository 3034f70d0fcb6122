export * from './catalog';
export * from './column';
export * from './format';
export * from './in-memory-catalog';
export * from './source';
export * from './windowing';
