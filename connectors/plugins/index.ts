export * from './connector-context';
export * from './source-connector';
export * from './sink-connector';
export * from './transformation';
export * from './converter';
export * from './error-policy';
export * from './plugin-registry';
