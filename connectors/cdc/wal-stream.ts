import type { Logger } from 'pino';
import type { Lsn } from './lsn';
import { decodePgOutput, type PgOutputMessage } from './pgoutput-decoder';
import type {
  ReplicationConnection,
  ReplicationConnector,
  ReplicationParams,
} from './replication-port';

export interface WalMessage {
  readonly lsn: Lsn;
  readonly message: PgOutputMessage;
}

export interface WalStreamOptions {
  readonly connect: ReplicationConnector;
  readonly params: ReplicationParams;
  readonly slot: string;
  readonly publication: string;
  readonly maxQueue: number;
  readonly statusIntervalMs: number;
  readonly logger: Logger;
}

/**
 * The replication stream of one slot, with the acknowledgement bookkeeping that makes it safe:
 * every record handed to Kafka gets a sequence number; a transaction's end LSN becomes a
 * checkpoint behind the records emitted so far; the slot's flush LSN moves to a checkpoint only
 * once every record before it was acknowledged by Kafka (`acked`), so a crash makes Postgres
 * resend rather than skip.
 */
export class WalStream {
  private connection: ReplicationConnection | undefined;
  private inbound: WalMessage[] = [];
  private pausedSocket = false;
  private waiter: (() => void) | undefined;
  private brokenValue: Error | null = null;
  private timer: NodeJS.Timeout | undefined;
  private received: Lsn = 0n;
  private flushedValue: Lsn = 0n;
  private keepaliveEnd: Lsn = 0n;
  private seq = 0;
  private ackedSeq = 0;
  private checkpoints: { seq: number; lsn: Lsn }[] = [];

  constructor(private readonly options: WalStreamOptions) {}

  get broken(): Error | null {
    return this.brokenValue;
  }

  get flushed(): Lsn {
    return this.flushedValue;
  }

  /** Connects, creating the slot first when asked; returns the slot's export when it created one. */
  async connect(): Promise<ReplicationConnection> {
    this.brokenValue = null;
    this.connection = await this.options.connect(this.options.params);
    return this.connection;
  }

  async start(): Promise<void> {
    const connection = this.connection ?? (await this.connect());
    this.inbound = [];
    this.checkpoints = [];
    this.ackedSeq = this.seq;
    await connection.startStreaming(
      this.options.slot,
      0n,
      { proto_version: '1', publication_names: this.options.publication },
      {
        onData: (lsn, payload) => {
          if (lsn > this.received) this.received = lsn;
          this.inbound.push({ lsn, message: decodePgOutput(payload) });
          if (!this.pausedSocket && this.inbound.length >= this.options.maxQueue) {
            this.pausedSocket = true;
            connection.pause();
          }
          this.wake();
        },
        onKeepalive: (walEnd, reply) => {
          if (walEnd > this.received) this.received = walEnd;
          this.keepaliveEnd = walEnd;
          if (reply) this.sendStatus(false);
        },
        onClose: (error) => {
          if (error !== null && this.brokenValue === null) {
            this.brokenValue = error;
            this.options.logger.warn({ err: error.message }, 'replication stream broke');
          }
          this.wake();
        },
      },
    );
    this.timer = setInterval(() => this.sendStatus(false), this.options.statusIntervalMs);
    this.timer.unref();
  }

  /** Takes up to `max` decoded messages, resuming the socket once the queue drained. */
  take(max: number): WalMessage[] {
    const out = this.inbound.splice(0, max);
    if (this.pausedSocket && this.inbound.length < this.options.maxQueue / 2) {
      this.pausedSocket = false;
      this.connection?.resume();
    }
    return out;
  }

  get pending(): number {
    return this.inbound.length;
  }

  async waitForData(ms: number, signal: AbortSignal): Promise<void> {
    if (this.inbound.length > 0 || this.brokenValue !== null || signal.aborted) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t);
        signal.removeEventListener('abort', done);
        this.waiter = undefined;
        resolve();
      };
      const t = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.waiter = done;
    });
  }

  /** A sequence number for a record about to be handed to the worker. */
  nextSeq(): number {
    return ++this.seq;
  }

  /** Everything up to `lsn` is covered by the records emitted so far. */
  checkpoint(lsn: Lsn): void {
    this.checkpoints.push({ seq: this.seq, lsn });
  }

  acked(seq: number): void {
    if (seq > this.ackedSeq) this.ackedSeq = seq;
  }

  /** Moves the flush LSN to the newest checkpoint whose records are all acknowledged. */
  flush(): void {
    let moved = false;
    while (this.checkpoints.length > 0 && this.checkpoints[0]!.seq <= this.ackedSeq) {
      const lsn = this.checkpoints.shift()!.lsn;
      if (lsn > this.flushedValue) this.flushedValue = lsn;
      moved = true;
    }
    // Idle: nothing buffered or in flight, so the keepalive's position holds no change of ours.
    if (this.inbound.length === 0 && this.checkpoints.length === 0 && this.ackedSeq === this.seq) {
      if (this.keepaliveEnd > this.flushedValue) {
        this.flushedValue = this.keepaliveEnd;
        moved = true;
      }
    }
    if (moved) this.sendStatus(false);
  }

  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    const c = this.connection;
    this.connection = undefined;
    this.pausedSocket = false;
    await c?.close();
  }

  private sendStatus(reply: boolean): void {
    if (this.brokenValue !== null || this.connection === undefined) return;
    try {
      this.connection.sendStatus(this.received, this.flushedValue, reply);
    } catch (error) {
      this.options.logger.warn({ err: String(error) }, 'standby status update failed');
    }
  }

  private wake(): void {
    this.waiter?.();
  }
}
