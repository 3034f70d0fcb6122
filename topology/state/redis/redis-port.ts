import type { BytesEntry } from '../bytes';

/**
 * The Redis operations the state backend needs, so ioredis can be replaced and tests can count
 * round trips with another implementation of this port. Every call is one round trip.
 */
export interface RedisPort {
  /** HGET for many fields of one hash (HMGET). */
  hashGet(hash: string, fields: readonly Buffer[]): Promise<(Buffer | null)[]>;
  hashGetAll(hash: string): Promise<Record<string, string>>;
  /**
   * Entries of a store in unsigned byte order from its lex index and data hash, atomically (one
   * server-side script). `from`/`to` inclusive; null means unbounded; `limit` < 0 means all.
   */
  rangeByLex(
    index: string,
    data: string,
    from: Buffer | null,
    to: Buffer | null,
    limit: number,
  ): Promise<BytesEntry[]>;
  /** Every member of a lex index when it has at most `limit` members, else null (two round trips). */
  lexMembers(index: string, limit: number): Promise<Buffer[] | null>;
  /**
   * Runs the writes as one MULTI/EXEC sent in one pipeline (all keys share one hash tag). With
   * `guard`, the transaction first checks HEXISTS on that hash field and returns the answer:
   * the state as it was just before these writes.
   */
  transaction(
    writes: readonly RedisWrite[],
    guard?: { readonly hash: string; readonly field: string },
    fence?: RedisFence,
  ): Promise<boolean>;
  /** HINCRBY by 1; returns the new value. */
  incrementField(hash: string, field: string): Promise<number>;
  /** Deletes every key matching a glob pattern (SCAN + UNLINK); for tests and DROP ... DELETE. */
  deleteMatching(pattern: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * An epoch check done inside the transaction (one server-side script): when the hash field holds
 * a greater epoch than `epoch`, nothing is written and the transaction rejects with
 * `RedisFencedError`.
 */
export interface RedisFence {
  readonly hash: string;
  readonly field: string;
  readonly epoch: number;
}

/** A write refused by a fence: another writer claimed a newer epoch. */
export class RedisFencedError extends Error {
  constructor(
    readonly hash: string,
    readonly epoch: number,
  ) {
    super(`write to ${hash} fenced: epoch ${epoch} is older than the stored one`);
    this.name = 'RedisFencedError';
  }
}

export type RedisWrite =
  | {
      readonly kind: 'hashSet';
      readonly key: string;
      readonly entries: readonly (readonly [Buffer | string, Buffer | string])[];
    }
  | { readonly kind: 'hashDelete'; readonly key: string; readonly fields: readonly Buffer[] }
  | { readonly kind: 'lexAdd'; readonly key: string; readonly members: readonly Buffer[] }
  | { readonly kind: 'lexRemove'; readonly key: string; readonly members: readonly Buffer[] };
