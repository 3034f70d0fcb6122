import type { CompileContext, CompiledStatement, Statement } from '../../../sql';

/**
 * The engine's view of the SQL compiler: `compileStatement` from `sql/index.ts` in production.
 * Pure (no I/O); throws a `SqlError` with a span into the statement when it is rejected.
 */
export type StatementCompiler = (statement: Statement, ctx: CompileContext) => CompiledStatement;

/** Narrows a compiled statement to the kind the caller expects. */
export function expectCompiled<K extends CompiledStatement['kind']>(
  compiled: CompiledStatement,
  ...kinds: K[]
): Extract<CompiledStatement, { kind: K }> {
  if (!(kinds as string[]).includes(compiled.kind)) {
    throw new Error(`Expected the compiler to produce ${kinds.join(' or ')}, got ${compiled.kind}`);
  }
  return compiled as Extract<CompiledStatement, { kind: K }>;
}
