import { randomUUID } from 'node:crypto';
import type { SourceRecord } from '../data/connect-record';
import type { SqlPool } from '../jdbc/sql-client';
import { capturedTables, quoteIdent, tableColumns, type TableRef } from './cdc-catalog';
import { maximumKey, readChunk } from './chunk-query';
import {
  progressFromOffset,
  progressOffset,
  withoutProgress,
} from './incremental-snapshot-offsets';
import {
  changeRecord,
  keyStruct,
  modelFor,
  rowStruct,
  type EventPosition,
  type ModelOptions,
} from './change-records';
import type { TableModel } from './envelope';
import type { Lsn } from './lsn';
import { parseExecuteSnapshot, stopPatterns, type SnapshotRequest } from './snapshot-signal';
import type { TableFilter } from './table-filter';

export interface IncrementalSnapshotOptions {
  readonly signalTable: TableRef;
  readonly chunkSize: number;
  readonly model: ModelOptions;
  readonly filter: TableFilter;
  readonly db: string;
  readonly placeholder: string;
  readonly clock: () => number;
  readonly log: (message: string, fields?: Record<string, unknown>) => void;
  readonly warn: (message: string, fields?: Record<string, unknown>) => void;
}

/** Consecutive failed steps after which the snapshot is abandoned (a new signal starts over). */
const MAX_STEP_FAILURES = 10;

/** A row inserted into the signal table, as the stream delivers it. */
export interface SignalRow {
  readonly id: string | null;
  readonly type: string | null;
  readonly data: string | null;
}

interface TableProgress {
  readonly ref: TableRef;
  /** The signal's `additional-conditions` filter for this table (SQL), if any. */
  readonly condition: string | null;
  model?: TableModel;
  keyColumns?: readonly string[];
  /** Primary key texts of the last row read; null before the first chunk. */
  lastKey: readonly string[] | null;
  /** Primary key texts of the last row emitted: where a restart resumes. */
  emittedKey: readonly string[] | null;
  /** The largest key when the table's snapshot started; later rows arrive by streaming. */
  maximumKey: readonly string[] | null;
}

const keyText = (key: Record<string, unknown> | null) =>
  JSON.stringify(key, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * Debezium's incremental snapshot (the DBLog algorithm) driven by `execute-snapshot` rows in the
 * signal table. Each chunk, ordered by primary key, is read between a `snapshot-window-open` and a
 * `snapshot-window-close` row the connector writes into the signal table; while the stream is
 * between those two markers, every streamed change of the table drops the buffered row with the
 * same key (the streamed event is newer). At the close marker the remaining rows are emitted as
 * `op=r` events with `source.snapshot=incremental`, so no row is emitted older than a change
 * already streamed. While a snapshot runs, every record's offset carries its progress (tables
 * left, last emitted key, maximum key), so a restarted task resumes after the last acknowledged
 * chunk; the chunk in flight at a crash is read again (at least once).
 */
export class IncrementalSnapshot {
  private readonly queue: TableProgress[] = [];
  private readonly buffer = new Map<string, (string | null)[]>();
  private windowId: string | null = null;
  private windowOpen = false;
  private chunkFull = false;
  private pending: readonly SnapshotRequest[] = [];
  private failures = 0;

  constructor(
    private readonly pool: SqlPool,
    private readonly options: IncrementalSnapshotOptions,
  ) {}

  isSignalTable(schema: string, table: string): boolean {
    const s = this.options.signalTable;
    return s.schema === schema && s.table === table;
  }

  get active(): boolean {
    return this.queue.length > 0 || this.pending.length > 0;
  }

  /** A signal row seen in the stream; answers the chunk's records when it closes a window. */
  signal(row: SignalRow, position: EventPosition, lsn: Lsn): SourceRecord[] {
    if (row.type === 'execute-snapshot') this.execute(row);
    else if (row.type === 'snapshot-window-open' && row.id === `${this.windowId}-open`)
      this.windowOpen = true;
    else if (row.type === 'snapshot-window-close' && row.id === `${this.windowId}-close`)
      return this.closeWindow(position, lsn);
    else if (row.type === 'stop-snapshot') this.stop(stopPatterns(row.data));
    return [];
  }

