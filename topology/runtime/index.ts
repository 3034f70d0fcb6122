export * from './record-collector';
export * from './repartition-codec';
export * from './task';
export * from './task-metrics';
export { emitFinalSteps } from './emit-final';
