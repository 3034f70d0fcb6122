import type { CompiledStatement } from '../../../sql';
import { type Query } from '../core/sql-ast';
import type { EngineInternals } from '../core/engine-internals';
import type { ScriptSession } from '../core/script-session';
import { expectCompiled } from '../core/statement-compiler';

export type CompiledTransient = Extract<CompiledStatement, { kind: 'TransientQuery' }>;

/**
 * Compiles a SELECT as a transient query of this engine: its consumer group and internal
 * topics are named under `<serviceId>_<instance>` so two engines of one service never share
 * a transient query's group; `n` numbers this engine's transient queries.
 */
export function compileTransient(query: Query, text: string, engine: EngineInternals, session: ScriptSession, n: number): CompiledTransient {
  const ctx = engine.compileContext(session, text);
  const instance = engine.instanceId.replace(/[^A-Za-z0-9_]/g, '_');
  const compiled = engine.compiler(query, {
    ...ctx,
    queryCounter: n,
    config: { ...ctx.config, 'ksql.service.id': `${engine.serviceId}_${instance}` },
  });
  return expectCompiled(compiled, 'TransientQuery');
}
