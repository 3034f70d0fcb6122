export * from './arg-type';
export * from './function-definition';
export * from './function-registry';
export * from './function-resolution-error';
export * from './param-type';
export * from './resolve-call';
export type { ResolvedLambda } from './signature-matcher';
export * from './describe-function';
