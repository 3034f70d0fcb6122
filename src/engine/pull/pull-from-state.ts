import {
  rowCodec,
  type BytesStoreBackend,
  type BytesStoreBackendFactory,
  type Row,
  type SerdeFactory,
  type StoreLocation,
  type TableValueGetter,
  type TopologySpec,
} from '../../../topology';
import type { Expression } from '../../../topology/spec';
import type { EngineInternals } from '../core/engine-internals';
import { keyCandidates } from './key-candidates';
import type { StatePartitioning } from './key-partition';
import { keyByteRange, type KeyByteRange } from './key-range';
import { findMaterialization, type DerivedTableStep, type Materialization } from './materialization';
import { SnapshotBackend } from './snapshot-backend';
import { openPullGetter, type PullChain } from './table-reader';
import { windowBounds, type WindowBounds } from './window-bounds';
import { readWindowedPartition } from './windowed-reader';

/** How a pull query was answered from a table's state, or why it was not. */
export type PullPlan =
  | {
      readonly kind: 'state';
      readonly m: Materialization;
      readonly chain: PullChain;
      /** Keys the WHERE pins (lookups), else byte bounds of a key range, else a scan. */
      readonly keys: readonly unknown[] | undefined;
      readonly range: KeyByteRange | undefined;
      /** A windowed table's WINDOWSTART / WINDOWEND bounds (unbounded for other tables). */
      readonly windows: WindowBounds;
    }
  | { readonly kind: 'unmaterialized'; readonly table: string }
  | { readonly kind: 'unsupported' };

/**
 * Decides whether a pull query reads state: its topology must be a table source followed only by
 * WHERE and projection, and the table must be materialised (see `findMaterialization`).
 */
export function planPull(spec: TopologySpec, engine: EngineInternals): PullPlan {
  const [source, ...rest] = spec.steps;
  const sink = rest.pop();
  if (source?.kind !== 'TableSource' || sink?.kind !== 'TableSink' || spec.sources.length !== 1) return { kind: 'unsupported' };
  const steps: DerivedTableStep[] = [];
  for (const step of rest) {
    if (step.kind !== 'TableFilter' && step.kind !== 'TableSelect') return { kind: 'unsupported' };
    steps.push(step);
  }
  const m = findMaterialization(engine.metastore, source.sourceName);
  if (!m) return { kind: 'unmaterialized', table: source.sourceName };
  const predicate = steps.reduce<Expression | undefined>(
    (all, s) => (s.kind !== 'TableFilter' ? all : all ? { kind: 'LogicalBinary', op: 'AND', left: all, right: s.predicate, type: s.predicate.type } : s.predicate),
    undefined,
  );
  const chain = { spec, sourceStepId: source.id, steps };
  const windowed = m.store.kind !== 'keyValue';
  return {
    kind: 'state',
    m,
    chain,
    keys: keyCandidates(predicate, source.schema.key),
    // Window and session stores lay keys out after a time segment: no key byte range.
    range: windowed ? undefined : keyByteRange(predicate, source.schema.key),
    windows: windowBounds(windowed ? predicate : undefined),
  };
}

export interface StateReadOptions {
  readonly backends: BytesStoreBackendFactory;
  readonly serdes: SerdeFactory;
  readonly partitioning: StatePartitioning;
  readonly limit: number | undefined;
}

/**
 * The rows of a pull query from Redis. Key lookups read the one partition the key's bytes hash
 * to (every partition when that cannot be computed; one HMGET each); other queries read each
 * partition's store (the key range's bytes, or all of it) in one range call and evaluate WHERE
 * on every row, up to LIMIT. Windowed tables read their window or session store.
 */
export async function readPullRows(plan: Extract<PullPlan, { kind: 'state' }>, o: StateReadOptions): Promise<Row[]> {
  if (plan.m.store.kind !== 'keyValue') return readWindowedRows(plan, o);
  const all = Array.from({ length: o.partitioning.partitions }, (_, p) => p);
  if (plan.keys) {
    const getters = new Map<number, Promise<TableValueGetter>>();
    const getter = (p: number): Promise<TableValueGetter> => {
      const opened = getters.get(p) ?? openPullGetter(plan.m, plan.chain, p, o.backends, o.serdes);
      getters.set(p, opened);
      return opened;
    };
    const rows: Row[] = [];
    for (const key of plan.keys) {
      const found = await firstFound(await Promise.all((await keyPartitions(o.partitioning, [key], all)).map(getter)), [key]);
      if (found) rows.push(found);
      if (o.limit !== undefined && rows.length >= o.limit) break;
    }
    return rows;
  }
  const rows: Row[] = [];
  const keyCodec = rowCodec(plan.m.root.schema.key);
  for (const p of all) {
    const store = await o.backends.open(location(plan.m, p));
    const snapshot = new SnapshotBackend(await (plan.range ? store.range(plan.range.from, plan.range.to) : store.scan()));
    const getter = await openPullGetter(plan.m, plan.chain, p, snapshotFactory(plan.m, snapshot, o.backends), o.serdes);
    for (const entry of snapshot.entries) {
      const row = await getter.get(keyCodec.decode(entry.key));
      if (row) rows.push(row.value);
      if (o.limit !== undefined && rows.length >= o.limit) return rows;
    }
  }
  return rows;
}

/** The partitions holding `key`, or every partition when its partition cannot be computed. */
async function keyPartitions(partitioning: StatePartitioning, key: Row, all: readonly number[]): Promise<readonly number[]> {
  const p = await partitioning.partitionOf(key);
  return p === undefined ? all : [p];
}

/** Windowed tables: per key, its partition's windows (every partition's windows for a scan). */
async function readWindowedRows(plan: Extract<PullPlan, { kind: 'state' }>, o: StateReadOptions): Promise<Row[]> {
  const all = Array.from({ length: o.partitioning.partitions }, (_, p) => p);
  const reads: { partition: number; keys: readonly unknown[] | undefined }[] = [];
  if (plan.keys) for (const key of plan.keys) for (const partition of await keyPartitions(o.partitioning, [key], all)) reads.push({ partition, keys: [key] });
  else for (const partition of all) reads.push({ partition, keys: undefined });
  const rows: Row[] = [];
  for (const read of reads) {
    const limit = o.limit === undefined ? undefined : o.limit - rows.length;
    rows.push(...(await readWindowedPartition(plan.m, plan.chain, read.partition, o.backends, o.serdes, { keys: read.keys, bounds: plan.windows, limit })));
    if (o.limit !== undefined && rows.length >= o.limit) break;
  }
  return rows;
}

async function firstFound(getters: readonly TableValueGetter[], key: Row): Promise<Row | undefined> {
  const found = await Promise.all(getters.map((g) => g.get(key)));
  return found.find((r) => r !== null)?.value;
}

function location(m: Materialization, partition: number): StoreLocation {
  return { applicationId: m.spec.applicationId, store: m.store, taskId: `pull_${partition}`, partition };
}

function snapshotFactory(m: Materialization, snapshot: BytesStoreBackend, backends: BytesStoreBackendFactory): BytesStoreBackendFactory {
  return { open: (l) => (l.store.name === m.store.name ? Promise.resolve(snapshot) : backends.open(l)) };
}
