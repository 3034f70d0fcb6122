import { text } from '../data/text';
import Decimal from 'decimal.js';
import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json';
import { decimalScale, LOGICAL, type ConnectSchema } from '../data/connect-schema';
import { ConversionError } from '../errors';
import type { Converter, ConverterPlugin, SchemaAndValue } from '../plugins/converter';
import type { Props } from '../plugins/source-connector';
import { bytesToDecimal, decimalToBytes } from './decimal-bytes';
import { connectToJsonSchema, jsonSchemaToConnect, type JsonSchema } from './json-schema-mapping';

export const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';

/*
 * Speed (bench/w5): lossless-json was most of a CDC pipeline's CPU, and the schema half of each
 * `{"schema": ..., "payload": ...}` is the same for every record of a table. So schemas are
 * rendered once per schema object and recognised byte-for-byte on the way in, and payloads go
 * through native JSON with integers too large for a double carried as exact digits.
 */
const SCHEMA_PREFIX = Buffer.from('{"schema":');
const PAYLOAD_SEPARATOR = Buffer.from(',"payload":');
const KNOWN_SCHEMAS_MAX = 32;
/** Placeholder for a bigint beyond 2^53 in native JSON.stringify output; swapped for its digits. */
const BIGINT_MARK = `__brook_bigint_${Math.random().toString(36).slice(2)}_`;
const BIGINT_MARKS = new RegExp(`"${BIGINT_MARK}(-?\\d+)"`, 'g');
/** Per schema object, the record's bytes up to its payload: `{"schema":...,"payload":`. */
const envelopeHeads = new WeakMap<ConnectSchema, Buffer>();
const NULL_SCHEMA_HEAD = Buffer.from('{"schema":null,"payload":');
const ENVELOPE_TAIL = Buffer.from('}');

function envelopeHead(schema: ConnectSchema | null): Buffer {
  if (schema === null) return NULL_SCHEMA_HEAD;
  let head = envelopeHeads.get(schema);
  if (head === undefined) {
    head = Buffer.from(`{"schema":${stringify(connectToJsonSchema(schema)) ?? 'null'},"payload":`);
    envelopeHeads.set(schema, head);
  }
  return head;
}

function exactInteger(value: bigint): number | string {
  return value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER
    ? Number(value)
    : `${BIGINT_MARK}${value}`;
}

/**
 * Native JSON.stringify; bigints beyond 2^53 were turned into marks by `encode`/`plainJson` and
 * go out as their exact digits. A bigint left anywhere else takes the slower replacer pass.
 */
function stringifyMarked(value: unknown): string {
  let out: string;
  try {
    out = JSON.stringify(value) ?? 'null';
  } catch {
    out =
      JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? exactInteger(v) : v)) ??
      'null';
  }
  return out.includes(BIGINT_MARK) ? out.replace(BIGINT_MARKS, '$1') : out;
}

/**
 * Native JSON.parse; 16+ digit integers are first quoted so they arrive as exact digit strings,
 * which `decode` turns into numbers per schema (`quoted`).
 */
