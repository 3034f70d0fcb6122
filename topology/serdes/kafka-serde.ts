import type { SqlType } from '../spec';
import { formatSqlType } from '../spec';
import type { Value } from '../functions';
import { SerdeError, type Row, type Serde, type SerdeRequest } from './serde-contract';

/** How one primitive is laid out by Kafka's own serializers. */
interface PrimitiveCodec {
  write(value: Value): Buffer;
  read(bytes: Buffer): Value;
}

const CODECS: Partial<Record<SqlType['kind'], PrimitiveCodec>> = {
  INTEGER: {
    write: (v) => {
      const b = Buffer.alloc(4);
      b.writeInt32BE(Number(v));
      return b;
    },
    read: (b) => (b.length === 4 ? b.readInt32BE(0) : undefined),
  },
  BIGINT: {
    write: (v) => {
      const b = Buffer.alloc(8);
      b.writeBigInt64BE(typeof v === 'bigint' ? v : BigInt(Number(v)));
      return b;
    },
    read: (b) => (b.length === 8 ? b.readBigInt64BE(0) : undefined),
  },
  DOUBLE: {
    write: (v) => {
      const b = Buffer.alloc(8);
      b.writeDoubleBE(Number(v));
      return b;
    },
    read: (b) => (b.length === 8 ? b.readDoubleBE(0) : undefined),
  },
  STRING: { write: (v) => Buffer.from(String(v), 'utf8'), read: (b) => b.toString('utf8') },
  BYTES: { write: (v) => Buffer.from(v as Buffer), read: (b) => Buffer.from(b) },
};

/**
 * The KAFKA format: one primitive column (INT, BIGINT, DOUBLE, STRING, BYTES) in Kafka's
 * serializer layouts, or no column at all (a key-less stream). Anything else fails at creation.
 */
export function kafkaSerde(request: SerdeRequest): Serde {
  const { topic, isKey, columns } = request;
  if (columns.length > 1) {
    throw new SerdeError(
      `The KAFKA format supports only a single column, got ${columns.length}`,
      topic,
      isKey,
    );
  }
  const column = columns[0];
  if (!column) {
    return {
      serialize: () => Promise.resolve(null),
      deserialize: () => Promise.resolve({ row: [] }),
    };
  }
  const codec = CODECS[column.type.kind];
  if (!codec) {
    throw new SerdeError(
      `The KAFKA format does not support type ${formatSqlType(column.type)} (column ${column.name})`,
      topic,
      isKey,
    );
  }
  return {
    serialize(row: Row | null) {
      const value = row?.[0];
      return Promise.resolve(value === null || value === undefined ? null : codec.write(value));
    },
    deserialize(bytes: Buffer | null) {
      if (bytes === null) return Promise.resolve({ row: isKey ? [null] : null });
      const value = codec.read(bytes);
      if (value === undefined) {
        return Promise.reject(
          new SerdeError(
            `Size of data received by ${column.type.kind} deserializer is not valid: ${bytes.length} bytes`,
            topic,
            isKey,
          ),
        );
      }
      return Promise.resolve({ row: [value] });
    },
  };
}
