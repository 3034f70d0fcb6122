import {
  decimalScale,
  LOGICAL,
  DECIMAL_PRECISION,
  DECIMAL_SCALE,
  type ConnectSchema,
  type ConnectField,
} from '../data/connect-schema';
import { ConversionError, assertNever } from '../errors';

/** An Avro schema as JSON (what the registry stores). */
export type AvroSchema = string | { readonly [key: string]: unknown } | readonly AvroSchema[];

const DEFAULT_RECORD = 'io.confluent.connect.avro.ConnectDefault';

/**
 * How names Avro cannot hold are adjusted, as Debezium's `schema.name.adjustment.mode`:
 * `avro` replaces each invalid character with `_`, `avro_unicode` with `_uxxxx`.
 */
export type NameAdjustment = 'avro' | 'avro_unicode';

function adjustChar(c: string, mode: NameAdjustment): string {
  switch (mode) {
    case 'avro':
      return '_';
    case 'avro_unicode':
      return `_u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    default:
      return assertNever(mode);
  }
}

/** One Avro name segment: [A-Za-z_][A-Za-z0-9_]*. */
export function avroName(name: string, mode: NameAdjustment = 'avro'): string {
  const clean = name.replace(/[^A-Za-z0-9_]/g, (c) => adjustChar(c, mode));
  return /^[A-Za-z_]/.test(clean) ? clean : `_${clean}`;
}

/** A full name: each dot-separated segment adjusted on its own, so namespaces survive. */
export function avroFullName(name: string, mode: NameAdjustment = 'avro'): string {
  return name
    .split('.')
    .map((segment) => avroName(segment, mode))
    .join('.');
}

/**
 * State of one schema conversion: Avro forbids defining a named type twice, so a struct whose
 * name was already emitted (Debezium's `before` and `after`) becomes a reference by name.
 */
interface Naming {
  count: number;
  readonly defined: Set<string>;
  readonly mode: NameAdjustment;
}

function logical(
  schema: ConnectSchema,
  base: string,
  logicalType: string,
  extra: Record<string, unknown> = {},
): AvroSchema {
  return {
    type: base,
    ...extra,
    'connect.version': schema.version ?? 1,
    'connect.name': schema.name,
    logicalType,
  };
}

function nonNull(schema: ConnectSchema, names: Naming): AvroSchema {
  switch (schema.name) {
    case LOGICAL.decimal: {
      const precision = Number(schema.parameters?.[DECIMAL_PRECISION] ?? '64');
      const parameters = { [DECIMAL_SCALE]: String(decimalScale(schema)), ...schema.parameters };
      return logical(schema, 'bytes', 'decimal', {
        scale: decimalScale(schema),
        precision,
        'connect.parameters': parameters,
      });
    }
    case LOGICAL.date:
      return logical(schema, 'int', 'date');
    case LOGICAL.time:
      return logical(schema, 'int', 'time-millis');
    case LOGICAL.timestamp:
      return logical(schema, 'long', 'timestamp-millis');
    default:
      return annotated(schema, plain(schema, names));
  }
}

/** Named primitives (io.debezium.data.Enum, Json, ...) keep their Connect metadata, as Confluent's AvroData writes it. */
function annotated(schema: ConnectSchema, avro: AvroSchema): AvroSchema {
  if (schema.type === 'STRUCT' || schema.type === 'ARRAY' || schema.type === 'MAP') return avro;
  const json = defaultJson(schema.defaultValue);
  if (schema.name === undefined && json === undefined) return avro;
  const base: Record<string, unknown> = typeof avro === 'string' ? { type: avro } : { ...avro };
  if (schema.version !== undefined) base['connect.version'] = schema.version;
  if (schema.parameters !== undefined) base['connect.parameters'] = schema.parameters;
  if (json !== undefined) base['connect.default'] = json;
  if (schema.name !== undefined) base['connect.name'] = schema.name;
  return base;
}

/** A Connect default as Avro JSON; only defaults with one obvious JSON form are kept. */
function defaultJson(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'bigint':
      return Number(value);
    default:
      return undefined;
  }
}

function plain(schema: ConnectSchema, names: Naming): AvroSchema {
  switch (schema.type) {
    case 'INT8':
      return { type: 'int', 'connect.type': 'int8' };
    case 'INT16':
      return { type: 'int', 'connect.type': 'int16' };
    case 'INT32':
      return 'int';
    case 'INT64':
      return 'long';
    case 'FLOAT32':
      return 'float';
    case 'FLOAT64':
      return 'double';
    case 'BOOLEAN':
      return 'boolean';
    case 'STRING':
      return 'string';
    case 'BYTES':
      return 'bytes';
    case 'ARRAY':
      return { type: 'array', items: toAvro(required(schema.valueSchema), names) };
    case 'MAP':
      return { type: 'map', values: toAvro(required(schema.valueSchema), names) };
    case 'STRUCT':
      return record(schema, names);
    default:
      return assertNever(schema.type);
  }
}

function record(schema: ConnectSchema, names: Naming): AvroSchema {
  if (schema.name !== undefined) {
    const fullName = avroFullName(schema.name, names.mode);
    if (names.defined.has(fullName)) return fullName;
    names.defined.add(fullName);
  }
  names.count += 1;
  const name =
    schema.name ?? (names.count === 1 ? DEFAULT_RECORD : `${DEFAULT_RECORD}${names.count}`);
  const fields = (schema.fields ?? []).map((f) => avroField(f, names));
  return {
    type: 'record',
    name: avroFullName(name, names.mode),
    fields,
    ...(schema.name === undefined ? {} : { 'connect.name': schema.name }),
  };
}

function avroField(f: ConnectField, names: Naming): Record<string, unknown> {
  const type = toAvro(f.schema, names);
  // Field names follow Confluent's own scrub (Debezium adjusts them under a separate setting).
  const name = avroName(f.name);
  const json = defaultJson(f.schema.defaultValue);
  if (json !== undefined) return { name, type, default: json };
  return f.schema.optional ? { name, type, default: null } : { name, type };
}

function required(schema: ConnectSchema | undefined): ConnectSchema {
  if (schema === undefined) throw new ConversionError('ARRAY/MAP schema without a value schema');
  return schema;
}

function toAvro(schema: ConnectSchema, names: Naming): AvroSchema {
  const inner = nonNull(schema, names);
  if (!schema.optional) return inner;
  // An Avro field default must match the union's first branch.
  return defaultJson(schema.defaultValue) === undefined ? ['null', inner] : [inner, 'null'];
}

/**
 * Connect schema -> Avro schema, in the shape Confluent's AvroConverter registers: a named struct
 * is defined once and referenced by name afterwards; Connect defaults become Avro defaults; names
 * are adjusted segment by segment so a topic prefix like `my-server` stays registrable.
 */
export function connectToAvro(schema: ConnectSchema, mode: NameAdjustment = 'avro'): AvroSchema {
  return toAvro(schema, { count: 0, defined: new Set(), mode });
}