function parseExact(json: string): { value: unknown; quoted: boolean } {
  const quoted = quoteLongIntegers(json);
  return quoted === null
    ? { value: JSON.parse(json) as unknown, quoted: false }
    : { value: JSON.parse(quoted) as unknown, quoted: true };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * `json` with every integer literal of 16+ digits outside strings put in quotes (some may exceed
 * 2^53), or null when it has none. One pass over the text; invalid JSON is left for JSON.parse.
 */
function quoteLongIntegers(json: string): string | null {
  let out: string | null = null;
  let copied = 0;
  const n = json.length;
  let i = 0;
  while (i < n) {
    const c = json.charCodeAt(i);
    if (c === 34) {
      for (i++; i < n; i++) {
        const d = json.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
      i++;
      continue;
    }
    if (c !== 45 && !isDigit(c)) {
      i++;
      continue;
    }
    const start = i;
    let integer = true;
    for (i++; i < n; i++) {
      const d = json.charCodeAt(i);
      if (isDigit(d)) continue;
      if (d === 46 || d === 101 || d === 69 || d === 43 || d === 45) integer = false;
      else break;
    }
    if (integer && i - start - (c === 45 ? 1 : 0) >= 16) {
      out = `${out ?? ''}${json.slice(copied, start)}"${json.slice(start, i)}"`;
      copied = i;
    }
  }
  return out === null ? null : out + json.slice(copied);
}

const fieldKeys = new Map<string, string>();

/** `"name":`, escaped once per field name. */
function fieldKey(name: string): string {
  let key = fieldKeys.get(name);
  if (key === undefined) {
    key = `${JSON.stringify(name)}:`;
    if (fieldKeys.size < 10_000) fieldKeys.set(name, key);
  }
  return key;
}

/** `pattern` occurs in `bytes` at `at`. */
function bytesAt(bytes: Buffer, pattern: Buffer, at: number): boolean {
  return (
    at + pattern.length <= bytes.length && pattern.compare(bytes, at, at + pattern.length) === 0
  );
}

/** `out[name] = value`, also for a field named `__proto__` (an own property, as JSON has it). */
function setField(out: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__')
    Object.defineProperty(out, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else out[name] = value;
}

interface KnownSchema {
  readonly text: Buffer;
  readonly schema: ConnectSchema | null;
}

/**
 * Connect's JsonConverter. With `schemas.enable=true` (default) records are
 * `{"schema": ..., "payload": ...}`; without, the bare payload (decoded with a null schema).
 * Decimals follow `decimal.format` (BASE64 default, or NUMERIC).
 */
export class JsonConverter implements Converter {
  private schemasEnabled = true;
  private numericDecimals = false;
  /** Schema texts seen in records, most recent last (see `readKnown`). */
  private readonly known: KnownSchema[] = [];

  configure(props: Props): void {
    this.schemasEnabled = (props['schemas.enable'] ?? 'true').toLowerCase() !== 'false';
    this.numericDecimals = (props['decimal.format'] ?? 'BASE64').toUpperCase() === 'NUMERIC';
  }

  fromConnectData(
    _topic: string,
    schema: ConnectSchema | null,
    value: unknown,
  ): Promise<Buffer | null> {
    if (value === null && (schema === null || schema.optional) && !this.schemasEnabled)
      return Promise.resolve(null);
    if (value === null && schema === null) return Promise.resolve(null);
    const payload =
      schema === null ? stringifyMarked(plainJson(value)) : this.serialize(schema, value);
    if (!this.schemasEnabled) return Promise.resolve(Buffer.from(payload));
    return Promise.resolve(
      Buffer.concat([envelopeHead(schema), Buffer.from(payload), ENVELOPE_TAIL]),
    );
  }

  toConnectData(topic: string, bytes: Buffer | null): Promise<SchemaAndValue> {
    try {
      return Promise.resolve(this.read(topic, bytes));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new ConversionError(String(error)));
    }
  }

  private read(topic: string, bytes: Buffer | null): SchemaAndValue {
    if (bytes === null) return { schema: null, value: null };
    if (this.schemasEnabled) {
      const known = this.readKnown(bytes);
      if (known !== undefined) return known;
    }
    let parsed: unknown;
    try {
      parsed = parse(bytes.toString('utf8'), undefined, parseJsonNumber);
    } catch (cause) {
      throw new ConversionError(`record on ${topic} is not valid JSON`, { topic, cause });
    }
    if (!this.schemasEnabled) return { schema: null, value: parsed };
    const envelope = parsed as { schema?: JsonSchema | null; payload?: unknown } | null;
    if (
      envelope === null ||
      typeof envelope !== 'object' ||
      !('payload' in envelope) ||
      !('schema' in envelope)
    ) {
      throw new ConversionError(
        'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.',
        { topic },
      );
    }
    if (envelope.schema === null || envelope.schema === undefined) {
      this.learn(bytes, envelope.schema ?? null, null);
      return { schema: null, value: envelope.payload ?? null };
    }
    const schema = jsonSchemaToConnect(envelope.schema);
    this.learn(bytes, envelope.schema, schema);
    return { schema, value: this.decode(schema, envelope.payload ?? null) };
  }

  /**
   * A record that is exactly `{"schema":S,"payload":P}` with S byte-equal to a schema seen before:
   * only P is parsed, and the schema object is shared (cheap identity checks downstream). If P is
   * not one valid JSON value the whole record takes the general path.
   */
  private readKnown(bytes: Buffer): SchemaAndValue | undefined {
    const n = bytes.length;
    if (bytes[n - 1] !== 0x7d || !bytesAt(bytes, SCHEMA_PREFIX, 0)) return undefined;
    for (let i = this.known.length - 1; i >= 0; i--) {
      const k = this.known[i]!;
      const end = SCHEMA_PREFIX.length + k.text.length;
      if (
        end + PAYLOAD_SEPARATOR.length >= n ||
        !bytesAt(bytes, k.text, SCHEMA_PREFIX.length) ||
        !bytesAt(bytes, PAYLOAD_SEPARATOR, end)
      )
        continue;
      let payload: { value: unknown; quoted: boolean };
      try {
        payload = parseExact(bytes.toString('utf8', end + PAYLOAD_SEPARATOR.length, n - 1));
      } catch {
        return undefined;
      }
      if (k.schema === null) return { schema: null, value: payload.value ?? null };
      return {
        schema: k.schema,
        value: this.decode(k.schema, payload.value ?? null, payload.quoted),
      };
    }
    return undefined;
  }

  /** Remembers a record's schema text when the record has the compact layout `readKnown` reads. */
  private learn(bytes: Buffer, json: JsonSchema | null, schema: ConnectSchema | null): void {
    let text: Buffer;
    try {
      text = Buffer.from(stringify(json) ?? 'null');
    } catch {
      return;
    }
    const end = SCHEMA_PREFIX.length + text.length;
    if (
      !bytesAt(bytes, SCHEMA_PREFIX, 0) ||
      !bytesAt(bytes, text, SCHEMA_PREFIX.length) ||
      !bytesAt(bytes, PAYLOAD_SEPARATOR, end)
    )
      return;
    if (this.known.length >= KNOWN_SCHEMAS_MAX) this.known.shift();
    this.known.push({ text, schema });
  }

  /**
   * The JSON text of `encode(schema, value)`, written straight from the schema: structs (the
   * bulk of a change event) are concatenated field by field without building the encoded tree.
   */
  private serialize(schema: ConnectSchema, value: unknown): string {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'bigint') return value.toString();
    if (schema.type === 'STRUCT' && schema.name !== LOGICAL.decimal) {
      const input = value as Record<string, unknown>;
      let out = '{';
      const fields = schema.fields ?? [];
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        out += `${i === 0 ? '' : ','}${fieldKey(f.name)}${this.serialize(f.schema, input[f.name])}`;
      }
      return `${out}}`;
    }
    return stringifyMarked(this.encode(schema, value));
  }

  private encode(schema: ConnectSchema, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (typeof value === 'bigint') return exactInteger(value);
    if (schema.name === LOGICAL.decimal) {
      const d = value instanceof Decimal ? value : new Decimal(text(value));
      return this.numericDecimals
        ? Number(d.toFixed(decimalScale(schema)))
        : decimalToBytes(d, decimalScale(schema)).toString('base64');
    }
    switch (schema.type) {
      case 'BYTES':
        return Buffer.isBuffer(value) ? value.toString('base64') : value;
      case 'STRUCT': {
        const input = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const f of schema.fields ?? [])
          setField(out, f.name, this.encode(f.schema, input[f.name]));
        return out;
      }
      case 'ARRAY':
        return (value as readonly unknown[]).map((v) => this.encode(schema.valueSchema!, v));
      case 'MAP': {
        const entries =
          value instanceof Map
            ? [...(value as Map<unknown, unknown>).entries()]
            : Object.entries(value);
        return Object.fromEntries(
          entries.map(([k, v]) => [String(k), this.encode(schema.valueSchema!, v)]),
        );
      }
      default:
        return value;
    }
  }

  /** `quoted`: long integers arrived as digit strings (`parseExact`). */
  private decode(schema: ConnectSchema, value: unknown, quoted = false): unknown {
    if (value === null || value === undefined) return null;
    if (schema.name === LOGICAL.decimal) {
      return typeof value === 'string'
        ? bytesToDecimal(Buffer.from(value, 'base64'), decimalScale(schema))
        : new Decimal(text(value));
    }
    switch (schema.type) {
      case 'INT64':
        return schema.name === LOGICAL.timestamp ? Number(value) : BigInt(value as number | bigint);
      case 'BYTES':
        return Buffer.from(text(value), 'base64');
      case 'STRUCT': {
        const input = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const f of schema.fields ?? [])
          setField(out, f.name, this.decode(f.schema, input[f.name], quoted));
        return out;
      }
      case 'ARRAY':
        return (value as readonly unknown[]).map((v) =>
          this.decode(schema.valueSchema!, v, quoted),
        );
      case 'MAP':
        return new Map(
          Object.entries(value).map(([k, v]) => [k, this.decode(schema.valueSchema!, v, quoted)]),
        );
      case 'INT8':
      case 'INT16':
      case 'INT32':
      case 'FLOAT32':
      case 'FLOAT64':
        return quoted && typeof value === 'string' ? Number(value) : value;
      default:
        return typeof value === 'bigint' ? Number(value) : value;
    }
  }
}

/** Safe integers as numbers, larger ones as bigints (no rounding), the rest as doubles. */
function parseJsonNumber(value: string): number | bigint {
  return isInteger(value) && !isSafeNumber(value) ? BigInt(value) : Number(value);
}

function plainJson(value: unknown): unknown {
  if (typeof value === 'bigint') return exactInteger(value);
  if (value instanceof Map)
    return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), plainJson(v)]));
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (value instanceof Decimal) return value.toString();
  if (Array.isArray(value)) return value.map(plainJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainJson(v)]));
  return value;
}

export const jsonConverterPlugin: ConverterPlugin = {
  className: JSON_CONVERTER,
  create: () => new JsonConverter(),
};
