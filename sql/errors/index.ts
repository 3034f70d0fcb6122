export * from './sql-error';
export { renderSourceCaret } from './render-caret';
