import Decimal from 'decimal.js';
import {
  connectSchema,
  dateSchema,
  decimalSchema,
  structSchema,
  timeSchema,
  timestampSchema,
  type ConnectSchema,
} from '../data/connect-schema';
import { decimalToBytes } from '../converters/decimal-bytes';
import {
  dateDays,
  intervalIso,
  intervalMicros,
  isoInstant,
  timeMicros,
  timestampMicros,
} from './pg-temporal-text';

export type DecimalMode = 'precise' | 'double' | 'string';
export type TimeMode =
  | 'adaptive'
  | 'adaptive_time_microseconds'
  | 'connect'
  | 'microseconds'
  | 'nanoseconds'
  | 'isostring';
export type BinaryMode = 'bytes' | 'base64' | 'base64-url-safe' | 'hex';

export interface TypeOptions {
  readonly decimal: DecimalMode;
  readonly time: TimeMode;
  readonly binary: BinaryMode;
  readonly interval: 'numeric' | 'string';
  /** `hstore.handling.mode`; json when absent. */
  readonly hstore?: 'json' | 'map';
}

/**
 * What the catalog says about a type whose OID is not fixed: enums (labels in sort order),
 * extension types such as hstore (by name), and arrays of those (their element).
 */
export interface PgTypeInfo {
  readonly name: string;
  readonly enumLabels: readonly string[] | null;
  readonly element: { readonly oid: number; readonly info: PgTypeInfo } | null;
}

/** How one column's text value becomes a Connect value, as Debezium maps Postgres types. */
export interface ColumnMapping {
  readonly schema: ConnectSchema;
  readonly convert: (text: string) => unknown;
}

const named = (type: ConnectSchema['type'], name: string, extra: Partial<ConnectSchema> = {}) =>
  connectSchema(type, { name, version: 1, ...extra });

const VARIABLE_SCALE = structSchema('io.debezium.data.VariableScaleDecimal', [
  { name: 'scale', schema: connectSchema('INT32') },
  { name: 'value', schema: connectSchema('BYTES') },
]);

const plain = (schema: ConnectSchema, convert: (t: string) => unknown = (t) => t) => ({
  schema,
  convert,
});

function numericMapping(typmod: number, o: TypeOptions, fixedScale?: number): ColumnMapping {
  const clean = (t: string) => t.replace(/[^0-9.eE+-]|(?<=.)-/g, '');
  if (o.decimal === 'double') return plain(connectSchema('FLOAT64'), (t) => Number(clean(t)));
  if (o.decimal === 'string') return plain(connectSchema('STRING'), clean);
  const scale = fixedScale ?? (typmod < 0 ? undefined : (typmod - 4) & 0xffff);
  if (scale === undefined)
    return plain(VARIABLE_SCALE, (t) => {
      if (t === 'NaN') return null;
      const d = new Decimal(clean(t));
      const s = Math.max(0, d.decimalPlaces());
      return { scale: s, value: decimalToBytes(d, s) };
    });
  const precision = fixedScale !== undefined ? undefined : ((typmod - 4) >> 16) & 0xffff;
  return plain(decimalSchema(scale, precision), (t) =>
    t === 'NaN' ? null : new Decimal(clean(t)).toDecimalPlaces(scale),
  );
}

function precisionOf(typmod: number): number {
  return typmod < 0 ? 6 : typmod;
}

function timestampMapping(typmod: number, o: TypeOptions): ColumnMapping {
  const p = precisionOf(typmod);
  switch (o.time) {
    case 'connect':
      return plain(timestampSchema(), (t) => Number(timestampMicros(t) / 1000n));
    case 'isostring':
      return plain(named('STRING', 'io.debezium.time.IsoTimestamp'), (t) =>
        isoInstant(timestampMicros(t)),
      );
    case 'nanoseconds':
      return plain(
        named('INT64', 'io.debezium.time.NanoTimestamp'),
        (t) => timestampMicros(t) * 1000n,
      );
    case 'microseconds':
      return plain(named('INT64', 'io.debezium.time.MicroTimestamp'), timestampMicros);
    case 'adaptive':
    case 'adaptive_time_microseconds':
      return p <= 3
        ? plain(named('INT64', 'io.debezium.time.Timestamp'), (t) => timestampMicros(t) / 1000n)
        : plain(named('INT64', 'io.debezium.time.MicroTimestamp'), timestampMicros);
  }
}

