/**
 * Connect's data model: a schema describes a value the way `org.apache.kafka.connect.data.Schema`
 * does, so converters can reproduce Connect's Avro and JSON shapes exactly.
 *
 * Run-time values (the contract every connector, transformation and converter keeps):
 * INT8/INT16/INT32 and FLOAT32/FLOAT64 are numbers, INT64 a bigint, BOOLEAN a boolean, STRING a
 * string, BYTES a Buffer, ARRAY an array, MAP a Map, STRUCT a plain object keyed by field name.
 * Logical types keep Brook's representation: Timestamp epoch ms (number), Date days since epoch
 * (number), Time ms of day (number), Decimal a decimal.js Decimal. Null only when optional.
 */
export type ConnectType =
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FLOAT32'
  | 'FLOAT64'
  | 'BOOLEAN'
  | 'STRING'
  | 'BYTES'
  | 'ARRAY'
  | 'MAP'
  | 'STRUCT';

export const LOGICAL = {
  decimal: 'org.apache.kafka.connect.data.Decimal',
  date: 'org.apache.kafka.connect.data.Date',
  time: 'org.apache.kafka.connect.data.Time',
  timestamp: 'org.apache.kafka.connect.data.Timestamp',
} as const;

/** Parameter that carries a Decimal's scale, as Connect names it. */
export const DECIMAL_SCALE = 'scale';
export const DECIMAL_PRECISION = 'connect.decimal.precision';

export interface ConnectField {
  readonly name: string;
  readonly index: number;
  readonly schema: ConnectSchema;
}

export interface ConnectSchema {
  readonly type: ConnectType;
  readonly optional: boolean;
  readonly name?: string;
  readonly version?: number;
  readonly doc?: string;
  readonly defaultValue?: unknown;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly fields?: readonly ConnectField[];
  readonly keySchema?: ConnectSchema;
  readonly valueSchema?: ConnectSchema;
}

export function connectSchema(
  type: ConnectType,
  extra: Partial<Omit<ConnectSchema, 'type'>> = {},
): ConnectSchema {
  return { optional: false, ...extra, type };
}

export function optional(schema: ConnectSchema): ConnectSchema {
  return { ...schema, optional: true };
}

export function structSchema(
  name: string | undefined,
  fields: readonly { readonly name: string; readonly schema: ConnectSchema }[],
  isOptional = false,
): ConnectSchema {
  return {
    type: 'STRUCT',
    optional: isOptional,
    ...(name === undefined ? {} : { name }),
    fields: fields.map((f, index) => ({ name: f.name, index, schema: f.schema })),
  };
}

export function decimalSchema(
  scale: number,
  precision?: number,
  isOptional = false,
): ConnectSchema {
  const parameters: Record<string, string> = { [DECIMAL_SCALE]: String(scale) };
  if (precision !== undefined) parameters[DECIMAL_PRECISION] = String(precision);
  return { type: 'BYTES', optional: isOptional, name: LOGICAL.decimal, version: 1, parameters };
}

export function timestampSchema(isOptional = false): ConnectSchema {
  return { type: 'INT64', optional: isOptional, name: LOGICAL.timestamp, version: 1 };
}

export function dateSchema(isOptional = false): ConnectSchema {
  return { type: 'INT32', optional: isOptional, name: LOGICAL.date, version: 1 };
}

export function timeSchema(isOptional = false): ConnectSchema {
  return { type: 'INT32', optional: isOptional, name: LOGICAL.time, version: 1 };
}

export function decimalScale(schema: ConnectSchema): number {
  return Number(schema.parameters?.[DECIMAL_SCALE] ?? '0');
}

export function field(schema: ConnectSchema, name: string): ConnectField | undefined {
  return schema.fields?.find((f) => f.name === name);
}

/** Structural equality, used to detect schema changes (sink auto.evolve, converter caches). */
export function sameSchema(a: ConnectSchema | null, b: ConnectSchema | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
