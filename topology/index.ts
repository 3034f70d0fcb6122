export * from './spec';
export * from './functions';
export * from './serdes';
export * from './expression';
export * from './state';
export * from './processors';
export * from './runtime';
export * from './driver';
export * from './kafka';
export * from './runner';
export * from './state/redis';
// Pull queries over windowed tables decode a windowed aggregate's stored state into its row.
export { Aggregator, type AggregateState } from './processors/aggregator';
