import type { RecordMetadata, SourceRecord } from '../data/connect-record';
import { stackTrace } from '../errors';
import type { SqlPool, SqlPoolFactory } from '../jdbc/sql-client';
import type {
  Props,
  SourceOffset,
  SourceTask,
  SourceTaskContext,
} from '../plugins/source-connector';
import { capturedTables, dropSlot, ensurePublication, slotExists } from './cdc-catalog';
import { cdcSettings, type CdcSettings } from './cdc-settings';
import { heartbeatRecord } from './change-records';
import { parseLsn, type Lsn } from './lsn';
import type { CreatedSlot, ReplicationConnector } from './replication-port';
import { IncrementalSnapshot } from './incremental-snapshot';
import { SnapshotReader } from './snapshot-reader';
import { StreamingChanges, type StreamPosition } from './streaming-changes';
import { WalStream } from './wal-stream';

export interface PostgresCdcDeps {
  readonly sqlPool: SqlPoolFactory;
  readonly replication: ReplicationConnector;
  readonly clock?: () => number;
}

function positionOf(offset: SourceOffset | null): StreamPosition | null {
  if (offset === null || typeof offset['lsn_commit'] !== 'number') return null;
  return { commitLsn: BigInt(offset['lsn_commit']), index: Number(offset['event_idx'] ?? 0) };
}

/**
 * Debezium's Postgres source task: an optional consistent snapshot through the slot's exported
 * snapshot, then pgoutput streaming. The slot's flush LSN follows Kafka's acknowledgements
 * (`commitRecord`/`commit`); a broken connection (Postgres restart) is reopened with backoff
 * and resumes after the last acknowledged event.
 */
export class PostgresCdcTask implements SourceTask {
  private settings: CdcSettings | undefined;
  private context: SourceTaskContext | undefined;
  private pool: SqlPool | undefined;
  private stream: WalStream | undefined;
  private changes: StreamingChanges | undefined;
  private snapshot: SnapshotReader | undefined;
  private incremental: IncrementalSnapshot | undefined;
  private streaming = false;
  private readonly seqs = new WeakMap<SourceRecord, number>();
  private lastOffset: SourceOffset | null = null;
  private lastAcked: StreamPosition | null = null;
  private lastHeartbeat = 0;
  private backoffMs = 100;
  private needReconnect = false;
  private readonly clock: () => number;

