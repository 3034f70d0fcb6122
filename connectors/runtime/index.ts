export * from './connect-state';
export * from './kafka-port';
export * from './worker';
export * from './worker-config';
export * from './worker-views';
export * from './worker-offsets';
export { sinkGroupId } from './worker-sink-task';
export { tolerancePolicy } from './tolerance-policy';
export { offsetKey } from './state-store';
