export * from './select-query';
export * from './transient-compile';
