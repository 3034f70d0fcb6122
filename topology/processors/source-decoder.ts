import { SqlTypes, type SourceSpec, type SqlType } from '../spec';
import type { Row } from '../serdes/serde-contract';
import type { StepContext } from './processor';
import type { RawRecord } from './raw-record';
import type { StreamRecord } from './stream-record';

/**
 * Turns a raw record of a source topic into a StreamRecord: key and value through the source's
 * serdes, the timestamp from the TIMESTAMP column when the source has one. Returns null (after
 * logging) for a record that cannot be used.
 */
export function sourceDecoder(
  source: SourceSpec,
  ctx: StepContext,
): (raw: RawRecord) => Promise<StreamRecord | null> {
  const window = source.window
    ? { type: source.window.type, sizeMs: source.window.sizeMs ?? undefined }
    : undefined;
  const keySerde = ctx.serdes.create({
    topic: source.topic,
    isKey: true,
    format: source.keyFormat,
    columns: source.keyColumns,
    window,
  });
  const valueSerde = ctx.serdes.create({
    topic: source.topic,
    isKey: false,
    format: source.valueFormat,
    columns: source.valueColumns,
  });
  const timestampOf = timestampExtractor(source, ctx);
  return async (raw) => {
    const origin = { topic: raw.topic, partition: raw.partition, offset: raw.offset };
    const base = {
      key: [] as Row,
      value: null,
      timestamp: raw.timestamp,
      window: null,
      headers: raw.headers,
      origin,
    };
    let decoded: StreamRecord;
    try {
      const key = await keySerde.deserialize(raw.key);
      const value = await valueSerde.deserialize(raw.value);
      const keyRow = key.row ?? source.keyColumns.map(() => null);
      decoded = { ...base, key: keyRow, value: value.row, window: key.window ?? null };
    } catch (error) {
      ctx.report(
        'DESERIALIZATION_ERROR',
        error instanceof Error ? error.message : String(error),
        base,
        'SERDE_ERROR',
      );
      return null;
    }
    if (!timestampOf || decoded.value === null) return decoded;
    const timestamp = timestampOf(decoded);
    if (timestamp === null || timestamp < 0) {
      ctx.report(
        'INVALID_TIMESTAMP',
        `invalid timestamp in column ${source.timestamp?.column ?? ''}`,
        decoded,
      );
      return null;
    }
    return { ...decoded, timestamp };
  };
}

function timestampExtractor(
  source: SourceSpec,
  ctx: StepContext,
): ((record: StreamRecord) => number | null) | null {
  const spec = source.timestamp;
  if (!spec) return null;
  const keyIndex = source.keyColumns.findIndex((c) => c.name === spec.column);
  const valueIndex = source.valueColumns.findIndex((c) => c.name === spec.column);
  const column = keyIndex >= 0 ? source.keyColumns[keyIndex] : source.valueColumns[valueIndex];
  if (!column) return null;
  const read = (r: StreamRecord): unknown =>
    (keyIndex >= 0 ? r.key[keyIndex] : r.value?.[valueIndex]) ?? null;
  const parse = column.type.kind === 'STRING' ? stringTimestampParser(spec.format, ctx) : null;
  return (record) => {
    const value = read(record);
    if (value === null) return null;
    if (parse) return parse(value as string);
    return typeof value === 'bigint' ? Number(value) : (value as number);
  };
}

/** TIMESTAMP_FORMAT parsing goes through the PARSE_TIMESTAMP function (Java patterns). */
function stringTimestampParser(
  format: string | null,
  ctx: StepContext,
): (text: string) => number | null {
  const fn = ctx.functions.scalar('PARSE_TIMESTAMP');
  const types: SqlType[] = [SqlTypes.string, SqlTypes.string];
  const callContext = { argTypes: types, returnType: SqlTypes.timestamp, config: ctx.spec.config };
  return (text) => {
    if (!fn) return Number.isNaN(Date.parse(text)) ? null : Date.parse(text);
    try {
      const result = fn.call([text, format ?? "yyyy-MM-dd'T'HH:mm:ss.SSS"], callContext);
      return typeof result === 'number' ? result : null;
    } catch {
      return null;
    }
  };
}
