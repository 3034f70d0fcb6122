import type { LogicalSchema } from '../spec';
import type { Row } from '../serdes/serde-contract';
import { decodeRowJson, encodeRow, encodeRowJson, decodeRow } from '../state';

type RowJson = ReturnType<typeof encodeRowJson>;

interface Envelope {
  readonly v: RowJson | null;
  readonly o?: RowJson | null;
}

/**
 * Repartition topics carry the runtime's internal encoding: key = the key row, value = an
 * envelope with the row and, for table changes, the old row (a retraction travels as
 * `{v: null, o: row}`).
 */
export function repartitionCodec(schema: LogicalSchema): {
  encodeKey(key: Row): Buffer;
  decodeKey(bytes: Buffer | null): Row;
  encodeValue(value: Row | null, oldValue: Row | null | undefined): Buffer;
  decodeValue(bytes: Buffer | null): { value: Row | null; oldValue: Row | null | undefined };
} {
  return {
    encodeKey: (key) => encodeRow(schema.key, key),
    decodeKey: (bytes) => (bytes ? decodeRow(schema.key, bytes) : schema.key.map(() => null)),
    encodeValue: (value, oldValue) => {
      const envelope: Envelope = {
        v: value === null ? null : encodeRowJson(schema.value, value),
        ...(oldValue === undefined
          ? {}
          : { o: oldValue === null ? null : encodeRowJson(schema.value, oldValue) }),
      };
      return Buffer.from(JSON.stringify(envelope));
    },
    decodeValue: (bytes) => {
      const envelope = (bytes ? JSON.parse(bytes.toString('utf8')) : { v: null }) as Envelope;
      return {
        value: envelope.v === null ? null : decodeRowJson(schema.value, envelope.v),
        oldValue:
          envelope.o === undefined
            ? undefined
            : envelope.o === null
              ? null
              : decodeRowJson(schema.value, envelope.o),
      };
    },
  };
}
