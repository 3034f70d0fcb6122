import Decimal from 'decimal.js';
import { LosslessNumber, stringify } from 'lossless-json';
import { formatSqlType, type SqlType } from '../spec';
import type { Value } from '../functions';

/** Thrown when a JSON node does not fit the SQL type; the serde adds topic and side. */
export class JsonCoercionError extends Error {}

const fail = (node: unknown, type: SqlType, path: string): never => {
  const shown = node instanceof LosslessNumber ? node.value : JSON.stringify(node);
  throw new JsonCoercionError(`Can't convert ${shown} to ${formatSqlType(type)} at ${path || '$'}`);
};

function numberText(node: unknown): string | undefined {
  if (node instanceof LosslessNumber) return node.value;
  if (typeof node === 'number') return String(node);
  if (typeof node === 'string' && node.trim() !== '' && !Number.isNaN(Number(node)))
    return node.trim();
  return undefined;
}

/**
 * Converts a JSON node (parsed by lossless-json, numbers as LosslessNumber) into the run-time
 * value of a SQL type, with ksqlDB's leniency: numbers in strings, fractional numbers truncated
 * into integer columns, any scalar into a STRING column, field names matched case-insensitively.
 */
export function readJsonValue(node: unknown, type: SqlType, path = ''): Value {
  if (node === null || node === undefined) return null;
  switch (type.kind) {
    case 'BOOLEAN':
      if (typeof node === 'boolean') return node;
      if (typeof node === 'string' && /^(true|false)$/i.test(node))
        return node.toLowerCase() === 'true';
      return fail(node, type, path);
    case 'INTEGER':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP': {
      const text = numberText(node);
      if (text !== undefined) return Math.trunc(Number(text));
      const temporal = typeof node === 'string' ? temporalFromText(node, type.kind) : undefined;
      return temporal === undefined ? fail(node, type, path) : temporal;
    }
    case 'BIGINT': {
      const text = numberText(node);
      if (text === undefined) return fail(node, type, path);
      return /^-?\d+$/.test(text) ? BigInt(text) : BigInt(new Decimal(text).trunc().toFixed());
    }
    case 'DOUBLE': {
      if (typeof node === 'string' && /^(NaN|-?Infinity)$/.test(node)) return Number(node);
      const text = numberText(node);
      return text === undefined ? fail(node, type, path) : Number(text);
    }
    case 'DECIMAL': {
      const text = numberText(node);
      return text === undefined
        ? fail(node, type, path)
        : new Decimal(text).toDecimalPlaces(type.scale, Decimal.ROUND_HALF_UP);
    }
    case 'STRING':
      if (typeof node === 'string') return node;
      if (node instanceof LosslessNumber) return node.value;
      if (typeof node === 'boolean' || typeof node === 'number') return String(node);
      return stringify(node) ?? 'null';
    case 'BYTES':
      return typeof node === 'string' ? Buffer.from(node, 'base64') : fail(node, type, path);
    case 'ARRAY':
      return Array.isArray(node)
        ? node.map((e, i) => readJsonValue(e, type.element, `${path}[${i}]`))
        : fail(node, type, path);
    case 'MAP':
      return readMap(node, type, path);
    case 'STRUCT':
      return readStruct(node, type, path);
  }
}

const DAY_MS = 86_400_000;

/**
 * Temporal values written as text, as ksqlDB's JSON reader accepts them: ISO-8601 timestamps
 * (UTC when no zone is given), `yyyy-MM-dd` dates and `HH:mm[:ss[.SSS]]` times.
 */
function temporalFromText(text: string, kind: SqlType['kind']): number | undefined {
  const t = text.trim();
  if (kind === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t))
    return Date.parse(`${t}T00:00:00Z`) / DAY_MS;
  if (kind === 'TIME') {
    const m = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(t);
    if (!m) return undefined;
    const [h, min, sec, ms] = [m[1], m[2], m[3] ?? '0', (m[4] ?? '0').padEnd(3, '0')].map(
      Number,
    ) as [number, number, number, number];
    return ((h * 60 + min) * 60 + sec) * 1000 + ms;
  }
  if (kind === 'TIMESTAMP' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t)) {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`;
    const ms = Date.parse(zoned);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

function isObject(node: unknown): node is Record<string, unknown> {
  return (
    typeof node === 'object' &&
    node !== null &&
    !Array.isArray(node) &&
    !(node instanceof LosslessNumber)
  );
}

function readMap(node: unknown, type: Extract<SqlType, { kind: 'MAP' }>, path: string): Value {
  if (!isObject(node)) return fail(node, type, path);
  const map = new Map<unknown, Value>();
  for (const [k, v] of Object.entries(node)) {
    const key = type.key.kind === 'STRING' ? k : readJsonValue(k, type.key, `${path}.${k}`);
    map.set(key, readJsonValue(v, type.value, `${path}.${k}`));
  }
  return map;
}

function readStruct(
  node: unknown,
  type: Extract<SqlType, { kind: 'STRUCT' }>,
  path: string,
): Value {
  if (!isObject(node)) return fail(node, type, path);
  const fields = new FieldLookup(node);
  const out: Record<string, Value> = {};
  for (const f of type.fields)
    out[f.name] = readJsonValue(fields.get(f.name), f.type, `${path}.${f.name}`);
  return out;
}

/**
 * Field lookup with ksqlDB's case-insensitive matching: the exact name first (the common case,
 * since ksqlDB writes upper-case names), then the upper-cased names, indexed on first need.
 */
export class FieldLookup {
  private upper: Map<string, unknown> | undefined;
  constructor(private readonly node: Record<string, unknown>) {}

  get(name: string): unknown {
    if (Object.prototype.hasOwnProperty.call(this.node, name)) return this.node[name];
    if (!this.upper) {
      this.upper = new Map();
      for (const [k, v] of Object.entries(this.node)) {
        if (!this.upper.has(k.toUpperCase())) this.upper.set(k.toUpperCase(), v);
      }
    }
    return this.upper.get(name.toUpperCase());
  }
}

export function isJsonObject(node: unknown): node is Record<string, unknown> {
  return isObject(node);
}