  constructor(private readonly deps: PostgresCdcDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  async start(props: Props, context: SourceTaskContext): Promise<void> {
    const s = cdcSettings(props);
    this.settings = s;
    this.context = context;
    this.pool = this.deps.sqlPool(s.sql);
    const partition = { server: s.prefix };
    const stored = context.offsetStorageReader.offset(partition);
    this.lastOffset = stored;
    this.lastAcked = positionOf(stored);
    await ensurePublication(
      this.pool,
      s.publication,
      s.publicationMode,
      s.filter,
      s.signalTable === null ? [] : [s.signalTable],
    );
    if (s.signalTable !== null)
      this.incremental = new IncrementalSnapshot(this.pool, {
        signalTable: s.signalTable,
        chunkSize: s.incrementalChunkSize,
        model: s.model,
        filter: s.filter,
        db: s.replication.database,
        placeholder: s.placeholder,
        clock: this.clock,
        log: (message, fields) => context.logger.info(fields ?? {}, message),
        warn: (message, fields) => context.logger.warn(fields ?? {}, message),
      });
    this.incremental?.restore(stored);
    this.stream = new WalStream({
      connect: this.deps.replication,
      params: s.replication,
      slot: s.slot,
      publication: s.publication,
      maxQueue: s.maxQueue,
      statusIntervalMs: s.statusIntervalMs,
      logger: context.logger,
    });
    this.changes = new StreamingChanges(
      this.pool,
      {
        prefix: s.prefix,
        db: s.replication.database,
        model: s.model,
        filter: s.filter,
        skipped: s.skipped,
        tombstones: s.tombstones,
        placeholder: s.placeholder,
        partition,
        transactionMetadata: s.transactionMetadata,
        transactionTopic: s.transactionTopic,
        ...(this.incremental === undefined ? {} : { incremental: this.incremental }),
        clock: this.clock,
        onCommit: (endLsn) => this.stream!.checkpoint(endLsn),
      },
      this.lastAcked,
    );
    const snapshotDone =
      stored !== null && !(stored['snapshot'] === true && stored['last_snapshot_record'] !== true);
    const wantSnapshot =
      s.snapshotMode === 'always' ||
      ((s.snapshotMode === 'initial' || s.snapshotMode === 'initial_only') && !snapshotDone);
    const connection = await this.stream.connect();
    let created: CreatedSlot | null = null;
    if (!(await slotExists(this.pool, s.slot)))
      created = await connection.createSlot(s.slot, 'pgoutput', wantSnapshot);
    if (wantSnapshot) await this.beginSnapshot(created, partition);
    else await this.startStreaming();
  }

  async poll(): Promise<readonly SourceRecord[] | null> {
    const s = this.settings!;
    if (this.snapshot !== undefined) return this.pollSnapshot();
    if (!this.streaming) {
      await this.context!.sleep(s.pollIntervalMs);
      return null;
    }
    if (this.stream!.broken !== null || this.needReconnect) {
      await this.reconnect();
      return null;
    }
    await this.stream!.waitForData(s.pollIntervalMs, this.context!.signal);
    const records: SourceRecord[] = [];
    try {
      for (const wal of this.stream!.take(s.maxBatch))
        records.push(...(await this.changes!.handle(wal)));
    } catch (error) {
      // Messages taken from the stream are gone; reconnecting makes Postgres send them again.
      this.context!.logger.warn({ err: stackTrace(error) }, 'decoding failed, reconnecting');
      await this.restartStream();
      return null;
    }
    if (this.incremental?.active === true) await this.incremental.tryStep();
    const heartbeat = this.heartbeat();
    if (heartbeat !== null) records.push(heartbeat);
    for (const r of records) this.seqs.set(r, this.stream!.nextSeq());
    if (records.length === 0) this.stream!.flush();
    else this.lastOffset = records[records.length - 1]!.sourceOffset;
    return records;
  }

  commitRecord(record: SourceRecord, _metadata: RecordMetadata | null): Promise<void> {
    const seq = this.seqs.get(record);
    if (seq !== undefined) this.stream!.acked(seq);
    const position = positionOf(record.sourceOffset);
    if (position !== null) this.lastAcked = position;
    return Promise.resolve();
  }

  commit(): Promise<void> {
    this.stream?.flush();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    await this.snapshot?.close();
    this.snapshot = undefined;
    await this.stream?.close();
    const s = this.settings;
    if (s?.dropSlotOnStop === true && this.pool !== undefined)
      await dropSlot(this.pool, s.slot).catch(() => undefined);
    await this.pool?.end().catch(() => undefined);
  }

  private async beginSnapshot(
    created: CreatedSlot | null,
    partition: Record<string, unknown>,
  ): Promise<void> {
    const s = this.settings!;
    const pool = this.pool!;
    const lsn: Lsn =
      created?.consistentPoint ??
      parseLsn(String((await pool.query('SELECT pg_current_wal_lsn()::text AS l')).rows[0]!['l']));
    const tables = await capturedTables(pool, s.filter);
    this.snapshot = new SnapshotReader(await pool.session(), {
      prefix: s.prefix,
      db: s.replication.database,
      tables,
      model: s.model,
      fetchSize: Math.min(s.fetchSize, s.maxBatch),
      placeholder: s.placeholder,
      partition,
      lsn,
      clock: this.clock,
    });
    await this.snapshot.begin(created?.snapshotName ?? null);
    this.context!.logger.info({ tables: tables.length, lsn: lsn.toString() }, 'snapshot started');
  }

  private async pollSnapshot(): Promise<SourceRecord[]> {
    const reader = this.snapshot!;
    const records = await reader.next();
    if (reader.finished) {
      await reader.close();
      this.snapshot = undefined;
      this.context!.logger.info('snapshot completed');
      if (this.settings!.snapshotMode !== 'initial_only') await this.startStreaming();
      else await this.stream!.close();
    }
    return records;
  }

  private async startStreaming(): Promise<void> {
    await this.stream!.start();
    this.streaming = true;
  }

  private heartbeat(): SourceRecord | null {
    const s = this.settings!;
    const now = this.clock();
    if (s.heartbeatMs <= 0 || now - this.lastHeartbeat < s.heartbeatMs) return null;
    this.lastHeartbeat = now;
    const offset = this.lastOffset ?? { lsn: Number(this.stream!.flushed) };
    return heartbeatRecord(s.heartbeatTopic, s.prefix, now, {
      partition: { server: s.prefix },
      offset,
    });
  }

  private async restartStream(): Promise<void> {
    this.needReconnect = true;
    await this.reconnect();
  }

  private async reconnect(): Promise<void> {
    const s = this.settings!;
    await this.stream!.close();
    await this.context!.sleep(this.backoffMs);
    if (this.context!.signal.aborted) return;
    try {
      await this.stream!.connect();
      await this.stream!.start();
      this.changes!.resumeAfter = this.lastAcked;
      this.needReconnect = false;
      this.backoffMs = 100;
      this.context!.logger.info('replication stream reconnected');
    } catch (error) {
      this.needReconnect = true;
      this.backoffMs = Math.min(this.backoffMs * 2, Math.max(s.reconnectMaxMs, 100));
      this.context!.logger.warn(
        { err: stackTrace(error), retryInMs: this.backoffMs },
        'reconnect failed',
      );
    }
  }
}