  /** Progress fields for the offsets of records emitted now; empty when no snapshot runs. */
  offsetFields(): Record<string, string> {
    const current = this.queue[0];
    return progressOffset({
      tables: this.queue,
      emittedKey: current?.emittedKey ?? null,
      maximumKey: current?.maximumKey ?? null,
    });
  }

  /** Resumes the snapshot a stored offset describes. */
  restore(offset: Readonly<Record<string, unknown>> | null): void {
    const progress = progressFromOffset(offset);
    if (progress === null) return;
    progress.tables.forEach(({ ref, condition }, i) => {
      const first = i === 0;
      this.queue.push({
        ref,
        condition,
        lastKey: first ? progress.emittedKey : null,
        emittedKey: first ? progress.emittedKey : null,
        maximumKey: first ? progress.maximumKey : null,
      });
    });
    this.options.log('incremental snapshot resumed', {
      tables: progress.tables.map((t) => `${t.ref.schema}.${t.ref.table}`),
    });
  }

  /** A change streamed while a window may be open: the buffered row of that key is stale. */
  streamed(model: TableModel, row: Record<string, unknown> | null): void {
    const current = this.queue[0];
    if (!this.windowOpen || row === null || current?.model === undefined) return;
    if (current.ref.schema !== model.schema || current.ref.table !== model.table) return;
    this.buffer.delete(keyText(keyStruct(current.model, row)));
  }

  /**
   * `step`, with failures kept away from streaming: a failed step is retried at the next poll,
   * and the snapshot is abandoned after repeated failures (say, a signal table without the
   * id/type/data columns), so streaming never stalls on it.
   */
  async tryStep(): Promise<void> {
    try {
      await this.step();
      this.failures = 0;
    } catch (error) {
      this.failures += 1;
      const err = error instanceof Error ? error.message : String(error);
      if (this.failures < MAX_STEP_FAILURES) {
        this.options.warn('incremental snapshot step failed, retrying', { err });
        return;
      }
      this.options.warn('incremental snapshot abandoned after repeated failures', { err });
      this.failures = 0;
      this.stop([]);
    }
  }

  /** Does the database side of the next step: resolves tables, or reads the next chunk. */
  async step(): Promise<void> {
    if (this.pending.length > 0) await this.resolve();
    const current = this.queue[0];
    if (current === undefined || this.windowId !== null) return;
    if (current.model === undefined && !(await this.prepare(current))) {
      this.queue.shift();
      return;
    }
    const id = randomUUID();
    await this.writeSignal(`${id}-open`, 'snapshot-window-open');
    const rows = await this.readChunk(current);
    this.buffer.clear();
    for (const texts of rows)
      this.buffer.set(
        keyText(keyStruct(current.model!, rowStruct(current.model!, texts, ''))),
        texts,
      );
    this.chunkFull = rows.length === this.options.chunkSize;
    const last = rows[rows.length - 1];
    if (last !== undefined) current.lastKey = this.keyTexts(current, last);
    this.windowId = id;
    this.windowOpen = false;
    await this.writeSignal(`${id}-close`, 'snapshot-window-close');
  }

  private execute(row: SignalRow): void {
    const requests = parseExecuteSnapshot(row.data);
    if (typeof requests === 'string') {
      this.options.log(`execute-snapshot signal ignored: ${requests}`, { id: row.id });
      return;
    }
    this.pending = [...this.pending, ...requests];
  }

  /** Drops the tables `patterns` match (all when empty), abandoning the window of a dropped one. */
  private stop(patterns: readonly RegExp[]): void {
    const current = this.queue[0];
    const keep = (t: TableProgress) =>
      patterns.length > 0 && !patterns.some((p) => p.test(`${t.ref.schema}.${t.ref.table}`));
    const left = this.queue.filter(keep);
    this.queue.splice(0, this.queue.length, ...left);
    if (patterns.length === 0) this.pending = [];
    if (this.queue[0] !== current) {
      this.buffer.clear();
      this.windowId = null;
      this.windowOpen = false;
    }
    this.options.log('incremental snapshot stopped', {
      tables: left.map((t) => `${t.ref.schema}.${t.ref.table}`),
    });
  }

