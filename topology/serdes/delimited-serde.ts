import Decimal from 'decimal.js';
import { formatSqlType, type SqlType } from '../spec';
import { javaDoubleToString, scalarText, toDecimal, type Value } from '../functions';
import { readCsvRecord, writeCsvRecord } from './csv';
import { delimiterOf } from './format-options';
import { SerdeError, type Row, type Serde, type SerdeRequest } from './serde-contract';

const PRIMITIVE = new Set([
  'BOOLEAN',
  'INTEGER',
  'BIGINT',
  'DOUBLE',
  'DECIMAL',
  'STRING',
  'BYTES',
  'DATE',
  'TIME',
  'TIMESTAMP',
]);

function writeField(value: Value, type: SqlType): string | null {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'DOUBLE':
      return javaDoubleToString(Number(value));
    case 'DECIMAL':
      return toDecimal(value).toFixed(type.scale);
    case 'BYTES':
      return (value as Buffer).toString('base64');
    default:
      return scalarText(value);
  }
}

function readField(text: string | null, type: SqlType): Value {
  if (text === null) return null;
  switch (type.kind) {
    case 'BOOLEAN':
      return text.trim().toLowerCase() === 'true';
    case 'INTEGER':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP': {
      const n = Number(text.trim());
      if (!Number.isInteger(n)) throw new Error(`'${text}' is not an integer`);
      return n;
    }
    case 'BIGINT':
      return BigInt(text.trim());
    case 'DOUBLE': {
      const n = Number(text.trim());
      if (Number.isNaN(n) && text.trim() !== 'NaN') throw new Error(`'${text}' is not a number`);
      return n;
    }
    case 'DECIMAL':
      return new Decimal(text.trim()).toDecimalPlaces(type.scale, Decimal.ROUND_HALF_UP);
    case 'BYTES':
      return Buffer.from(text, 'base64');
    default:
      return text;
  }
}

/** ksqlDB's DELIMITED format: one CSV record of primitive columns, in column order. */
export function delimitedSerde(request: SerdeRequest): Serde {
  const { topic, isKey, columns, format } = request;
  for (const c of columns) {
    if (!PRIMITIVE.has(c.type.kind)) {
      throw new SerdeError(
        `The DELIMITED format does not support type ${formatSqlType(c.type)} (column ${c.name})`,
        topic,
        isKey,
      );
    }
  }
  const delimiter = delimiterOf(format, isKey);
  return {
    serialize(row: Row | null) {
      if (row === null || columns.length === 0) return Promise.resolve(null);
      const line = writeCsvRecord(
        columns.map((c, i) => writeField(row[i], c.type)),
        delimiter,
      );
      return Promise.resolve(Buffer.from(line, 'utf8'));
    },
    deserialize(bytes: Buffer | null) {
      if (bytes === null) return Promise.resolve({ row: isKey ? columns.map(() => null) : null });
      if (columns.length === 0) return Promise.resolve({ row: [] });
      try {
        const fields = readCsvRecord(bytes.toString('utf8'), delimiter);
        if (fields.length !== columns.length) {
          throw new Error(
            `Unexpected field count, csvFields:${fields.length} schemaFields:${columns.length}`,
          );
        }
        return Promise.resolve({
          row: columns.map((c, i) => readField(fields[i] ?? null, c.type)),
        });
      } catch (cause) {
        const message = cause instanceof Error ? cause.message : String(cause);
        return Promise.reject(
          new SerdeError(
            `Failed to deserialize DELIMITED from topic ${topic}: ${message}`,
            topic,
            isKey,
            { cause },
          ),
        );
      }
    },
  };
}