function timeMapping(typmod: number, o: TypeOptions): ColumnMapping {
  const p = precisionOf(typmod);
  if (o.time === 'connect') return plain(timeSchema(), (t) => Number(timeMicros(t) / 1000n));
  if (o.time === 'nanoseconds')
    return plain(named('INT64', 'io.debezium.time.NanoTime'), (t) => timeMicros(t) * 1000n);
  if (o.time === 'adaptive' && p <= 3)
    return plain(named('INT32', 'io.debezium.time.Time'), (t) => Number(timeMicros(t) / 1000n));
  return plain(named('INT64', 'io.debezium.time.MicroTime'), timeMicros);
}

function binaryMapping(o: TypeOptions): ColumnMapping {
  const bytes = (t: string) => Buffer.from(t.startsWith('\\x') ? t.slice(2) : t, 'hex');
  switch (o.binary) {
    case 'bytes':
      return plain(connectSchema('BYTES'), bytes);
    case 'base64':
      return plain(connectSchema('STRING'), (t) => bytes(t).toString('base64'));
    case 'base64-url-safe':
      return plain(connectSchema('STRING'), (t) => bytes(t).toString('base64url'));
    case 'hex':
      return plain(connectSchema('STRING'), (t) => bytes(t).toString('hex'));
  }
}

/** Array element type OIDs of the one-dimensional arrays Brook maps to Connect ARRAY. */
const ARRAY_ELEMENTS: Readonly<Record<number, number>> = {
  1000: 16,
  1001: 17,
  1002: 18,
  1005: 21,
  1028: 26,
  1183: 1083,
  1187: 1186,
  1270: 1266,
  791: 790,
  1007: 23,
  1016: 20,
  1021: 700,
  1022: 701,
  1009: 25,
  1015: 1043,
  1014: 1042,
  1231: 1700,
  2951: 2950,
  1182: 1082,
  1115: 1114,
  1185: 1184,
  3807: 3802,
  199: 114,
};

/** `{a,"b c",NULL}` -> element texts (null for NULL). */
export function parseArrayText(text: string): (string | null)[] {
  const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '');
  if (inner === '') return [];
  const out: (string | null)[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([^,]+)/g;
  for (let m = re.exec(inner); m !== null; m = re.exec(inner)) {
    if (m[1] !== undefined) out.push(m[1].replace(/\\(.)/g, '$1'));
    else out.push(m[2] === 'NULL' ? null : m[2]!.trim());
  }
  return out;
}

/** The Connect schema (without optionality) and converter of a column, Debezium's way. */
export function columnMapping(
  typeOid: number,
  typmod: number,
  o: TypeOptions,
  info?: PgTypeInfo,
): ColumnMapping {
  if (info !== undefined) {
    const custom = customMapping(info, o);
    if (custom !== undefined) return custom;
  }
  switch (typeOid) {
    case 16:
      return plain(connectSchema('BOOLEAN'), (t) => t === 't' || t === 'true');
    case 21:
      return plain(connectSchema('INT16'), Number);
    case 23:
    case 26:
      return plain(connectSchema('INT32'), Number);
    case 20:
      return plain(connectSchema('INT64'), (t) => BigInt(t));
    case 700:
      return plain(connectSchema('FLOAT32'), Number);
    case 701:
      return plain(connectSchema('FLOAT64'), Number);
    case 1700:
      return numericMapping(typmod, o);
    case 790:
      return numericMapping(typmod, o, 2);
    case 17:
      return binaryMapping(o);
    case 1082:
      return o.time === 'connect'
        ? plain(dateSchema(), dateDays)
        : plain(named('INT32', 'io.debezium.time.Date'), dateDays);
    case 1083:
      return timeMapping(typmod, o);
    case 1266:
      return plain(named('STRING', 'io.debezium.time.ZonedTime'), (t) =>
        t.replace(/\+00(:00)?$/, 'Z'),
      );
    case 1114:
      return timestampMapping(typmod, o);
    case 1184:
      return plain(named('STRING', 'io.debezium.time.ZonedTimestamp'), (t) =>
        isoInstant(timestampMicros(t)),
      );
    case 1186:
      return o.interval === 'string'
        ? plain(named('STRING', 'io.debezium.time.Interval'), intervalIso)
        : plain(named('INT64', 'io.debezium.time.MicroDuration'), intervalMicros);
    case 2950:
      return plain(named('STRING', 'io.debezium.data.Uuid'));
    case 114:
    case 3802:
      return plain(named('STRING', 'io.debezium.data.Json'));
    case 142:
      return plain(named('STRING', 'io.debezium.data.Xml'));
    case 1560:
      return typmod === 1
        ? plain(connectSchema('BOOLEAN'), (t) => t === '1')
        : plain(
            named('BYTES', 'io.debezium.data.Bits', { parameters: { length: String(typmod) } }),
            bitsBytes,
          );
    case 1562:
      return plain(
        named('BYTES', 'io.debezium.data.Bits', { parameters: { length: String(typmod) } }),
        bitsBytes,
      );
    default:
      return arrayMapping(typeOid, o) ?? plain(connectSchema('STRING'));
  }
}

