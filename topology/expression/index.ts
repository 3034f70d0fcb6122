export * from './eval-row';
export * from './expression-error';
export * from './function-registry';
export * from './compile-context';
export { compileExpression, literalValue } from './compile-expression';
export { castValue } from './cast';
export { sqlEquals } from './sql-equals';
