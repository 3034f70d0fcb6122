import { formatSqlType, SqlTypes, type SqlType } from '../../spec';
import type { Column } from '../serde-contract';

export const KSQL_RECORD_NAME = 'KsqlDataSourceSchema';
export const KSQL_NAMESPACE = 'io.confluent.ksql.avro_schemas';

type AvroSchema = unknown;

/**
 * The Avro schema ksqlDB derives for columns: a record `KsqlDataSourceSchema` in namespace
 * `io.confluent.ksql.avro_schemas` whose fields are optional unions `["null", T]` defaulting to
 * null; nested structs are records named after their path (`KsqlDataSourceSchema_ADDRESS`).
 * A single unwrapped column is its bare optional type.
 */
export function avroSchemaFor(
  columns: readonly Column[],
  options: { unwrapped?: boolean; fullName?: string } = {},
): AvroSchema {
  const [namespace, name] = splitFullName(options.fullName);
  if (options.unwrapped && columns.length === 1) return optional(avroType(columns[0]!.type, name));
  return { type: 'record', name, namespace, fields: fields(columns, name) };
}

function splitFullName(fullName: string | undefined): [string, string] {
  if (!fullName) return [KSQL_NAMESPACE, KSQL_RECORD_NAME];
  const at = fullName.lastIndexOf('.');
  return at < 0 ? ['', fullName] : [fullName.substring(0, at), fullName.substring(at + 1)];
}

function fields(columns: readonly { name: string; type: SqlType }[], path: string): unknown[] {
  return columns.map((c) => ({
    name: c.name,
    type: optional(avroType(c.type, `${path}_${c.name}`)),
    default: null,
  }));
}

const optional = (t: AvroSchema): AvroSchema => ['null', t];

function avroType(type: SqlType, path: string): AvroSchema {
  switch (type.kind) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INTEGER':
      return 'int';
    case 'BIGINT':
      return 'long';
    case 'DOUBLE':
      return 'double';
    case 'STRING':
      return 'string';
    case 'BYTES':
      return 'bytes';
    case 'DECIMAL':
      return {
        type: 'bytes',
        logicalType: 'decimal',
        precision: type.precision,
        scale: type.scale,
      };
    case 'DATE':
      return { type: 'int', logicalType: 'date' };
    case 'TIME':
      return { type: 'int', logicalType: 'time-millis' };
    case 'TIMESTAMP':
      return { type: 'long', logicalType: 'timestamp-millis' };
    case 'ARRAY':
      return { type: 'array', items: optional(avroType(type.element, path)) };
    case 'MAP':
      if (type.key.kind !== 'STRING')
        throw new Error(`AVRO maps need STRING keys, not ${formatSqlType(type.key)}`);
      return { type: 'map', values: optional(avroType(type.value, path)) };
    case 'STRUCT':
      return { type: 'record', name: path, fields: fields(type.fields, path) };
  }
}

export interface InferredColumn {
  readonly name: string;
  readonly type: SqlType;
}

export interface InferOptions {
  /**
   * Keep field names as written. ksqlDB upper-cases inferred names unless the statement names a
   * schema id (`VALUE_SCHEMA_ID`), in which case the schema's own names are kept.
   */
  readonly preserveCase?: boolean;
  /**
   * `WRAP_SINGLE_VALUE=false`: the whole schema is the one column `ROWVAL`, so a record schema
   * becomes `ROWVAL STRUCT<...>` instead of one column per field.
   */
  readonly unwrapped?: boolean;
}

/**
 * The columns of a record schema, as `CREATE STREAM ... WITH (VALUE_FORMAT='AVRO')` without a
 * column list infers them (nested struct field names included). A non-record schema is one
 * column named `ROWVAL`, as in ksqlDB.
 */
export function inferColumnsFromAvroSchema(
  schema: unknown,
  options: InferOptions = {},
): InferredColumn[] {
  const s =
    typeof schema === 'string' && schema.trim().startsWith('{')
      ? (JSON.parse(schema) as unknown)
      : schema;
  const name = (n: string) => (options.preserveCase ? n : n.toUpperCase());
  const record = stripNull(s);
  if (options.unwrapped) return [{ name: 'ROWVAL', type: sqlTypeOf(s, name) }];
  if (isObj(record) && record.type === 'record' && Array.isArray(record.fields)) {
    return (record.fields as { name: string; type: unknown }[]).map((f) => ({
      name: name(f.name),
      type: sqlTypeOf(f.type, name),
    }));
  }
  return [{ name: 'ROWVAL', type: sqlTypeOf(s, name) }];
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function stripNull(schema: unknown): unknown {
  if (!Array.isArray(schema)) return schema;
  const others = schema.filter((t) => t !== 'null');
  if (others.length !== 1) throw new Error(`Unsupported Avro union ${JSON.stringify(schema)}`);
  return others[0];
}

function sqlTypeOf(schema: unknown, name: (n: string) => string): SqlType {
  const s = stripNull(schema);
  if (typeof s === 'string') return primitive(s);
  if (!isObj(s)) throw new Error(`Unsupported Avro schema ${JSON.stringify(s)}`);
  switch (s.logicalType) {
    case 'decimal':
      return SqlTypes.decimal(decimalPrecision(s), Number(s.scale ?? 0));
    case 'date':
      return SqlTypes.date;
    case 'time-millis':
      return SqlTypes.time;
    case 'timestamp-millis':
      return SqlTypes.timestamp;
  }
  switch (s.type) {
    case 'array':
      return SqlTypes.array(sqlTypeOf(s.items, name));
    case 'map':
      return SqlTypes.map(SqlTypes.string, sqlTypeOf(s.values, name));
    case 'record':
      return SqlTypes.struct(
        (s.fields as { name: string; type: unknown }[]).map((f) => ({
          name: name(f.name),
          type: sqlTypeOf(f.type, name),
        })),
      );
    case 'enum':
      return SqlTypes.string;
    case 'fixed':
      return SqlTypes.bytes;
    default:
      return primitive(String(s.type));
  }
}

/**
 * Kafka Connect's Avro converter may leave `precision` out (Postgres NUMERIC without one) and put
 * it in `connect.parameters` instead; without either, the widest DECIMAL is used.
 */
function decimalPrecision(s: Record<string, unknown>): number {
  const params = s['connect.parameters'] as Record<string, string> | undefined;
  const precision = Number(s.precision ?? params?.['connect.decimal.precision'] ?? MAX_PRECISION);
  return Number.isFinite(precision) && precision > 0
    ? Math.min(precision, MAX_PRECISION)
    : MAX_PRECISION;
}

const MAX_PRECISION = 38;

function primitive(name: string): SqlType {
  switch (name) {
    case 'boolean':
      return SqlTypes.boolean;
    case 'int':
      return SqlTypes.integer;
    case 'long':
      return SqlTypes.bigint;
    case 'float':
    case 'double':
      return SqlTypes.double;
    case 'string':
      return SqlTypes.string;
    case 'bytes':
      return SqlTypes.bytes;
    default:
      throw new Error(`Unsupported Avro type '${name}'`);
  }
}
