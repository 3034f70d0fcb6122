import type * as avro from 'avsc';

type Fields = Record<string, unknown>;

/**
 * Shapes a datum built from the columns to a writer schema that Brook did not derive (a pinned
 * `VALUE_SCHEMA_ID`): record fields are matched case-insensitively, and a field the row has no
 * value for takes the schema's default when its type cannot hold null, as ksqlDB's Avro
 * converter does. Nested records, arrays, maps and union branches are shaped the same way.
 */
export function fitToWriter(datum: unknown, writer: avro.Type): unknown {
  if (datum === null || datum === undefined) return datum;
  switch (writer.typeName) {
    case 'record':
    case 'error':
      return isPlainObject(datum) ? fitRecord(datum, writer as avro.types.RecordType) : datum;
    case 'array':
      return Array.isArray(datum)
        ? fitArray(datum as unknown[], writer as avro.types.ArrayType)
        : datum;
    case 'map':
      return isPlainObject(datum) ? fitMap(datum, writer as avro.types.MapType) : datum;
    case 'union:unwrapped':
      return fitUnion(datum, writer as avro.types.UnwrappedUnionType);
    default:
      return datum;
  }
}

function fitRecord(datum: Fields, writer: avro.types.RecordType): Fields {
  const byUpper = new Map(Object.keys(datum).map((k) => [k.toUpperCase(), k]));
  const out: Fields = {};
  for (const field of writer.fields) {
    const key = field.name in datum ? field.name : byUpper.get(field.name.toUpperCase());
    const value = key === undefined ? null : fitToWriter(datum[key], field.type);
    const missing = value === null || value === undefined;
    const fallback: unknown =
      missing && !field.type.isValid(null) ? field.defaultValue() : undefined;
    out[field.name] = fallback !== undefined ? fallback : (value ?? null);
  }
  return out;
}

function fitArray(datum: readonly unknown[], writer: avro.types.ArrayType): unknown[] {
  const items = writer.itemsType;
  return datum.map((d) => fitToWriter(d, items));
}

function fitMap(datum: Fields, writer: avro.types.MapType): Fields {
  const values = writer.valuesType as avro.Type;
  const out: Fields = {};
  for (const [k, v] of Object.entries(datum)) out[k] = fitToWriter(v, values);
  return out;
}

/** An object goes to the union's first record (or map) branch; other values stay as they are. */
function fitUnion(datum: unknown, union: avro.types.UnwrappedUnionType): unknown {
  if (!isPlainObject(datum)) return datum;
  const branch = union.types.find((t) => t.typeName === 'record' || t.typeName === 'map');
  return branch ? fitToWriter(datum, branch) : datum;
}

function isPlainObject(v: unknown): v is Fields {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || Buffer.isBuffer(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
