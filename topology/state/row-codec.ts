import Decimal from 'decimal.js';
import type { Column, SqlType } from '../spec';
import type { Row } from '../serdes/serde-contract';

type Json = null | boolean | number | string | Json[];

/**
 * The runtime's internal encoding of rows in stores, changelogs and repartition topics:
 * lossless, deterministic JSON driven by the column types (equal rows give equal bytes, which
 * store keys rely on). Not a user format: users never read these bytes.
 */
export function encodeRow(columns: readonly Column[], row: Row): Buffer {
  return Buffer.from(JSON.stringify(encodeRowJson(columns, row)));
}

export function decodeRow(columns: readonly Column[], bytes: Buffer): Row {
  return decodeRowJson(columns, JSON.parse(bytes.toString('utf8')) as Json);
}

export function encodeRowJson(columns: readonly Column[], row: Row): Json[] {
  return columns.map((c, i) => encodeValue(c.type, row[i] ?? null));
}

export function decodeRowJson(columns: readonly Column[], json: Json): Row {
  const items = Array.isArray(json) ? json : [];
  return columns.map((c, i) => decodeValue(c.type, items[i] ?? null));
}

export function encodeValue(type: SqlType, value: unknown): Json {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'BIGINT':
      return (value as bigint).toString();
    case 'DECIMAL':
      return (value as Decimal).toFixed(type.scale);
    case 'DOUBLE':
      return Number.isFinite(value) ? (value as number) : (value as number).toString();
    case 'BYTES':
      return (value as Buffer).toString('base64');
    case 'ARRAY':
      return (value as unknown[]).map((v) => encodeValue(type.element, v));
    case 'MAP':
      return [...(value as Map<unknown, unknown>)].map(([k, v]) => [
        encodeValue(type.key, k),
        encodeValue(type.value, v),
      ]);
    case 'STRUCT': {
      const struct = value as Record<string, unknown>;
      return type.fields.map((f) => encodeValue(f.type, struct[f.name]));
    }
    default:
      return value as Json;
  }
}

export function decodeValue(type: SqlType, json: Json): unknown {
  if (json === null) return null;
  switch (type.kind) {
    case 'BIGINT':
      return BigInt(json as string);
    case 'DECIMAL':
      return new Decimal(json as string);
    case 'DOUBLE':
      return typeof json === 'string' ? Number(json) : json;
    case 'BYTES':
      return Buffer.from(json as string, 'base64');
    case 'ARRAY':
      return (json as Json[]).map((v) => decodeValue(type.element, v));
    case 'MAP':
      return new Map(
        (json as Json[][]).map(([k, v]) => [
          decodeValue(type.key, k ?? null),
          decodeValue(type.value, v ?? null),
        ]),
      );
    case 'STRUCT': {
      const items = json as Json[];
      return Object.fromEntries(
        type.fields.map((f, i) => [f.name, decodeValue(f.type, items[i] ?? null)]),
      );
    }
    default:
      return json;
  }
}
