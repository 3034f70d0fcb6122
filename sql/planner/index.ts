export * from './compile';
export {
  compileScript,
  type CompileScriptOptions,
  type CompiledScriptStatement,
} from './compile-script';
export * from './explain';
export * from './logical';
export * from './spec';
