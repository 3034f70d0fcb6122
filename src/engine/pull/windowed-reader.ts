import {
  Aggregator,
  buildStep,
  effectiveRetentionMs,
  emitFinalSteps,
  rowCodec,
  subTopologies,
  TaskStores,
  type AggregateState,
  type BytesStoreBackendFactory,
  type Row,
  type SerdeFactory,
  type StreamRecord,
  type StreamWindowedAggregateStep,
  type Timestamped,
  type Window,
  type WindowSpec,
} from '../../../topology';
import type { Materialization } from './materialization';
import { readOnlyContext, type Ports, type PullChain } from './table-reader';
import type { WindowBounds } from './window-bounds';

/** A window of a windowed table as its store holds it. */
interface StoredWindow extends Timestamped<AggregateState> {
  readonly key: Row;
  readonly window: Window;
}

export interface WindowedRead {
  /** Key values the WHERE pins (lookups), else every key of the partition (a scan). */
  readonly keys: readonly unknown[] | undefined;
  readonly bounds: WindowBounds;
  readonly limit: number | undefined;
}

const ORIGIN = { topic: '', partition: -1, offset: -1 };

/**
 * The rows of a pull query over a windowed table, from one partition of the windowed
 * aggregate's window or session store: the windows of the pinned keys (or all) within the
 * WINDOWSTART / WINDOWEND bounds, each pushed as a windowed record through the table's own steps
 * (HAVING, projection) and the pull query's (WHERE, projection with WINDOWSTART and WINDOWEND).
 */
export async function readWindowedPartition(
  m: Materialization,
  pull: PullChain,
  partition: number,
  backends: BytesStoreBackendFactory,
  serdes: SerdeFactory,
  read: WindowedRead,
): Promise<Row[]> {
  if (m.root.kind !== 'StreamWindowedAggregate') return [];
  const root = m.root;
  const sub = subTopologies(m.spec).find((s) => s.stepIds.includes(root.id));
  const stores = new TaskStores({
    applicationId: m.spec.applicationId,
    // The aggregate's clock (the windows it still retains) is kept under its task's id.
    taskId: `${sub?.index ?? 0}_${partition}`,
    partition,
    backends,
    changelog: { append: () => undefined },
    emission: 'eager',
    maxCachedEntries: 1,
  });
  const ports = { stores, serdes };
  const rootContext = readOnlyContext(m.spec, root, ports, new Map(), unusedForward);
  const aggregator = new Aggregator(root, rootContext.inputSchemas[0]!, rootContext);
  const windows = await fetchWindows(m, root, aggregator, stores, read);
  const toRow = await rowChain(m, pull, ports);
  const rows: Row[] = [];
  for (const w of windows) {
    const record: StreamRecord = { key: w.key, value: aggregator.result(w.value), timestamp: w.timestamp, window: w.window, headers: [], origin: ORIGIN };
    const row = await toRow(record);
    if (row) rows.push(row);
    if (read.limit !== undefined && rows.length >= read.limit) break;
  }
  return rows;
}

const unusedForward = (): Promise<void> => Promise.resolve();

/** The store's windows of the keys (or all) within the bounds, by key then window start. */
async function fetchWindows(m: Materialization, step: StreamWindowedAggregateStep, aggregator: Aggregator, stores: TaskStores, read: WindowedRead): Promise<StoredWindow[]> {
  // The store's retention as the aggregate opened it: EMIT FINAL without GRACE closes at window end.
  const window: WindowSpec = step.window.graceMs === null && emitFinalSteps(m.spec).has(step.id) ? { ...step.window, graceMs: 0 } : step.window;
  const spec = { ...m.store, retentionMs: m.store.retentionMs ?? effectiveRetentionMs(window) };
  const { start, end } = read.bounds;
  const wanted = keyFilter(step, read.keys);
  if (window.type === 'SESSION') {
    // Sessions are laid out by end segment, then key: one range over the ends asked for.
    const store = await stores.session(spec, step.schema.key, aggregator.codec());
    const sessions = await store.fetchEndingBetween(end.from, end.to);
    return sessions
      .filter((s) => s.start >= start.from && s.start <= start.to && wanted(s.key))
      .map((s) => ({ key: s.key, window: { start: s.start, end: s.end }, value: s.value, timestamp: s.timestamp }))
      .sort(byKeyThenStart(step));
  }
  const store = await stores.window(spec, step.schema.key, aggregator.codec());
  const clock = await (await stores.processorState(step.id)).load();
  store.restoreObserved(clock.observedStart ?? -1);
  // A time window's end is its start plus the size, so end bounds are start bounds too.
  const from = Math.max(start.from, end.from - window.sizeMs, 0);
  const to = Math.min(start.to, end.to - window.sizeMs, store.observedStart < 0 ? Number.MAX_SAFE_INTEGER : store.observedStart);
  if (from > to) return [];
  const entries =
    read.keys && store.observedStart >= 0
      ? (await Promise.all(read.keys.map((k) => store.fetchKey([k], from, to)))).flat()
      : (await store.fetchAll(from, to)).filter((e) => wanted(e.key));
  return entries.map((e) => ({ key: e.key, window: { start: e.start, end: e.start + window.sizeMs }, value: e.value, timestamp: e.timestamp }));
}

function keyFilter(step: StreamWindowedAggregateStep, keys: readonly unknown[] | undefined): (key: Row) => boolean {
  if (!keys) return () => true;
  const codec = rowCodec(step.schema.key);
  const encoded = keys.map((k) => codec.encode([k]));
  return (key) => {
    const bytes = codec.encode(key);
    return encoded.some((e) => e.equals(bytes));
  };
}

function byKeyThenStart(step: StreamWindowedAggregateStep): (a: StoredWindow, b: StoredWindow) => number {
  const codec = rowCodec(step.schema.key);
  return (a, b) => Buffer.compare(codec.encode(a.key), codec.encode(b.key)) || a.window.start - b.window.start;
}

/**
 * The table's derived steps then the pull query's, built as processors whose `forward` feeds the
 * next: a windowed record goes in, the pull query's row (or null: HAVING or WHERE dropped it)
 * comes out. Processors, not value getters, because only records carry the window that
 * WINDOWSTART and WINDOWEND read.
 */
async function rowChain(m: Materialization, pull: PullChain, ports: Ports): Promise<(record: StreamRecord) => Promise<Row | null>> {
  const steps = [...m.derived.map((step) => ({ spec: m.spec, step })), ...pull.steps.map((step) => ({ spec: pull.spec, step }))];
  let out: Row | null = null;
  let next = (record: StreamRecord): Promise<void> => {
    out = record.value;
    return Promise.resolve();
  };
  for (const { spec, step } of steps.reverse()) {
    const built = await buildStep(step, readOnlyContext(spec, step, ports, new Map(), next));
    const input = built.inputs[0];
    if (!input) throw new Error(`step '${step.id}' has no input`);
    next = (record) => input.process(record);
  }
  const first = next;
  return async (record) => {
    out = null;
    await first(record);
    return out;
  };
}
