import { DataError } from '../errors';
import type { Lsn } from './lsn';

/**
 * pgoutput protocol version 1 messages (PostgreSQL "Logical Replication Message Formats").
 * Column values stay in the server's text form; `pg-type-mapping` turns them into Connect values.
 */
export interface RelationColumn {
  readonly isKey: boolean;
  readonly name: string;
  readonly typeOid: number;
  readonly typeModifier: number;
}

/** `null` is SQL NULL; `undefined` an unchanged TOASTed value the server did not send. */
export type TupleValue = string | null | undefined;

export type PgOutputMessage =
  | {
      readonly kind: 'begin';
      readonly finalLsn: Lsn;
      readonly commitTimeUs: bigint;
      readonly xid: number;
    }
  | {
      readonly kind: 'commit';
      readonly commitLsn: Lsn;
      readonly endLsn: Lsn;
      readonly commitTimeUs: bigint;
    }
  | {
      readonly kind: 'relation';
      readonly relationId: number;
      readonly schema: string;
      readonly table: string;
      readonly replicaIdentity: string;
      readonly columns: readonly RelationColumn[];
    }
  | {
      readonly kind: 'insert';
      readonly relationId: number;
      readonly newTuple: readonly TupleValue[];
    }
  | {
      readonly kind: 'update';
      readonly relationId: number;
      /** 'K' carries the old key columns only, 'O' the whole old row (REPLICA IDENTITY FULL). */
      readonly oldKind: 'K' | 'O' | null;
      readonly oldTuple: readonly TupleValue[] | null;
      readonly newTuple: readonly TupleValue[];
    }
  | {
      readonly kind: 'delete';
      readonly relationId: number;
      readonly oldKind: 'K' | 'O';
      readonly oldTuple: readonly TupleValue[];
    }
  | {
      readonly kind: 'truncate';
      readonly cascade: boolean;
      readonly restartIdentity: boolean;
      readonly relationIds: readonly number[];
    }
  | { readonly kind: 'other'; readonly tag: string };

/** Microseconds between the Unix epoch and the Postgres epoch (2000-01-01). */
export const PG_EPOCH_OFFSET_US = 946_684_800_000_000n;

class Reader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}
  u8(): number {
    return this.buf.readUInt8(this.pos++);
  }
  i16(): number {
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  i32(): number {
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  u32(): number {
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  u64(): bigint {
    const v = this.buf.readBigUInt64BE(this.pos);
    this.pos += 8;
    return v;
  }
  i64(): bigint {
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }
  cstring(): string {
    const end = this.buf.indexOf(0, this.pos);
    if (end < 0) throw new DataError('pgoutput: unterminated string');
    const s = this.buf.toString('utf8', this.pos, end);
    this.pos = end + 1;
    return s;
  }
  bytes(n: number): Buffer {
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  tuple(): TupleValue[] {
    const n = this.i16();
    const values: TupleValue[] = [];
    for (let i = 0; i < n; i++) {
      const kind = String.fromCharCode(this.u8());
      if (kind === 'n') values.push(null);
      else if (kind === 'u') values.push(undefined);
      else values.push(this.bytes(this.i32()).toString('utf8'));
    }
    return values;
  }
}

function relation(r: Reader): PgOutputMessage {
  const relationId = r.u32();
  const schema = r.cstring();
  const table = r.cstring();
  const replicaIdentity = String.fromCharCode(r.u8());
  const count = r.i16();
  const columns: RelationColumn[] = [];
  for (let i = 0; i < count; i++) {
    const flags = r.u8();
    columns.push({
      isKey: (flags & 1) === 1,
      name: r.cstring(),
      typeOid: r.u32(),
      typeModifier: r.i32(),
    });
  }
  return { kind: 'relation', relationId, schema, table, replicaIdentity, columns };
}

function update(r: Reader): PgOutputMessage {
  const relationId = r.u32();
  const tag = String.fromCharCode(r.u8());
  let oldKind: 'K' | 'O' | null = null;
  let oldTuple: TupleValue[] | null = null;
  if (tag === 'K' || tag === 'O') {
    oldKind = tag;
    oldTuple = r.tuple();
    r.u8();
  }
  return { kind: 'update', relationId, oldKind, oldTuple, newTuple: r.tuple() };
}

/** Decodes one XLogData payload of the pgoutput plugin. */
export function decodePgOutput(buf: Buffer): PgOutputMessage {
  const r = new Reader(buf);
  const tag = String.fromCharCode(r.u8());
  switch (tag) {
    case 'B':
      return {
        kind: 'begin',
        finalLsn: r.u64(),
        commitTimeUs: r.i64() + PG_EPOCH_OFFSET_US,
        xid: r.u32(),
      };
    case 'C': {
      r.u8();
      return {
        kind: 'commit',
        commitLsn: r.u64(),
        endLsn: r.u64(),
        commitTimeUs: r.i64() + PG_EPOCH_OFFSET_US,
      };
    }
    case 'R':
      return relation(r);
    case 'I': {
      const relationId = r.u32();
      r.u8();
      return { kind: 'insert', relationId, newTuple: r.tuple() };
    }
    case 'U':
      return update(r);
    case 'D': {
      const relationId = r.u32();
      const oldKind = String.fromCharCode(r.u8()) === 'O' ? 'O' : 'K';
      return { kind: 'delete', relationId, oldKind, oldTuple: r.tuple() };
    }
    case 'T': {
      const count = r.u32();
      const options = r.u8();
      const relationIds: number[] = [];
      for (let i = 0; i < count; i++) relationIds.push(r.u32());
      return {
        kind: 'truncate',
        cascade: (options & 1) === 1,
        restartIdentity: (options & 2) === 2,
        relationIds,
      };
    }
    default:
      return { kind: 'other', tag };
  }
}
