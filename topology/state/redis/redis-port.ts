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
   * All-or-nothing writes (one server-side script; all keys share one hash tag): every check is
   * evaluated first, and only when all pass are the writes applied. A failed check writes
   * nothing and is reported in the outcome, never half applied.
   */
  transaction(
    writes: readonly RedisWrite[],
    checks?: readonly RedisCheck[],
  ): Promise<RedisTransactionOutcome>;
  /**
   * Makes `epoch` the writer epoch stored in `hash`.`field` unless a greater one is stored
   * (then rejects with `RedisFencedError`): a later owner's claim always wins.
   */
  claimEpoch(hash: string, field: string, epoch: number): Promise<void>;
  /** Deletes every key matching a glob pattern (SCAN + UNLINK); for tests and DROP ... DELETE. */
  deleteMatching(pattern: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * A precondition of a transaction on a store's meta hash.
 * - `requireField`: the field must exist (the checkpoint a task read or wrote is still there;
 *   its absence means the store's keys vanished under the task).
 * - `epoch`: the stored writer epoch must equal it. Greater means a newer owner claimed the
 *   store (fenced); smaller or missing means the meta was wiped and rebuilt by someone else, or
 *   never claimed: either way this writer does not own what is there.
 */
export interface RedisCheck {
  readonly hash: string;
  readonly requireField?: string;
  readonly epoch?: { readonly field: string; readonly value: number };
}

export type RedisTransactionOutcome =
  | { readonly kind: 'applied' }
  /** A check's epoch is older than the stored one: nothing was written. */
  | { readonly kind: 'fenced'; readonly hash: string }
  /** A check's field or epoch is missing (or older than the writer's): nothing was written. */
  | { readonly kind: 'lost'; readonly hash: string };

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
