import type { ConsumerPort, KafkaClientPort, ProducerPort } from '../../../topology';
import { type Command, decodeCommand, encodeCommand } from '../core/command';
import type { CommandLogPort, EngineLogger, LoggedCommand } from '../ports';

const APPEND_ID_HEADER = 'brook-append-id';

export interface KafkaCommandLogOptions {
  readonly kafka: KafkaClientPort;
  /** `_brook_<serviceId>_commands`. */
  readonly topic: string;
  /** This engine's reader group: it never commits, so every start reads the log from offset 0. */
  readonly readerGroupId: string;
  /** Unique per engine process; tags appends so the appender recognises its own command. */
  readonly instanceId: string;
  readonly logger: EngineLogger;
}

/**
 * The command log on a single-partition Kafka topic (infinite retention). A command's sequence
 * number is its offset. `append` resolves once this engine's reader has seen the record, which
 * is how it learns the offset.
 */
export class KafkaCommandLog implements CommandLogPort {
  private producer: ProducerPort | undefined;
  private consumer: ConsumerPort | undefined;
  private appendCount = 0;
  private readonly pendingAppends = new Map<string, (seq: number) => void>();
  private delivered = -1;
  private readonly deliveredWaiters: { offset: number; wake: () => void }[] = [];
  private onCommand: ((logged: LoggedCommand) => Promise<void>) | undefined;
  private readerFailure: Error | undefined;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(private readonly o: KafkaCommandLogOptions) {}

  static topicFor(serviceId: string): string {
    return `_brook_${serviceId}_commands`;
  }

  private topicReady = false;

  private async ensureTopic(): Promise<void> {
    if (this.topicReady) return;
    await this.o.kafka.admin().createTopics([
      { name: this.o.topic, partitions: 1, replicationFactor: 1, cleanupPolicy: 'delete', configs: { 'retention.ms': '-1' } },
    ]);
    this.topicReady = true;
  }

  async append(command: Command): Promise<number> {
    await this.ensureTopic();
    this.producer ??= this.o.kafka.producer({ idempotent: true, lingerMs: 0 });
    const appendId = `${this.o.instanceId}:${this.appendCount++}`;
    const seen = new Promise<number>((resolve) => this.pendingAppends.set(appendId, resolve));
    this.producer.send({ topic: this.o.topic, partition: 0, key: null, value: encodeCommand(command), headers: { [APPEND_ID_HEADER]: Buffer.from(appendId) } });
    await this.producer.flush();
    return seen;
  }

  async follow(onCommand: (logged: LoggedCommand) => Promise<void>): Promise<() => Promise<void>> {
    await this.ensureTopic();
    const end = (await this.o.kafka.admin().endOffsets(this.o.topic)).find((o) => o.partition === 0)?.offset ?? 0;
    this.onCommand = onCommand;
    await this.startReader();
    await this.deliveredUpTo(end - 1);
    return async () => {
      this.onCommand = undefined;
      clearTimeout(this.restartTimer);
      await this.consumer?.stop();
      this.consumer = undefined;
    };
  }

  /** The reader's crash while it is down (the engine then reports itself unhealthy). */
  failure(): Error | undefined {
    return this.readerFailure;
  }

  /** Reads from the command after the last one delivered (a restart continues where it was). */
  private async startReader(): Promise<void> {
    const consumer = this.o.kafka.consumer({ groupId: this.o.readerGroupId, maxWaitMs: 100 });
    this.consumer = consumer;
    await consumer.run(
      { fromEarliest: [this.o.topic], fromLatest: [] },
      {
        onAssigned: (partitions) => {
          for (const tp of partitions) consumer.seek({ ...tp, offset: this.delivered + 1 });
          return Promise.resolve();
        },
        onRevoked: () => Promise.resolve(),
        onBatch: async (batch) => {
          for (const record of batch.records) {
            if (record.offset <= this.delivered || record.value === null || !this.onCommand) continue;
            await this.deliver(record.offset, record.value, record.headers[APPEND_ID_HEADER], this.onCommand);
          }
          this.readerFailure = undefined;
          this.restarts = 0;
        },
        onCrash: (error) => this.readerCrashed(error),
      },
    );
  }

  /** Restarts the reader with a growing delay (1 s doubling to 30 s) while the engine follows. */
  private readerCrashed(error: Error): void {
    this.readerFailure = error;
    this.o.logger.error({ err: error.message, topic: this.o.topic, restarts: this.restarts }, 'command log reader stopped');
    if (!this.onCommand) return;
    const delay = Math.min(30_000, 1_000 * 2 ** this.restarts++);
    this.restartTimer = setTimeout(() => {
      void this.consumer?.stop().catch(() => undefined);
      this.startReader().then(
        () => (this.readerFailure = undefined),
        (e: unknown) => this.readerCrashed(e instanceof Error ? e : new Error(String(e))),
      );
    }, delay);
  }

  private async deliver(offset: number, value: Buffer, appendId: Buffer | undefined, onCommand: (logged: LoggedCommand) => Promise<void>): Promise<void> {
    try {
      await onCommand({ seq: offset, command: decodeCommand(value) });
    } catch (error) {
      this.o.logger.error({ offset, err: String(error) }, 'command could not be applied');
    }
    this.delivered = offset;
    const id = appendId?.toString();
    if (id !== undefined) {
      this.pendingAppends.get(id)?.(offset);
      this.pendingAppends.delete(id);
    }
    for (const waiter of this.deliveredWaiters.filter((w) => w.offset <= offset)) waiter.wake();
  }

  private deliveredUpTo(offset: number): Promise<void> {
    if (this.delivered >= offset) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = {
        offset,
        wake: () => {
          this.deliveredWaiters.splice(this.deliveredWaiters.indexOf(waiter), 1);
          resolve();
        },
      };
      this.deliveredWaiters.push(waiter);
    });
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
    await this.producer?.close();
  }
}
