import type { FunctionRegistry } from '../expression';
import type { ProcessingLogEntry, RawRecord, RecordHeader } from '../processors';
import { Task, type OutputRecord, type TaskMetrics } from '../runtime';
import type { Row, SerdeFactory, Window } from '../serdes/serde-contract';
import { subTopologies, type TopologySpec } from '../spec';
import { InMemoryBackendFactory, type BytesStoreBackendFactory } from '../state';
import { DriverError } from './driver-error';

export interface TopologyTestDriverOptions {
  readonly serdes: SerdeFactory;
  readonly functions?: FunctionRegistry;
  /** Defaults to a fresh in-memory factory; pass one to share state across driver instances. */
  readonly backends?: BytesStoreBackendFactory;
  /**
   * Kafka Streams throttles stream-stream outer-join emission by wall-clock interval; the driver's
   * clock is frozen at 0 (as ksqlDB's QTT harness), so with the default 1000 ms such results are
   * emitted in one batch. 0 emits at every record.
   */
  readonly outerJoinEmitIntervalMs?: number;
}

/** A record in one of the driver's in-process topics: bytes, as a source would receive them. */
export type DriverRecord = RawRecord;

export interface RowInput {
  readonly key: Row | null;
  readonly value: Row | null;
  readonly timestamp?: number;
  readonly window?: Window;
  readonly headers?: readonly RecordHeader[];
}

export interface DecodedRecord {
  readonly key: Row | null;
  readonly value: Row | null;
  readonly timestamp: number;
  readonly window: Window | null;
  readonly headers: readonly RecordHeader[];
}

/**
 * Runs a spec in process, like Kafka Streams' TopologyTestDriver: every topic (sources, sink,
 * repartition, changelog) is an in-memory list on partition 0; each piped record goes through
 * the whole topology, repartitions included, before the call returns; there is no wall clock
 * (event time only) and no caching (every update is forwarded), then every task commits.
 * Bad records go to `processingLog` and the task counters; they never stop the driver.
 */
export class TopologyTestDriver {
  private readonly topics = new Map<string, DriverRecord[]>();

  private constructor(
    readonly spec: TopologySpec,
    /** Every record the query skipped or failed on, in order. */
    readonly processingLog: readonly ProcessingLogEntry[],
    private readonly tasks: readonly Task[],
    private readonly serdes: SerdeFactory,
    private readonly pending: OutputRecord[],
  ) {}

  static async create(
    spec: TopologySpec,
    options: TopologyTestDriverOptions,
  ): Promise<TopologyTestDriver> {
    const pending: OutputRecord[] = [];
    const log: ProcessingLogEntry[] = [];
    const backends = options.backends ?? new InMemoryBackendFactory();
    const tasks: Task[] = [];
    for (const sub of subTopologies(spec)) {
      tasks.push(
        await Task.create({
          spec,
          subTopology: sub.index,
          partition: 0,
          serdes: options.serdes,
          backends,
          functions: options.functions,
          collector: { send: (r) => pending.push(r) },
          processingLog: { log: (e) => log.push(e) },
          emission: 'eager',
          wallClock: () => 0,
          outerJoinEmitIntervalMs: options.outerJoinEmitIntervalMs ?? 1000,
        }),
      );
    }
    return new TopologyTestDriver(spec, log, tasks, options.serdes, pending);
  }

  /** Pipes one record of bytes into `topic` and processes it (and everything it causes) fully. */
  async pipeBytes(
    topic: string,
    record: {
      key: Buffer | null;
      value: Buffer | null;
      timestamp?: number;
      headers?: readonly RecordHeader[];
    },
  ): Promise<void> {
    if (!this.tasks.some((t) => t.sourceTopics.includes(topic)))
      throw new DriverError(`no task reads topic '${topic}'`, topic);
    await this.deliver(
      this.append(topic, record.key, record.value, record.timestamp ?? 0, record.headers ?? []),
    );
    await this.drain();
  }

