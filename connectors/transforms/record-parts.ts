import type { ConnectRecord } from '../data/connect-record';
import type { ConnectSchema } from '../data/connect-schema';
import { DataError } from '../errors';

/** Which half of a record a `$Key` / `$Value` transformation works on. */
export type Side = 'key' | 'value';

export interface Part {
  readonly schema: ConnectSchema | null;
  readonly value: unknown;
}

export function partOf(record: ConnectRecord, side: Side): Part {
  return side === 'key'
    ? { schema: record.keySchema, value: record.key }
    : { schema: record.valueSchema, value: record.value };
}

export function withPart<R extends ConnectRecord>(record: R, side: Side, part: Part): R {
  return side === 'key'
    ? { ...record, keySchema: part.schema, key: part.value }
    : { ...record, valueSchema: part.schema, value: part.value };
}

export type Struct = Record<string, unknown>;

/** A struct (with schema) or a schemaless map (plain object) the transformation can edit. */
export function requireStruct(value: unknown, what: string): Struct {
  if (value instanceof Map) return Object.fromEntries(value) as Struct;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value))
    throw new DataError(
      `Only Struct or Map objects supported for [${what}], found: ${value === null ? 'null' : typeof value}`,
    );
  return value as Struct;
}

/** `a:b,c:d` -> [[a,b],[c,d]] (Connect's renames syntax). */
export function pairs(list: readonly string[]): [string, string][] {
  return list.map((entry) => {
    const i = entry.indexOf(':');
    if (i < 0) throw new DataError(`Invalid rename mapping: ${entry}`);
    return [entry.slice(0, i).trim(), entry.slice(i + 1).trim()];
  });
}
