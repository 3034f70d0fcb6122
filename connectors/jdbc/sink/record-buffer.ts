import type { SinkRecord } from '../../data/connect-record';
import { sameSchema, type ConnectSchema } from '../../data/connect-schema';
import { toParam } from '../dialect/pg-sink-types';
import type { TableId } from '../dialect/identifiers';
import type { TableBatch } from './batch-writer';
import { columnValue, fieldsMetadata, type FieldsMetadata, type PkMode } from './fields-metadata';

export interface BufferSettings {
  readonly pkMode: PkMode;
  readonly pkFields: readonly string[];
  readonly include: readonly string[];
  /** Deduplicate by key (upsert/update/delete need one final operation per key). */
  readonly dedupe: boolean;
}

type Op =
  | { readonly kind: 'row'; readonly params: unknown[] }
  | { readonly kind: 'delete'; readonly keyParams: unknown[] };

function keyText(params: readonly unknown[]): string {
  return JSON.stringify(params, (_k, v: unknown) =>
    Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? v.toString() : v,
  );
}

/**
 * Records for one table with one key/value schema pair. Keyed operations keep only the last
 * operation per key, so a batch has at most one write per row and its outcome equals applying
 * the records in order.
 */
export class RecordBuffer {
  private readonly keyed = new Map<string, Op>();
  private readonly unkeyed: unknown[][] = [];
  readonly meta: FieldsMetadata;

  constructor(
    readonly table: TableId,
    readonly keySchema: ConnectSchema | null,
    readonly valueSchema: ConnectSchema | null,
    private readonly settings: BufferSettings,
  ) {
    this.meta = fieldsMetadata(
      settings.pkMode,
      settings.pkFields,
      settings.include,
      keySchema,
      valueSchema,
    );
  }

  get size(): number {
    return this.keyed.size + this.unkeyed.length;
  }

  accepts(keySchema: ConnectSchema | null, valueSchema: ConnectSchema | null): boolean {
    // Identity first: converters hand out one schema object per schema, and the structural
    // comparison serialises both schemas (it was a visible share of bench/w5's CPU).
    return (
      (this.keySchema === keySchema || sameSchema(this.keySchema, keySchema)) &&
      (valueSchema === null ||
        this.valueSchema === valueSchema ||
        sameSchema(this.valueSchema, valueSchema))
    );
  }

  add(record: SinkRecord, value: unknown): void {
    const keyParams = this.meta.keyColumns.map((c) => toParam(c.schema, columnValue(c, record)));
    if (value === null) {
      this.keyed.set(keyText(keyParams), { kind: 'delete', keyParams });
      return;
    }
    const withValue = { ...record, value };
    const params = this.meta.columns.map((c) => toParam(c.schema, columnValue(c, withValue)));
    if (this.settings.dedupe && this.meta.keyColumns.length > 0)
      this.keyed.set(keyText(keyParams), { kind: 'row', params });
    else this.unkeyed.push(params);
  }

  batch(): TableBatch {
    const rows: unknown[][] = [...this.unkeyed];
    const deletes: unknown[][] = [];
    for (const op of this.keyed.values()) {
      if (op.kind === 'row') rows.push(op.params);
      else deletes.push(op.keyParams);
    }
    return { table: this.table, meta: this.meta, rows, deletes };
  }
}
