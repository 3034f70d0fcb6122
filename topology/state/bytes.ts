/** A key and value of a bytes store, ordered by unsigned byte comparison of `key`. */
export interface BytesEntry {
  readonly key: Buffer;
  readonly value: Buffer;
}

export function compareBytes(a: Buffer, b: Buffer): number {
  return Buffer.compare(a, b);
}

/** 8-byte big-endian unsigned encoding: byte order equals numeric order for times >= 0. */
export function u64(value: number): Buffer {
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64BE(BigInt(Math.max(0, Math.trunc(value))));
  return buf;
}

export function readU64(buf: Buffer, offset: number): number {
  return Number(buf.readBigUInt64BE(offset));
}

export function u32(value: number): Buffer {
  const buf = Buffer.alloc(4);
  buf.writeUInt32BE(value >>> 0);
  return buf;
}

/** The smallest key strictly greater than every key that starts with `prefix`. */
export function prefixEnd(prefix: Buffer): Buffer {
  return Buffer.concat([prefix, Buffer.alloc(64, 0xff)]);
}
