import { connectSchema, type ConnectSchema } from '../../data/connect-schema';
import type { SinkRecord } from '../../data/connect-record';
import { BadConfigError, DataError } from '../../errors';

export type PkMode = 'none' | 'kafka' | 'record_key' | 'record_value';

export interface SinkColumn {
  readonly name: string;
  readonly schema: ConnectSchema;
  readonly isKey: boolean;
  /** Where the column's value comes from. */
  readonly source:
    'kafka_topic' | 'kafka_partition' | 'kafka_offset' | 'key' | 'key_field' | 'value_field';
}

/** The destination columns for records of one key/value schema pair (Confluent's FieldsMetadata). */
export interface FieldsMetadata {
  readonly columns: readonly SinkColumn[];
  readonly keyColumns: readonly SinkColumn[];
  readonly valueColumns: readonly SinkColumn[];
}

const KAFKA_PK = ['__connect_topic', '__connect_partition', '__connect_offset'] as const;

function keyColumns(
  pkMode: PkMode,
  pkFields: readonly string[],
  keySchema: ConnectSchema | null,
  valueSchema: ConnectSchema | null,
): SinkColumn[] {
  switch (pkMode) {
    case 'none':
      return [];
    case 'kafka': {
      if (pkFields.length !== 0 && pkFields.length !== 3)
        throw new BadConfigError(
          'PK mode for table is KAFKA so there should either be no field names defined for defaults __connect_topic, __connect_partition and __connect_offset to be used, or exactly three',
        );
      const names = pkFields.length === 3 ? pkFields : KAFKA_PK;
      return [
        { name: names[0]!, schema: connectSchema('STRING'), isKey: true, source: 'kafka_topic' },
        { name: names[1]!, schema: connectSchema('INT32'), isKey: true, source: 'kafka_partition' },
        { name: names[2]!, schema: connectSchema('INT64'), isKey: true, source: 'kafka_offset' },
      ];
    }
    case 'record_key': {
      if (keySchema === null)
        throw new DataError('PK mode for table is RECORD_KEY, but record key schema is missing');
      if (keySchema.type !== 'STRUCT') {
        if (pkFields.length > 1)
          throw new BadConfigError(
            'Need exactly one PK column defined since the key schema for records is a primitive type',
          );
        return [
          {
            name: pkFields[0] ?? '__connect_key',
            schema: { ...keySchema, optional: false },
            isKey: true,
            source: 'key',
          },
        ];
      }
      const fields = keySchema.fields ?? [];
      const chosen =
        pkFields.length === 0
          ? fields
          : pkFields.map((n) => fields.find((f) => f.name === n) ?? missing(n, 'key'));
      return chosen.map((f) => ({
        name: f.name,
        schema: { ...f.schema, optional: false },
        isKey: true,
        source: 'key_field',
      }));
    }
    case 'record_value': {
      if (valueSchema === null || valueSchema.type !== 'STRUCT')
        throw new DataError(
          'PK mode for table is RECORD_VALUE, but record value schema is missing or not a struct',
        );
      const fields = valueSchema.fields ?? [];
      const chosen =
        pkFields.length === 0
          ? fields
          : pkFields.map((n) => fields.find((f) => f.name === n) ?? missing(n, 'value'));
      return chosen.map((f) => ({
        name: f.name,
        schema: { ...f.schema, optional: false },
        isKey: true,
        source: 'value_field',
      }));
    }
    default:
      throw new BadConfigError(`unknown pk.mode ${String(pkMode)}`);
  }
}

function missing(name: string, where: string): never {
  throw new DataError(`PK field ${name} not found in the record ${where} schema`);
}

export function fieldsMetadata(
  pkMode: PkMode,
  pkFields: readonly string[],
  include: readonly string[],
  keySchema: ConnectSchema | null,
  valueSchema: ConnectSchema | null,
): FieldsMetadata {
  const keys = keyColumns(pkMode, pkFields, keySchema, valueSchema);
  const keyNames = new Set(keys.map((k) => k.name));
  const valueFields = valueSchema?.type === 'STRUCT' ? (valueSchema.fields ?? []) : [];
  const values: SinkColumn[] = valueFields
    .filter((f) => !keyNames.has(f.name) && (include.length === 0 || include.includes(f.name)))
    .map((f) => ({ name: f.name, schema: f.schema, isKey: false, source: 'value_field' }));
  return { columns: [...keys, ...values], keyColumns: keys, valueColumns: values };
}

/** The column's value in `record` (Connect representation). */
export function columnValue(column: SinkColumn, record: SinkRecord): unknown {
  switch (column.source) {
    case 'kafka_topic':
      return record.topic;
    case 'kafka_partition':
      return record.kafkaPartition;
    case 'kafka_offset':
      return record.kafkaOffset;
    case 'key':
      return record.key;
    case 'key_field':
      return (record.key as Record<string, unknown> | null)?.[column.name] ?? null;
    case 'value_field':
      return (record.value as Record<string, unknown> | null)?.[column.name] ?? null;
    default:
      throw new DataError(`unknown column source ${String(column.source)}`);
  }
}

/** A schema for a schemaless (plain JSON) value, so such topics can be written too. */
export function inferSchema(value: unknown): ConnectSchema | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const fields = Object.entries(value as Record<string, unknown>).map(([name, v], index) => ({
    name,
    index,
    schema: connectSchema(inferType(v), { optional: true }),
  }));
  return { type: 'STRUCT', optional: false, fields };
}

function inferType(v: unknown): ConnectSchema['type'] {
  if (typeof v === 'boolean') return 'BOOLEAN';
  if (typeof v === 'bigint') return 'INT64';
  if (typeof v === 'number') return Number.isInteger(v) ? 'INT64' : 'FLOAT64';
  if (v !== null && typeof v === 'object') return 'MAP';
  return 'STRING';
}
