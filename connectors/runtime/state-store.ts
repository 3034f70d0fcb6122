import type { Props, SourceOffset, SourcePartition } from '../plugins/source-connector';
import type { ConnectState, TargetState } from './connect-state';
import type { KafkaPort, LogRecord, ProducedRecord, ProducerPort } from './kafka-port';

export interface StateTopics {
  readonly configs: string;
  readonly offsets: string;
  readonly status: string;
  readonly replicationFactor: number;
}

export interface StoredConnector {
  readonly props: Props;
  readonly target: TargetState;
}

/**
 * Connect's three compacted topics, in Connect's record layout so the data reads the same:
 * configs (`connector-<name>` -> `{"properties":{...}}`, `target-state-<name>` ->
 * `{"state":...}`), offsets (`["<name>",{partition}]` -> `{offset}`), status
 * (`status-connector-<name>`, `status-task-<name>-<id>`, `status-topic-<topic>:connector-<name>`).
 * The worker is the only writer; it reads them once at start and keeps the state in memory.
 */
export class StateStore {
  private readonly connectors = new Map<string, StoredConnector>();
  private readonly offsets = new Map<
    string,
    Map<string, { partition: SourcePartition; offset: SourceOffset }>
  >();
  private readonly topics = new Map<string, Set<string>>();
  private producer: ProducerPort | undefined;
  /** Sends in flight: status writes are fire-and-forget, and `close` must wait for them. */
  private readonly sending = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly kafka: KafkaPort,
    private readonly names: StateTopics,
    private readonly workerId: string,
    private readonly readerGroup: string,
  ) {}

  async load(): Promise<void> {
    const { configs, offsets, status, replicationFactor } = this.names;
    await this.kafka.ensureTopics(
      [configs, offsets, status].map((topic) => ({ topic, compacted: true, replicationFactor })),
    );
    this.producer = await this.kafka.createProducer(`${this.readerGroup}-state`);
    for (const r of await this.kafka.readToEnd([configs, offsets, status], this.readerGroup))
      this.apply(r);
  }

  /**
   * Waits for the writes in flight (a stopping task's last status), then closes the producer.
   * A kafkajs producer that sends after its disconnect connects again, and that socket would
   * keep the process alive; so later writes are refused instead.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.sending]);
    await this.producer?.close();
  }

  storedConnectors(): ReadonlyMap<string, StoredConnector> {
    return this.connectors;
  }

  async putConnector(name: string, props: Props, target: TargetState): Promise<void> {
    await this.write(this.names.configs, `target-state-${name}`, { state: target });
    await this.write(this.names.configs, `connector-${name}`, { properties: props });
    this.connectors.set(name, { props, target });
  }

  async putTarget(name: string, target: TargetState): Promise<void> {
    const existing = this.connectors.get(name);
    if (existing === undefined) return;
    await this.write(this.names.configs, `target-state-${name}`, { state: target });
    this.connectors.set(name, { ...existing, target });
  }

  async removeConnector(name: string): Promise<void> {
    await this.write(this.names.configs, `connector-${name}`, null);
    await this.write(this.names.configs, `target-state-${name}`, null);
    this.connectors.delete(name);
  }

  offset(connector: string, partition: SourcePartition): SourceOffset | null {
    return this.offsets.get(connector)?.get(offsetKey(connector, partition))?.offset ?? null;
  }

  allOffsets(connector: string): { partition: SourcePartition; offset: SourceOffset }[] {
    return [...(this.offsets.get(connector)?.values() ?? [])];
  }

  /** Stores offsets (null offset = delete); resolves once Kafka acknowledged them. */
  async writeOffsets(
    connector: string,
    entries: readonly { partition: SourcePartition; offset: SourceOffset | null }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.send(this.offsetRecords(connector, entries));
    this.applyOffsets(connector, entries);
  }

  /** The offsets-topic records for `entries`, for callers that write them in their own transaction. */
  offsetRecords(
    connector: string,
    entries: readonly { partition: SourcePartition; offset: SourceOffset | null }[],
  ): ProducedRecord[] {
    return entries.map((e) => ({
      topic: this.names.offsets,
      key: Buffer.from(offsetKey(connector, e.partition)),
      value: e.offset === null ? null : Buffer.from(JSON.stringify(e.offset)),
    }));
  }

  /** Records offsets that are already durable in the offsets topic. */
  applyOffsets(
    connector: string,
    entries: readonly { partition: SourcePartition; offset: SourceOffset | null }[],
  ): void {
    const map =
      this.offsets.get(connector) ??
      new Map<string, { partition: SourcePartition; offset: SourceOffset }>();
    for (const e of entries) {
      if (e.offset === null) map.delete(offsetKey(connector, e.partition));
      else map.set(offsetKey(connector, e.partition), { partition: e.partition, offset: e.offset });
    }
    this.offsets.set(connector, map);
  }

  async writeStatus(
    connector: string,
    task: number | null,
    state: ConnectState,
    trace: string | null,
  ): Promise<void> {
    const key =
      task === null ? `status-connector-${connector}` : `status-task-${connector}-${task}`;
    await this.write(this.names.status, key, {
      state,
      trace,
      worker_id: this.workerId,
      generation: 0,
    });
  }

  activeTopics(connector: string): string[] {
    return [...(this.topics.get(connector) ?? [])].sort();
  }

  async addActiveTopic(connector: string, task: number, topic: string, now: number): Promise<void> {
    const set = this.topics.get(connector) ?? new Set<string>();
    if (set.has(topic)) return;
    set.add(topic);
    this.topics.set(connector, set);
    await this.write(this.names.status, `status-topic-${topic}:connector-${connector}`, {
      topic: { name: topic, connector, task, discoverTimestamp: now },
    });
  }

  async resetActiveTopics(connector: string): Promise<void> {
    for (const topic of this.activeTopics(connector))
      await this.write(this.names.status, `status-topic-${topic}:connector-${connector}`, null);
    this.topics.delete(connector);
  }

  private async write(topic: string, key: string, value: unknown): Promise<void> {
    await this.send([
      {
        topic,
        key: Buffer.from(key),
        value: value === null ? null : Buffer.from(JSON.stringify(value)),
      },
    ]);
  }

  private async send(records: readonly ProducedRecord[]): Promise<void> {
    if (this.producer === undefined) throw new Error('StateStore used before load()');
    if (this.closed) throw new Error('StateStore is closed: the worker stopped');
    const sent = this.producer.send(records);
    this.sending.add(sent);
    try {
      await sent;
    } finally {
      this.sending.delete(sent);
    }
  }

  private apply(r: LogRecord): void {
    const key = r.key?.toString('utf8') ?? '';
    const value =
      r.value === null ? null : (JSON.parse(r.value.toString('utf8')) as Record<string, unknown>);
    if (r.topic === this.names.configs) this.applyConfig(key, value);
    else if (r.topic === this.names.offsets) this.applyOffset(key, value);
    else this.applyStatus(key, value);
  }

  private applyConfig(key: string, value: Record<string, unknown> | null): void {
    if (key.startsWith('connector-')) {
      const name = key.slice('connector-'.length);
      if (value === null) this.connectors.delete(name);
      else
        this.connectors.set(name, {
          props: value['properties'] as Props,
          target: this.connectors.get(name)?.target ?? 'STARTED',
        });
    } else if (key.startsWith('target-state-')) {
      const name = key.slice('target-state-'.length);
      const existing = this.connectors.get(name);
      if (existing !== undefined && value !== null)
        this.connectors.set(name, { ...existing, target: value['state'] as TargetState });
    }
  }

  private applyOffset(key: string, value: Record<string, unknown> | null): void {
    const parsed = JSON.parse(key) as [string, SourcePartition];
    const [connector, partition] = parsed;
    const map =
      this.offsets.get(connector) ??
      new Map<string, { partition: SourcePartition; offset: SourceOffset }>();
    if (value === null) map.delete(offsetKey(connector, partition));
    else map.set(offsetKey(connector, partition), { partition, offset: value });
    this.offsets.set(connector, map);
  }

  private applyStatus(key: string, value: Record<string, unknown> | null): void {
    const match = /^status-topic-(.+):connector-(.+)$/.exec(key);
    if (match === null) return;
    const [, topic, connector] = match as unknown as [string, string, string];
    const set = this.topics.get(connector) ?? new Set<string>();
    if (value === null) set.delete(topic);
    else set.add(topic);
    this.topics.set(connector, set);
  }
}

/** Connect's offset key: a JSON array of the connector name and the partition, keys sorted. */
export function offsetKey(connector: string, partition: SourcePartition): string {
  const sorted = Object.fromEntries(
    Object.entries(partition).sort(([a], [b]) => a.localeCompare(b)),
  );
  return JSON.stringify([connector, sorted]);
}
