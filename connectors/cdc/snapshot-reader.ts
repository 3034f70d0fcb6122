import type { SourceRecord } from '../data/connect-record';
import type { SqlSession } from '../jdbc/sql-client';
import { quoteIdent, quoteLiteral, tableColumns, type TableRef } from './cdc-catalog';
import {
  changeRecord,
  modelFor,
  rowStruct,
  type EventPosition,
  type ModelOptions,
} from './change-records';
import type { TableModel } from './envelope';
import type { Lsn } from './lsn';

export interface SnapshotOptions {
  readonly prefix: string;
  readonly db: string;
  readonly tables: readonly TableRef[];
  readonly model: ModelOptions;
  readonly fetchSize: number;
  readonly placeholder: string;
  readonly partition: Readonly<Record<string, unknown>>;
  /** The slot position the snapshot is consistent with: streaming resumes after it. */
  readonly lsn: Lsn;
  readonly clock: () => number;
}

const CURSOR = 'brook_cdc_snapshot';

/**
 * Reads every captured table inside one REPEATABLE READ transaction, optionally importing the
 * slot's exported snapshot so the rows are exactly those committed before the slot's start.
 * Emits `op=r` records; the last one carries `last_snapshot_record=true` in its offset, which
 * marks the snapshot complete for restarts.
 */
export class SnapshotReader {
  private tableIndex = -1;
  private model: TableModel | undefined;
  private held: SourceRecord | undefined;
  private first = true;
  private done = false;
  private readonly startedMs: number;

  constructor(
    private readonly session: SqlSession,
    private readonly options: SnapshotOptions,
  ) {
    this.startedMs = options.clock();
  }

  async begin(snapshotName: string | null): Promise<void> {
    await this.session.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    if (snapshotName !== null)
      await this.session.query(`SET TRANSACTION SNAPSHOT ${quoteLiteral(snapshotName)}`);
  }

  get finished(): boolean {
    return this.done;
  }

  /** The next records (possibly empty while moving between tables); [] and `finished` at the end. */
  async next(): Promise<SourceRecord[]> {
    if (this.done) return [];
    const rows = this.model === undefined ? [] : await this.fetch();
    if (rows.length === 0) {
      if (this.model !== undefined) await this.session.query(`CLOSE ${CURSOR}`);
      if (!(await this.openNextTable())) return this.finish();
      return [];
    }
    const records = rows.map((row) => this.record(row));
    const out: SourceRecord[] = this.held === undefined ? [] : [this.held];
    this.held = records.pop();
    out.push(...records);
    return out;
  }

  async close(): Promise<void> {
    await this.session.query('ROLLBACK').catch(() => undefined);
    this.session.release();
  }

  private async openNextTable(): Promise<boolean> {
    this.tableIndex += 1;
    const ref = this.options.tables[this.tableIndex];
    if (ref === undefined) return false;
    const columns = await tableColumns(this.session, ref);
    this.model = modelFor(this.options.model, ref.schema, ref.table, columns);
    const select = columns.map((c) => `${quoteIdent(c.name)}::text`).join(', ');
    await this.session.query(
      `DECLARE ${CURSOR} NO SCROLL CURSOR FOR SELECT ${select} FROM ${quoteIdent(ref.schema)}.${quoteIdent(ref.table)}`,
    );
    return true;
  }

  private async fetch(): Promise<(string | null)[][]> {
    const r = await this.session.query(`FETCH ${this.options.fetchSize} FROM ${CURSOR}`);
    return r.rows.map((row) => r.fields.map((f) => row[f.name] as string | null));
  }

  private finish(): SourceRecord[] {
    this.done = true;
    const last = this.held;
    this.held = undefined;
    if (last === undefined) return [];
    const value = last.value as Record<string, Record<string, unknown>>;
    return [
      {
        ...last,
        value: { ...value, source: { ...value['source'], snapshot: 'last' } },
        sourceOffset: { ...last.sourceOffset, last_snapshot_record: true },
      },
    ];
  }

  private record(row: (string | null)[]): SourceRecord {
    const model = this.model!;
    const snapshot = this.first ? 'first' : 'true';
    this.first = false;
    const position: EventPosition = {
      partition: this.options.partition,
      offset: {
        lsn: Number(this.options.lsn),
        txId: null,
        ts_usec: this.startedMs * 1000,
        snapshot: true,
        last_snapshot_record: false,
      },
    };
    return changeRecord({
      op: 'r',
      model,
      before: null,
      after: rowStruct(model, row, this.options.placeholder),
      source: {
        serverName: this.options.prefix,
        db: this.options.db,
        commitTimeUs: BigInt(this.startedMs) * 1000n,
        snapshot,
        lastCommitLsn: null,
        lsn: this.options.lsn,
        txId: null,
      },
      position,
      nowMs: this.options.clock(),
      transaction: null,
    });
  }
}
