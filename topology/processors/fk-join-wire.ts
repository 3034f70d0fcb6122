import { createHash } from 'node:crypto';
import type { Column, LogicalSchema } from '../spec';
import type { Row } from '../serdes/serde-contract';
import { decodeRow, decodeRowJson, encodeRow, encodeRowJson, rowCodec, u32 } from '../state';
import type { Codec } from '../state';

/**
 * What the right half does with a subscription (Kafka Streams' `SubscriptionWrapper.Instruction`,
 * KIP-213). The left half picks one per foreign key a left change touches.
 */
export type SubscriptionInstruction =
  /** Left row deleted: forget the subscription and answer, so the left half emits a tombstone. */
  | 'DELETE_KEY_AND_PROPAGATE'
  /** The foreign key moved away: forget the subscription under the old key, answer nothing. */
  | 'DELETE_KEY_NO_PROPAGATE'
  /** Update of a row that may have a result: answer even without a right row (to retract it). */
  | 'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE'
  /** New row of an INNER join: answer only when the right row exists. */
  | 'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE';

const INSTRUCTIONS: readonly SubscriptionInstruction[] = [
  'DELETE_KEY_AND_PROPAGATE',
  'DELETE_KEY_NO_PROPAGATE',
  'PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE',
  'PROPAGATE_ONLY_IF_FK_VAL_AVAILABLE',
];

/**
 * Hash of a left row as the left half sent it. A response carries the hash of the row that
 * asked; the left half drops it when its current row hashes differently (the row changed since,
 * and a newer response is on its way), as Kafka Streams does with a murmur3 hash. Any stable
 * digest works: only equality matters, and both halves run the same code.
 */
export type RowHash = string;

export function rowHasher(columns: readonly Column[]): (row: Row) => RowHash {
  return (row) => createHash('sha1').update(encodeRow(columns, row)).digest('base64');
}

/** A subscription: registration topic, keyed by the foreign key (the right table's key). */
export interface Subscription {
  readonly instruction: SubscriptionInstruction;
  readonly hash: RowHash | null;
  readonly leftKey: Row;
}

/** A response: response topic, keyed by the left key. `rightValue` null: no right row. */
export interface SubscriptionResponse {
  readonly hash: RowHash | null;
  readonly rightValue: Row | null;
}

export interface SubscriptionWire {
  encodeForeignKey(fk: Row): Buffer;
  decodeForeignKey(bytes: Buffer | null): Row;
  encodeSubscription(s: Subscription): Buffer;
  decodeSubscription(bytes: Buffer | null): Subscription;
  encodeLeftKey(key: Row): Buffer;
  decodeLeftKey(bytes: Buffer | null): Row;
  encodeResponse(r: SubscriptionResponse): Buffer;
  decodeResponse(bytes: Buffer | null): SubscriptionResponse;
}

/**
 * The runtime's encoding of both topics (internal, like repartition topics): keys are encoded
 * rows (the runner re-encodes them in the user key format to pick partitions), values JSON.
 */
export function subscriptionWire(left: LogicalSchema, right: LogicalSchema): SubscriptionWire {
  const required = (bytes: Buffer | null, what: string): Buffer => {
    if (!bytes) throw new Error(`foreign-key join ${what} without bytes`);
    return bytes;
  };
  return {
    encodeForeignKey: (fk) => encodeRow(right.key, fk),
    decodeForeignKey: (bytes) => decodeRow(right.key, required(bytes, 'subscription key')),
    encodeSubscription: (s) =>
      Buffer.from(
        JSON.stringify({ i: s.instruction, h: s.hash, k: encodeRowJson(left.key, s.leftKey) }),
      ),
    decodeSubscription: (bytes) => {
      const json = JSON.parse(required(bytes, 'subscription').toString('utf8')) as {
        i: SubscriptionInstruction;
        h: RowHash | null;
        k: unknown;
      };
      if (!INSTRUCTIONS.includes(json.i))
        throw new Error(`unknown subscription instruction '${String(json.i)}'`);
      return {
        instruction: json.i,
        hash: json.h ?? null,
        leftKey: decodeRowJson(left.key, json.k as never),
      };
    },
    encodeLeftKey: (key) => encodeRow(left.key, key),
    decodeLeftKey: (bytes) => decodeRow(left.key, required(bytes, 'response key')),
    encodeResponse: (r) =>
      Buffer.from(
        JSON.stringify({
          h: r.hash,
          v: r.rightValue === null ? null : encodeRowJson(right.value, r.rightValue),
        }),
      ),
    decodeResponse: (bytes) => {
      const json = JSON.parse(required(bytes, 'response').toString('utf8')) as {
        h: RowHash | null;
        v: unknown;
      };
      return {
        hash: json.h ?? null,
        rightValue: json.v === null ? null : decodeRowJson(right.value, json.v as never),
      };
    },
  };
}

/** Subscription store key: foreign key then left key, so a right change scans one prefix. */
export interface CombinedKey {
  readonly foreignKey: Row;
  readonly leftKey: Row;
}

export function combinedKeyPrefix(fkBytes: Buffer): Buffer {
  return Buffer.concat([u32(fkBytes.length), fkBytes]);
}

export function combinedKeyCodec(
  leftKey: readonly Column[],
  rightKey: readonly Column[],
): Codec<CombinedKey> {
  const [left, right] = [rowCodec(leftKey), rowCodec(rightKey)];
  return {
    encode: (k) =>
      Buffer.concat([combinedKeyPrefix(right.encode(k.foreignKey)), left.encode(k.leftKey)]),
    decode: (b) => {
      const length = b.readUInt32BE(0);
      return {
        foreignKey: right.decode(b.subarray(4, 4 + length)),
        leftKey: left.decode(b.subarray(4 + length)),
      };
    },
  };
}
