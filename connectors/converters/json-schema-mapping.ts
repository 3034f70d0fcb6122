import { LOGICAL, type ConnectSchema, type ConnectType } from '../data/connect-schema';
import { ConversionError } from '../errors';

/** Connect's JSON schema envelope (`{"schema": ..., "payload": ...}`) schema part. */
export interface JsonSchema {
  readonly type: string;
  readonly optional: boolean;
  readonly name?: string;
  readonly version?: number;
  readonly doc?: string;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly field?: string;
  readonly fields?: readonly JsonSchema[];
  readonly items?: JsonSchema;
  readonly keys?: JsonSchema;
  readonly values?: JsonSchema;
}

const TO_JSON: Record<ConnectType, string> = {
  INT8: 'int8',
  INT16: 'int16',
  INT32: 'int32',
  INT64: 'int64',
  FLOAT32: 'float',
  FLOAT64: 'double',
  BOOLEAN: 'boolean',
  STRING: 'string',
  BYTES: 'bytes',
  ARRAY: 'array',
  MAP: 'map',
  STRUCT: 'struct',
};
const FROM_JSON = new Map(Object.entries(TO_JSON).map(([k, v]) => [v, k as ConnectType]));

export function connectToJsonSchema(schema: ConnectSchema, fieldName?: string): JsonSchema {
  return {
    type: TO_JSON[schema.type],
    ...(schema.fields
      ? { fields: schema.fields.map((f) => connectToJsonSchema(f.schema, f.name)) }
      : {}),
    ...(schema.type === 'ARRAY' && schema.valueSchema
      ? { items: connectToJsonSchema(schema.valueSchema) }
      : {}),
    ...(schema.type === 'MAP' && schema.keySchema
      ? { keys: connectToJsonSchema(schema.keySchema) }
      : {}),
    ...(schema.type === 'MAP' && schema.valueSchema
      ? { values: connectToJsonSchema(schema.valueSchema) }
      : {}),
    optional: schema.optional,
    ...(schema.name === undefined ? {} : { name: schema.name }),
    ...(schema.version === undefined ? {} : { version: schema.version }),
    ...(schema.parameters === undefined ? {} : { parameters: schema.parameters }),
    ...(fieldName === undefined ? {} : { field: fieldName }),
  };
}

export function jsonSchemaToConnect(json: JsonSchema): ConnectSchema {
  const type = FROM_JSON.get(json.type);
  if (type === undefined)
    throw new ConversionError(`unknown Connect JSON schema type ${json.type}`);
  return {
    type,
    optional: json.optional === true,
    ...(json.name === undefined ? {} : { name: json.name }),
    ...(json.version === undefined ? {} : { version: json.version }),
    ...(json.parameters === undefined ? {} : { parameters: json.parameters }),
    ...(json.fields
      ? {
          fields: json.fields.map((f, index) => ({
            name: String(f.field),
            index,
            schema: jsonSchemaToConnect(f),
          })),
        }
      : {}),
    ...(json.items ? { valueSchema: jsonSchemaToConnect(json.items) } : {}),
    ...(json.keys ? { keySchema: jsonSchemaToConnect(json.keys) } : {}),
    ...(json.values ? { valueSchema: jsonSchemaToConnect(json.values) } : {}),
  };
}

export const isLogical = (schema: ConnectSchema, name: keyof typeof LOGICAL): boolean =>
  schema.name === LOGICAL[name];
