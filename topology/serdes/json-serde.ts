import { toJsonText } from '../functions';
import { JsonCoercionError, FieldLookup, isJsonObject, readJsonValue } from './json-value-reader';
import { parseJsonForSerde } from './json-parse';
import { SerdeError, type Row, type Serde, type SerdeRequest } from './serde-contract';

/**
 * ksqlDB's JSON format. Values are objects keyed by column name (read case-insensitively), or a
 * bare JSON value when the single column is unwrapped (`WRAP_SINGLE_VALUE=false`). Keys: one
 * column is written bare, several as an object. Numbers are exact in both directions.
 */
export function jsonSerde(request: SerdeRequest): Serde {
  const { topic, isKey, columns, format } = request;
  const unwrapped = columns.length === 1 && (isKey || format.wrapSingleValue === false);
  const error = (message: string, cause?: unknown) =>
    new SerdeError(message, topic, isKey, { cause });

  function write(row: Row): string {
    if (unwrapped) return toJsonText(row[0] ?? null, columns[0]!.type);
    const fields = columns.map(
      (c, i) => `${JSON.stringify(c.name)}:${toJsonText(row[i] ?? null, c.type)}`,
    );
    return `{${fields.join(',')}}`;
  }

  function read(root: unknown): Row {
    if (unwrapped) return [readJsonValue(root, columns[0]!.type)];
    if (!isJsonObject(root)) {
      if (columns.length === 1) return [readJsonValue(root, columns[0]!.type)];
      throw error(`Expected a JSON object for ${columns.length} columns`);
    }
    const fields = new FieldLookup(root);
    return columns.map((c) => readJsonValue(fields.get(c.name), c.type, c.name));
  }

  return {
    serialize(row: Row | null) {
      // An unwrapped NULL has no JSON form of its own: like ksqlDB, write a Kafka null.
      if (row === null || columns.length === 0 || (unwrapped && (row[0] ?? null) === null))
        return Promise.resolve(null);
      return Promise.resolve(Buffer.from(write(row), 'utf8'));
    },
    deserialize(bytes: Buffer | null) {
      if (bytes === null) return Promise.resolve({ row: isKey ? columns.map(() => null) : null });
      if (columns.length === 0) return Promise.resolve({ row: [] });
      try {
        const root = parseJsonForSerde(bytes.toString('utf8'));
        if (root === null) return Promise.resolve({ row: isKey ? columns.map(() => null) : null });
        return Promise.resolve({ row: read(root) });
      } catch (cause) {
        if (cause instanceof SerdeError) return Promise.reject(cause);
        const detail = cause instanceof JsonCoercionError ? cause.message : 'invalid JSON';
        return Promise.reject(
          error(`Failed to deserialize JSON from topic ${topic}: ${detail}`, cause),
        );
      }
    },
  };
}
