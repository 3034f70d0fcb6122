import type { CompiledStatement } from '../../../sql';
import type { TopologySpec } from '../../../topology/spec';
import type { StatementRun } from '../core/engine-internals';
import type { Explain } from '../core/sql-ast';
import { rejected } from '../core/statement-errors';

export interface ExplainedQuery {
  readonly spec: TopologySpec;
  readonly sources: readonly string[];
  readonly sinks: readonly string[];
  /** The compiler's logical plan and topology text. */
  readonly planText: string;
}

/**
 * Compiles `EXPLAIN <statement>` without running anything. The query id in the plan is
 * provisional: a query gets its id from its position in the command log when it runs.
 */
export function compileForExplain(run: StatementRun<Explain>): ExplainedQuery {
  const compiled = run.engine.compiler(run.statement, run.engine.compileContext(run.session, run.text));
  if (compiled.kind !== 'Explain') throw rejected('EXPLAIN needs a statement or a query id');
  const explained: CompiledStatement = compiled.explained;
  const sourcesOf = (q: { analysis: { sources: readonly { source: { name: string } }[] } }): string[] => q.analysis.sources.map((s) => s.source.name);
  switch (explained.kind) {
    case 'PersistentQuery':
      return { spec: explained.query.topology, sources: sourcesOf(explained.query), sinks: [explained.sink.name], planText: compiled.text };
    case 'TransientQuery':
      return { spec: explained.query.topology, sources: sourcesOf(explained.query), sinks: [], planText: compiled.text };
    default:
      throw rejected(`EXPLAIN supports queries only, not ${run.statement.statement?.kind ?? 'this statement'}`);
  }
}