/** Bit string `10110` -> little-endian bytes, as java.util.BitSet#toByteArray gives them. */
function bitsBytes(text: string): Buffer {
  const bits = [...text].reverse();
  const out = Buffer.alloc(Math.ceil(bits.length / 8));
  bits.forEach((b, i) => {
    if (b === '1') out[i >> 3]! |= 1 << (i & 7);
  });
  return out;
}

function arrayMapping(typeOid: number, o: TypeOptions): ColumnMapping | undefined {
  const element = ARRAY_ELEMENTS[typeOid];
  return element === undefined ? undefined : arrayOf(columnMapping(element, -1, o));
}

function arrayOf(inner: ColumnMapping): ColumnMapping {
  return plain(connectSchema('ARRAY', { valueSchema: { ...inner.schema, optional: true } }), (t) =>
    parseArrayText(t).map((e) => (e === null ? null : inner.convert(e))),
  );
}

/** Enums, hstore and arrays of them; undefined for types the OID switch handles. */
function customMapping(info: PgTypeInfo, o: TypeOptions): ColumnMapping | undefined {
  if (info.enumLabels !== null)
    return plain(
      named('STRING', 'io.debezium.data.Enum', {
        parameters: { allowed: info.enumLabels.join(',') },
      }),
    );
  if (info.name === 'hstore')
    return o.hstore === 'map'
      ? plain(
          connectSchema('MAP', {
            keySchema: connectSchema('STRING'),
            valueSchema: connectSchema('STRING', { optional: true }),
          }),
          (t) => new Map(parseHstoreText(t)),
        )
      : plain(named('STRING', 'io.debezium.data.Json'), (t) =>
          JSON.stringify(Object.fromEntries(parseHstoreText(t))),
        );
  const element = info.element;
  if (element === null || ARRAY_ELEMENTS[element.oid] !== undefined) return undefined;
  const inner = customMapping(element.info, o);
  return inner === undefined ? undefined : arrayOf(inner);
}

/** `"a"=>"1", "b c"=>NULL` -> [key, value] pairs in server order. */
export function parseHstoreText(text: string): [string, string | null][] {
  const out: [string, string | null][] = [];
  const re = /"((?:[^"\\]|\\.)*)"\s*=>\s*(?:"((?:[^"\\]|\\.)*)"|(NULL))/g;
  const unescape = (s: string) => s.replace(/\\(.)/g, '$1');
  for (let m = re.exec(text); m !== null; m = re.exec(text))
    out.push([unescape(m[1]!), m[3] !== undefined ? null : unescape(m[2]!)]);
  return out;
}

/** A value for a non-optional column the server did not send (key-only `before` images). */
export function zeroValue(schema: ConnectSchema): unknown {
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
    case 'INT32':
    case 'FLOAT32':
    case 'FLOAT64':
      return 0;
    case 'INT64':
      return 0n;
    case 'BOOLEAN':
      return false;
    case 'STRING':
      return '';
    case 'BYTES':
      return schema.name === 'org.apache.kafka.connect.data.Decimal'
        ? new Decimal(0)
        : Buffer.alloc(0);
    case 'ARRAY':
      return [];
    case 'MAP':
      return new Map();
    case 'STRUCT':
      return Object.fromEntries((schema.fields ?? []).map((f) => [f.name, zeroValue(f.schema)]));
  }
}
