import type { TopologySpec } from '../../../topology/spec';
import type { PersistentQueryRun } from '../ports';

export type PersistentQueryKind = 'CSAS' | 'CTAS' | 'INSERT';

/** What the statements asked for; the run state comes from the runtime. */
export type DesiredQueryState = 'RUNNING' | 'PAUSED';

/**
 * A persistent query in the catalog. `run` is this process's member of the query's consumer
 * group; it is absent while starting, after a start failure (then `startError` says why) and
 * on an engine that does not run queries.
 */
export interface PersistentQuery {
  readonly id: string;
  readonly kind: PersistentQueryKind;
  readonly statementText: string;
  readonly sink: string;
  readonly sinkTopic: string;
  readonly sources: readonly string[];
  readonly spec: TopologySpec;
  readonly properties: Readonly<Record<string, string>>;
  readonly seq: number;
  desired: DesiredQueryState;
  run?: PersistentQueryRun;
  /** Set while the runtime starts it, so it is never started twice. */
  starting?: boolean;
  startError?: { readonly message: string; readonly timestamp: number };
}

/**
 * ksqlDB's query states: RUNNING, PAUSED, ERROR, UNRESPONSIVE. A query still starting counts as
 * RUNNING, as ksqlDB reports its Streams app while it is created or rebalancing; one with no run
 * that is not starting (an engine that does not run queries) is UNRESPONSIVE.
 */
export function queryState(query: PersistentQuery): 'RUNNING' | 'PAUSED' | 'ERROR' | 'UNRESPONSIVE' {
  if (query.startError) return 'ERROR';
  if (!query.run) return query.desired === 'PAUSED' ? 'PAUSED' : query.starting ? 'RUNNING' : 'UNRESPONSIVE';
  const status = query.run.status();
  switch (status.state) {
    case 'ERROR':
      return 'ERROR';
    case 'PAUSED':
      return 'PAUSED';
    case 'RUNNING':
      return 'RUNNING';
    case 'STOPPED':
      return query.desired === 'PAUSED' ? 'PAUSED' : 'ERROR';
  }
}

export function queryError(query: PersistentQuery): { readonly message: string; readonly timestamp: number } | undefined {
  return query.startError ?? query.run?.status().error;
}