  /** Serialises a row with the serdes of the source reading `topic`, then pipes it. */
  async pipeRow(topic: string, input: RowInput): Promise<void> {
    const source = this.spec.sources.find((s) => s.topic === topic);
    if (!source) throw new DriverError(`no source reads topic '${topic}'`, topic);
    const window = source.window
      ? { type: source.window.type, sizeMs: source.window.sizeMs ?? undefined }
      : undefined;
    const keySerde = this.serdes.create({
      topic,
      isKey: true,
      format: source.keyFormat,
      columns: source.keyColumns,
      window,
    });
    const valueSerde = this.serdes.create({
      topic,
      isKey: false,
      format: source.valueFormat,
      columns: source.valueColumns,
    });
    const key = await keySerde.serialize(input.key, input.window);
    const value = await valueSerde.serialize(input.value);
    await this.pipeBytes(topic, { key, value, timestamp: input.timestamp, headers: input.headers });
  }

  /** Every record of a topic so far (inputs, sink, repartition or changelog), in offset order. */
  records(topic: string): readonly DriverRecord[] {
    return this.topics.get(topic) ?? [];
  }

  topicNames(): readonly string[] {
    return [...this.topics.keys()];
  }

  /** The sink topic decoded with the sink's serdes (windowed keys carry their window). */
  async readOutput(): Promise<DecodedRecord[]> {
    const { sink } = this.spec;
    const window = sink.window
      ? { type: sink.window.type, sizeMs: sink.window.sizeMs ?? undefined }
      : undefined;
    const keySerde = this.serdes.create({
      topic: sink.topic,
      isKey: true,
      format: sink.keyFormat,
      columns: sink.keyColumns,
      window,
    });
    const valueSerde = this.serdes.create({
      topic: sink.topic,
      isKey: false,
      format: sink.valueFormat,
      columns: sink.valueColumns,
    });
    const out: DecodedRecord[] = [];
    for (const r of this.records(sink.topic)) {
      const key = await keySerde.deserialize(r.key);
      const value = await valueSerde.deserialize(r.value);
      out.push({
        key: key.row,
        value: value.row,
        timestamp: r.timestamp,
        window: key.window ?? null,
        headers: r.headers,
      });
    }
    return out;
  }

  /** Counters summed over the driver's tasks. */
  metrics(): TaskMetrics {
    const sum: TaskMetrics = { processed: 0, dropped: 0, errors: 0, byKind: {} };
    for (const t of this.tasks) {
      sum.processed += t.metrics.processed;
      sum.dropped += t.metrics.dropped;
      sum.errors += t.metrics.errors;
      for (const [k, n] of Object.entries(t.metrics.byKind))
        sum.byKind[k as keyof TaskMetrics['byKind']] =
          (sum.byKind[k as keyof TaskMetrics['byKind']] ?? 0) + n;
    }
    return sum;
  }

  async close(): Promise<void> {
    for (const task of this.tasks) await task.close();
  }

  private append(
    topic: string,
    key: Buffer | null,
    value: Buffer | null,
    timestamp: number,
    headers: readonly RecordHeader[],
  ): DriverRecord {
    const list = this.topics.get(topic) ?? [];
    this.topics.set(topic, list);
    const record = { topic, partition: 0, offset: list.length, key, value, timestamp, headers };
    list.push(record);
    return record;
  }

  private async deliver(record: DriverRecord): Promise<void> {
    for (const task of this.tasks)
      if (task.sourceTopics.includes(record.topic)) await task.process(record);
  }

  /** Feeds repartition records to their readers, FIFO, then commits, until nothing is left. */
  private async drain(): Promise<void> {
    for (;;) {
      while (this.pending.length > 0) {
        const out = this.pending.shift()!;
        const record = this.append(out.topic, out.key, out.value, out.timestamp, out.headers);
        if (out.kind === 'repartition') await this.deliver(record);
      }
      for (const task of this.tasks) await task.commit();
      if (this.pending.length === 0) return;
    }
  }
}