  /** Matches the signal's data collections (regexes over schema.table) to captured tables. */
  private async resolve(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    const matches = (pattern: string, id: string) => new RegExp(`^(?:${pattern})$`, 'i').test(id);
    const tables = await capturedTables(this.pool, this.options.filter);
    // Each signal queues its tables again, even ones a running snapshot already holds.
    for (const request of pending)
      for (const ref of tables) {
        const id = `${ref.schema}.${ref.table}`;
        if (!matches(request.pattern, id) || this.isSignalTable(ref.schema, ref.table)) continue;
        const condition = request.conditions.find((c) => matches(c.collection, id))?.filter ?? null;
        this.queue.push({ ref, condition, lastKey: null, emittedKey: null, maximumKey: null });
      }
    this.options.log('incremental snapshot queued', {
      tables: this.queue.map((t) => `${t.ref.schema}.${t.ref.table}`),
    });
  }

  private async prepare(progress: TableProgress): Promise<boolean> {
    const { schema, table } = progress.ref;
    const columns = await tableColumns(this.pool, progress.ref);
    const keyColumns = columns.filter((c) => c.primaryKey).map((c) => c.name);
    if (keyColumns.length === 0) {
      this.options.log('incremental snapshot skips a table without a primary key', {
        schema,
        table,
      });
      return false;
    }
    progress.model = modelFor(this.options.model, schema, table, columns);
    progress.keyColumns = keyColumns;
    if (progress.maximumKey === null) {
      progress.maximumKey = await maximumKey(
        this.pool,
        progress.ref,
        keyColumns,
        progress.condition,
      );
      if (progress.maximumKey === null) return false;
    }
    return true;
  }

  private keyTexts(progress: TableProgress, texts: readonly (string | null)[]): string[] {
    const names = progress.model!.columns.map((c) => c.name);
    return progress.keyColumns!.map((k) => texts[names.indexOf(k)] ?? '');
  }

  private readChunk(progress: TableProgress): Promise<(string | null)[][]> {
    return readChunk(this.pool, {
      ref: progress.ref,
      columns: progress.model!.columns.map((c) => c.name),
      keyColumns: progress.keyColumns!,
      lastKey: progress.lastKey,
      maxKey: progress.maximumKey!,
      size: this.options.chunkSize,
      condition: progress.condition,
    });
  }

  private async writeSignal(id: string, type: string): Promise<void> {
    const s = this.options.signalTable;
    await this.pool.query(
      `INSERT INTO ${quoteIdent(s.schema)}.${quoteIdent(s.table)} (id, type, data) VALUES ($1, $2, NULL)`,
      [id, type],
    );
  }

  private closeWindow(position: EventPosition, lsn: Lsn): SourceRecord[] {
    const current = this.queue[0];
    this.windowId = null;
    this.windowOpen = false;
    if (current?.model === undefined) return [];
    const model = current.model;
    const now = this.options.clock();
    const records = [...this.buffer.values()].map((texts) =>
      changeRecord({
        op: 'r',
        model,
        before: null,
        after: rowStruct(model, texts, this.options.placeholder),
        source: {
          serverName: this.options.model.prefix,
          db: this.options.db,
          commitTimeUs: BigInt(now) * 1000n,
          snapshot: 'incremental',
          lastCommitLsn: null,
          lsn,
          txId: null,
        },
        position,
        nowMs: now,
        transaction: null,
      }),
    );
    this.buffer.clear();
    current.emittedKey = current.lastKey;
    if (!this.chunkFull) {
      this.queue.shift();
      this.options.log('incremental snapshot of a table completed', {
        schema: model.schema,
        table: model.table,
      });
    }
    // The offsets say how far the snapshot got once these records are acknowledged.
    const progress = this.offsetFields();
    const offset = withoutProgress(position.offset);
    return records.map((r) => ({ ...r, sourceOffset: { ...offset, ...progress } }));
  }
}
