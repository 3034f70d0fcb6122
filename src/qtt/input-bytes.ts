import type { Column, FormatSpec } from '../../topology/spec';
import type { TopicSchema } from './output-records';
import type { Row, SerdeFactory as Serdes } from '../../topology';
import type { QttJson, QttRecord } from './qtt-case';
import { qttJsonText, qttScalarText } from './qtt-json-text';

/** A QTT input record as the bytes a producer writes. */
export interface InputBytes {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
}

/**
 * Serialises an input record for `topic` (the physical name, which AVRO registers under)
 * with the schema of the source that reads it, as QTT's harness does: JSON
 * and DELIMITED are written as the file spells them (so inputs that do not fit the declared
 * schema still reach the query, and numbers keep their text); KAFKA and AVRO need the SQL
 * types, so the record is first read as JSON into the source's columns, then written with the
 * source's serde. Windowed keys get Kafka Streams' window suffix.
 */
export async function serializeInput(
  record: QttRecord,
  source: TopicSchema,
  topic: string,
  serdes: Serdes,
): Promise<InputBytes> {
  const window = record.window;
  const key = await side(record.key, source, topic, true, serdes);
  const value =
    record.value === null ? null : await side(record.value, source, topic, false, serdes);
  if (window === undefined || source.window === null) return { key, value };
  return { key: windowed(key, window, source.window.type === 'SESSION'), value };
}

async function side(
  json: QttJson,
  source: TopicSchema,
  topic: string,
  isKey: boolean,
  serdes: Serdes,
): Promise<Buffer | null> {
  const format = isKey ? source.keyFormat : source.valueFormat;
  const columns = isKey ? source.keyColumns : source.valueColumns;
  switch (format.format) {
    case 'NONE':
      return null;
    case 'JSON':
      return json === null ? null : Buffer.from(qttJsonText(json), 'utf8');
    case 'DELIMITED':
      return json === null ? null : Buffer.from(qttScalarText(json), 'utf8');
    case 'KAFKA':
    case 'AVRO': {
      if (json === null && isKey) return null;
      const row = await typedRow(json, topic, isKey, format, columns, serdes);
      const serde = serdes.create({ topic, isKey, format, columns });
      return serde.serialize(row);
    }
  }
}

/** Reads the case's JSON into run-time values of the columns, with the JSON format's rules. */
async function typedRow(
  json: QttJson,
  topic: string,
  isKey: boolean,
  format: FormatSpec,
  columns: readonly Column[],
  serdes: Serdes,
): Promise<Row> {
  const wrapSingleValue = format.format === 'KAFKA' ? false : format.wrapSingleValue;
  const reader = serdes.create({
    topic,
    isKey,
    format: {
      format: 'JSON',
      properties: {},
      ...(wrapSingleValue === undefined ? {} : { wrapSingleValue }),
    },
    columns,
  });
  const { row } = await reader.deserialize(Buffer.from(qttJsonText(json), 'utf8'));
  return row ?? columns.map(() => null);
}

function windowed(
  key: Buffer | null,
  window: { readonly start: number; readonly end: number },
  session: boolean,
): Buffer {
  const tail = Buffer.alloc(session ? 16 : 8);
  if (session) {
    tail.writeBigInt64BE(BigInt(window.end), 0);
    tail.writeBigInt64BE(BigInt(window.start), 8);
  } else tail.writeBigInt64BE(BigInt(window.start), 0);
  return Buffer.concat([key ?? Buffer.alloc(0), tail]);
}
