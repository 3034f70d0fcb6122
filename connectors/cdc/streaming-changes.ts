import type { SourceRecord } from '../data/connect-record';
import type { SqlPool } from '../jdbc/sql-client';
import { tableColumns, type CatalogColumn } from './cdc-catalog';
import {
  changeRecord,
  keyChanged,
  modelFor,
  rowStruct,
  tombstone,
  type ModelOptions,
} from './change-records';
import type { Op, SourceInfo, TableModel } from './envelope';
import type { Lsn } from './lsn';
import type { PgOutputMessage, RelationColumn, TupleValue } from './pgoutput-decoder';
import { captures, type TableFilter } from './table-filter';
import { TransactionMonitor } from './transaction-monitor';
import type { IncrementalSnapshot } from './incremental-snapshot';
import type { WalMessage } from './wal-stream';

/** The position of an event: its transaction's commit LSN and its index inside it. */
export interface StreamPosition {
  readonly commitLsn: Lsn;
  readonly index: number;
}

export interface StreamingOptions {
  readonly prefix: string;
  readonly db: string;
  readonly model: ModelOptions;
  readonly filter: TableFilter;
  readonly skipped: ReadonlySet<Op>;
  readonly tombstones: boolean;
  readonly placeholder: string;
  readonly partition: Readonly<Record<string, unknown>>;
  readonly transactionMetadata: boolean;
  readonly transactionTopic: string;
  /** Signal table handling and the incremental snapshot's window, when signals are on. */
  readonly incremental?: IncrementalSnapshot;
  readonly clock: () => number;
  /** Called with each transaction's end LSN once its records were emitted. */
  readonly onCommit: (endLsn: Lsn) => void;
}

interface Relation {
  readonly columns: readonly RelationColumn[];
  readonly model: TableModel | null;
  readonly signal: boolean;
}

interface Txn {
  readonly finalLsn: Lsn;
  readonly xid: number;
  readonly commitTimeUs: bigint;
  index: number;
}

/**
 * Turns decoded pgoutput messages into Debezium change records. Events at or before `resumeAfter`
 * (the last position Kafka acknowledged) are dropped, so a transaction Postgres resends after a
 * crash is not emitted twice.
 */
export class StreamingChanges {
  private readonly relations = new Map<number, Relation>();
  private txn: Txn | undefined;
  private lastCommitLsn: Lsn | null = null;
  private readonly monitor: TransactionMonitor | null;

  constructor(
    private readonly pool: SqlPool,
    private readonly options: StreamingOptions,
    public resumeAfter: StreamPosition | null,
  ) {
    this.monitor = options.transactionMetadata
      ? new TransactionMonitor(options.transactionTopic)
      : null;
  }

  async handle(wal: WalMessage): Promise<SourceRecord[]> {
    const m = wal.message;
    switch (m.kind) {
      case 'begin': {
        const txn = { finalLsn: m.finalLsn, xid: m.xid, commitTimeUs: m.commitTimeUs, index: 0 };
        this.txn = txn;
        if (this.monitor === null) return [];
        const begin = this.monitor.begin(
          { ...txn, beginLsn: wal.lsn },
          this.position(txn, wal.lsn, 0),
        );
        return this.seen(txn, 0) ? [] : [begin];
      }
      case 'commit': {
        const txn = this.txn;
        this.txn = undefined;
        this.lastCommitLsn = m.commitLsn;
        const end =
          this.monitor === null || txn === undefined || this.seen(txn, txn.index + 1)
            ? []
            : [this.monitor.end(this.position(txn, wal.lsn, txn.index + 1))];
        this.options.onCommit(m.endLsn);
        return end;
      }
      case 'relation':
        this.relations.set(m.relationId, {
          columns: m.columns,
          model: captures(this.options.filter, m.schema, m.table)
            ? await this.model(m.schema, m.table, m.columns)
            : null,
          signal: this.options.incremental?.isSignalTable(m.schema, m.table) ?? false,
        });
        return [];
      case 'insert':
      case 'update':
      case 'delete':
        return this.change(wal.lsn, m);
      case 'truncate':
        return this.truncate(wal.lsn, m.relationIds);
      case 'other':
        return [];
    }
  }

  private async model(
    schema: string,
    table: string,
    columns: readonly RelationColumn[],
  ): Promise<TableModel> {
    const catalog = await tableColumns(this.pool, { schema, table });
    const byName = new Map(catalog.map((c) => [c.name, c]));
    const merged: CatalogColumn[] = columns.map((c) => {
      const known = byName.get(c.name);
      return {
        name: c.name,
        typeOid: c.typeOid,
        typeModifier: c.typeModifier,
        nullable: known?.nullable ?? true,
        primaryKey: known?.primaryKey ?? false,
        ...(known?.typeOid === c.typeOid && known.typeInfo !== undefined
          ? { typeInfo: known.typeInfo }
          : {}),
      };
    });
    return modelFor(this.options.model, schema, table, merged);
  }

