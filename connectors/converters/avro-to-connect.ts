import { text } from '../data/text';
import {
  connectSchema,
  dateSchema,
  decimalSchema,
  structSchema,
  timeSchema,
  timestampSchema,
  type ConnectSchema,
} from '../data/connect-schema';
import { ConversionError } from '../errors';
import type { AvroSchema } from './avro-schema-mapping';

type AvroObject = { readonly [key: string]: unknown };

const PRIMITIVES: Record<string, ConnectSchema['type']> = {
  int: 'INT32',
  long: 'INT64',
  float: 'FLOAT32',
  double: 'FLOAT64',
  boolean: 'BOOLEAN',
  string: 'STRING',
  bytes: 'BYTES',
};

/** Avro schema (any writer, Connect's or ksqlDB's) -> Connect schema. Named types resolve via `named`. */
export function avroToConnect(
  schema: AvroSchema,
  named = new Map<string, ConnectSchema>(),
  isOptional = false,
): ConnectSchema {
  if (Array.isArray(schema)) {
    const branches = (schema as readonly AvroSchema[]).filter((b) => b !== 'null');
    if (branches.length === 1 && branches.length < schema.length)
      return avroToConnect(branches[0]!, named, true);
    throw new ConversionError(
      `Avro union ${JSON.stringify(schema)} has no Connect equivalent (only [null, T] is supported)`,
    );
  }
  if (typeof schema === 'string') {
    const primitive = PRIMITIVES[schema];
    if (primitive !== undefined) return connectSchema(primitive, { optional: isOptional });
    const ref = named.get(schema);
    if (ref !== undefined) return { ...ref, optional: isOptional };
    throw new ConversionError(`unknown Avro type ${schema}`);
  }
  return fromObject(schema as AvroObject, named, isOptional);
}

function fromObject(
  s: AvroObject,
  named: Map<string, ConnectSchema>,
  isOptional: boolean,
): ConnectSchema {
  const type = s['type'];
  switch (s['logicalType']) {
    case 'decimal':
      return decimalSchema(
        Number(s['scale'] ?? 0),
        s['precision'] === undefined ? undefined : Number(s['precision']),
        isOptional,
      );
    case 'date':
      return dateSchema(isOptional);
    case 'time-millis':
      return timeSchema(isOptional);
    case 'timestamp-millis':
      return timestampSchema(isOptional);
    default:
      break;
  }
  if (type === 'int' && s['connect.type'] === 'int8')
    return connectSchema('INT8', { optional: isOptional });
  if (type === 'int' && s['connect.type'] === 'int16')
    return connectSchema('INT16', { optional: isOptional });
  if (typeof type === 'string' && PRIMITIVES[type] !== undefined && s['connect.name'] !== undefined)
    return connectSchema(PRIMITIVES[type], {
      optional: isOptional,
      name: text(s['connect.name']),
      ...(s['connect.version'] === undefined ? {} : { version: Number(s['connect.version']) }),
      ...(s['connect.parameters'] === undefined
        ? {}
        : { parameters: s['connect.parameters'] as Record<string, string> }),
      ...(s['connect.default'] === undefined ? {} : { defaultValue: s['connect.default'] }),
    });
  switch (type) {
    case 'record': {
      const name = text(s['connect.name'] ?? qualified(s));
      const fields = (s['fields'] as readonly AvroObject[]).map((f) => ({
        name: String(f['name']),
        schema: avroToConnect(f['type'] as AvroSchema, named),
      }));
      const struct = structSchema(name, fields, isOptional);
      named.set(qualified(s), struct);
      return struct;
    }
    case 'array':
      return connectSchema('ARRAY', {
        optional: isOptional,
        valueSchema: avroToConnect(s['items'] as AvroSchema, named),
      });
    case 'map':
      return connectSchema('MAP', {
        optional: isOptional,
        keySchema: connectSchema('STRING'),
        valueSchema: avroToConnect(s['values'] as AvroSchema, named),
      });
    case 'enum':
      return connectSchema('STRING', { optional: isOptional });
    case 'fixed':
      return connectSchema('BYTES', { optional: isOptional });
    default:
      return avroToConnect(type as AvroSchema, named, isOptional);
  }
}

function qualified(s: AvroObject): string {
  const name = String(s['name']);
  return s['namespace'] === undefined || name.includes('.')
    ? name
    : `${text(s['namespace'])}.${name}`;
}
