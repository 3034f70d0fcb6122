import type { Column } from '../spec';
import type { Row } from '../serdes/serde-contract';
import { readU64, u64 } from './bytes';
import { decodeRow, encodeRow } from './row-codec';

/** Typed <-> bytes conversion for one side (key or value) of a store. */
export interface Codec<T> {
  readonly encode: (value: T) => Buffer;
  readonly decode: (bytes: Buffer) => T;
}

/** A stored value with the timestamp of the record that produced it (ValueAndTimestamp). */
export interface Timestamped<V> {
  readonly value: V;
  readonly timestamp: number;
}

export function rowCodec(columns: readonly Column[]): Codec<Row> {
  return { encode: (row) => encodeRow(columns, row), decode: (bytes) => decodeRow(columns, bytes) };
}

export function jsonCodec<T>(): Codec<T> {
  return {
    encode: (value) => Buffer.from(JSON.stringify(value)),
    decode: (bytes) => JSON.parse(bytes.toString('utf8')) as T,
  };
}

export function encodeTimestamped<V>(codec: Codec<V>, value: V, timestamp: number): Buffer {
  return Buffer.concat([u64(timestamp), codec.encode(value)]);
}

export function decodeTimestamped<V>(codec: Codec<V>, bytes: Buffer): Timestamped<V> {
  return { timestamp: readU64(bytes, 0), value: codec.decode(bytes.subarray(8)) };
}