  /** Advances the event index; true when the event was already delivered before a restart. */
  private delivered(txn: Txn): boolean {
    txn.index += 1;
    return this.seen(txn, txn.index);
  }

  /** True when the event at `index` of `txn` was already delivered before a restart. */
  private seen(txn: Txn, index: number): boolean {
    const r = this.resumeAfter;
    if (r === null) return false;
    if (txn.finalLsn < r.commitLsn || (txn.finalLsn === r.commitLsn && index <= r.index))
      return true;
    this.resumeAfter = null;
    return false;
  }

  private position(txn: Txn, lsn: Lsn, index: number) {
    return {
      partition: this.options.partition,
      offset: {
        lsn: Number(lsn),
        lsn_proc: Number(lsn),
        lsn_commit: Number(txn.finalLsn),
        txId: txn.xid,
        ts_usec: Number(txn.commitTimeUs),
        event_idx: index,
        ...this.options.incremental?.offsetFields(),
      },
    };
  }

  private source(txn: Txn, lsn: Lsn): SourceInfo {
    return {
      serverName: this.options.prefix,
      db: this.options.db,
      commitTimeUs: txn.commitTimeUs,
      snapshot: 'false',
      lastCommitLsn: this.lastCommitLsn,
      lsn,
      txId: txn.xid,
    };
  }

  private base(txn: Txn, lsn: Lsn, model: TableModel) {
    return {
      model,
      source: this.source(txn, lsn),
      nowMs: this.options.clock(),
      position: this.position(txn, lsn, txn.index),
    };
  }

  private change(
    lsn: Lsn,
    m: Extract<PgOutputMessage, { kind: 'insert' | 'update' | 'delete' }>,
  ): SourceRecord[] {
    const txn = this.txn;
    const relation = this.relations.get(m.relationId);
    if (txn === undefined || relation === undefined) return [];
    const replay = this.delivered(txn);
    const signalled = relation.signal && !replay ? this.signal(txn, lsn, relation, m) : [];
    if (relation.model === null || (replay && this.monitor === null)) return signalled;
    // Replayed events still count towards the transaction metadata, then are dropped.
    const records = this.changeRecords(txn, lsn, relation.model, m);
    return replay ? [] : [...records, ...signalled];
  }

  private signal(
    txn: Txn,
    lsn: Lsn,
    relation: Relation,
    m: Extract<PgOutputMessage, { kind: 'insert' | 'update' | 'delete' }>,
  ): SourceRecord[] {
    if (m.kind !== 'insert') return [];
    const text = (name: string) => {
      const v = m.newTuple[relation.columns.findIndex((c) => c.name === name)];
      return typeof v === 'string' ? v : null;
    };
    const row = { id: text('id'), type: text('type'), data: text('data') };
    return this.options.incremental!.signal(row, this.position(txn, lsn, txn.index), lsn);
  }

  private changeRecords(
    txn: Txn,
    lsn: Lsn,
    model: TableModel,
    m: Extract<PgOutputMessage, { kind: 'insert' | 'update' | 'delete' }>,
  ): SourceRecord[] {
    const p = this.options.placeholder;
    const base = this.base(txn, lsn, model);
    const row = (t: readonly TupleValue[] | null, kind: 'K' | 'O' | null) =>
      t === null ? null : rowStruct(model, t, p, kind === 'K');
    if (m.kind === 'insert')
      return this.emit('c', { ...base, before: null, after: row(m.newTuple, null) });
    if (m.kind === 'delete')
      return this.emit('d', { ...base, before: row(m.oldTuple, m.oldKind), after: null });
    const before = row(m.oldTuple, m.oldKind);
    const after = row(m.newTuple, null)!;
    if (keyChanged(model, before, after, m.oldKind)) {
      // A primary-key change is a delete of the old key and a create of the new one, as in Debezium.
      return [
        ...this.emit('d', { ...base, before, after: null }),
        ...this.emit('c', { ...base, before: null, after }),
      ];
    }
    return this.emit('u', { ...base, before: m.oldKind === 'O' ? before : null, after });
  }

  private emit(
    op: Op,
    input: Omit<Parameters<typeof changeRecord>[0], 'op' | 'transaction'>,
  ): SourceRecord[] {
    if (this.options.skipped.has(op)) return [];
    this.options.incremental?.streamed(input.model, input.after ?? input.before);
    const transaction = this.monitor === null ? null : this.monitor.event(input.model);
    const record = changeRecord({ ...input, op, transaction });
    return op === 'd' && this.options.tombstones ? [record, tombstone(record)] : [record];
  }

  private truncate(lsn: Lsn, relationIds: readonly number[]): SourceRecord[] {
    const txn = this.txn;
    if (txn === undefined) return [];
    const out: SourceRecord[] = [];
    for (const id of relationIds) {
      const model = this.relations.get(id)?.model ?? null;
      const replay = this.delivered(txn);
      if (model === null || (replay && this.monitor === null)) continue;
      const records = this.emit('t', { ...this.base(txn, lsn, model), before: null, after: null });
      if (!replay) out.push(...records);
    }
    return out;
  }
}
