export * from './format-expression';
export * from './format-plan';
