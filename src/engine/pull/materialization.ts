import {
  stepById,
  type Step,
  type StoreSpec,
  type TableFilterStep,
  type TableSelectStep,
  type TopologySpec,
} from '../../../topology/spec';
import type { Metastore } from '../core/metastore';
import type { PersistentQuery } from '../core/persistent-query';

/** A table step whose getter derives from its parent's (no store of its own). */
export type DerivedTableStep = TableSelectStep | TableFilterStep;

/**
 * Where a table's current rows live in Redis: the store of `root` (an aggregate's or a table
 * source's key-value store, or a windowed aggregate's window or session store) in the state of
 * `spec`'s query, and the table steps that turn a stored value into a row of the table (an
 * aggregate's projection and HAVING).
 */
export interface Materialization {
  readonly queryId: string;
  readonly spec: TopologySpec;
  readonly root: Step;
  readonly store: StoreSpec;
  readonly derived: readonly DerivedTableStep[];
}

/** Roots of unwindowed tables; a windowed table's root is a `StreamWindowedAggregate`. */
const ROOT_KINDS: ReadonlySet<Step['kind']> = new Set(['StreamAggregate', 'TableAggregate', 'TableSource']);

/**
 * The materialisation of a table: the state of the CTAS that writes it (a windowed CTAS keeps
 * its windows in the aggregate's window or session store), or else, for an unwindowed table, of
 * a query that reads the source table from the beginning (a query started at the end of the
 * topic holds only part of the table). `undefined`: no query keeps the table's rows.
 */
export function findMaterialization(metastore: Metastore, table: string): Materialization | undefined {
  const source = metastore.getSource(table);
  if (!source || source.kind !== 'TABLE') return undefined;
  const writer = metastore.writersOf(source.name).find((q) => q.kind === 'CTAS');
  if (writer) return ctasMaterialization(writer);
  if (source.windowing !== undefined) return undefined;
  for (const query of metastore.readersOf(source.name)) {
    if (!readsFromBeginning(query)) continue;
    const step = query.spec.steps.find((s) => s.kind === 'TableSource' && s.sourceName === source.name);
    const store = step?.stores[0];
    if (step && store?.kind === 'keyValue') return { queryId: query.id, spec: query.spec, root: step, store, derived: [] };
  }
  return undefined;
}

function ctasMaterialization(query: PersistentQuery): Materialization | undefined {
  const { spec } = query;
  const sink = spec.steps[spec.steps.length - 1];
  if (!sink || sink.kind !== 'TableSink') return undefined;
  const derived: DerivedTableStep[] = [];
  let step = stepById(spec, sink.source);
  while (step.kind === 'TableSelect' || step.kind === 'TableFilter') {
    derived.unshift(step);
    step = stepById(spec, step.source);
  }
  const store = step.stores[0];
  const windowed = step.kind === 'StreamWindowedAggregate';
  if (windowed !== (spec.sink.window !== null)) return undefined;
  const readable = windowed ? store?.kind === 'window' || store?.kind === 'session' : ROOT_KINDS.has(step.kind) && store?.kind === 'keyValue';
  if (!store || !readable) return undefined;
  return { queryId: query.id, spec, root: step, store, derived };
}

function readsFromBeginning(query: PersistentQuery): boolean {
  const reset = query.properties['auto.offset.reset'] ?? query.properties['ksql.streams.auto.offset.reset'];
  return reset === 'earliest';
}
