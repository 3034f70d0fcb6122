export { findMaterialization, type Materialization } from './materialization';
export { planPull, readPullRows, type PullPlan } from './pull-from-state';
export { statePartitioning, statePartitions, type StatePartitioning } from './key-partition';
