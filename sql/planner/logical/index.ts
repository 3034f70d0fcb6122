export * from './build-logical-plan';
export * from './plan-node';
