export * from './apply-to-catalog';
export * from './compile-context';
export * from './compile-statement';
export * from './compiled-statement';
export { queryIdFor } from './query-naming';
