import { DateTime } from 'luxon';
import { configDef, oneOf, parseConfig } from '../config';
import type { ConnectRecord } from '../data/connect-record';
import {
  connectSchema,
  dateSchema,
  LOGICAL,
  structSchema,
  timeSchema,
  timestampSchema,
  type ConnectSchema,
} from '../data/connect-schema';
import { DataError } from '../errors';
import type { Props } from '../plugins/source-connector';
import type { Transformation, TransformationPlugin } from '../plugins/transformation';
import { partOf, requireStruct, withPart, type Side } from './record-parts';

const BASE = 'org.apache.kafka.connect.transforms.TimestampConverter';
const DAY_MS = 86_400_000;

const def = configDef([
  {
    name: 'field',
    type: 'STRING',
    defaultValue: '',
    importance: 'HIGH',
    documentation:
      'The field containing the timestamp, or empty if the entire value is a timestamp.',
  },
  {
    name: 'target.type',
    type: 'STRING',
    importance: 'HIGH',
    documentation: 'The desired timestamp representation: string, unix, Date, Time, or Timestamp.',
    validator: oneOf('string', 'unix', 'Date', 'Time', 'Timestamp'),
  },
  {
    name: 'format',
    type: 'STRING',
    defaultValue: '',
    importance: 'MEDIUM',
    documentation:
      'A SimpleDateFormat-compatible format for the timestamp, used to parse strings and to generate them.',
  },
  {
    name: 'unix.precision',
    type: 'STRING',
    defaultValue: 'milliseconds',
    importance: 'LOW',
    documentation: 'Precision of unix timestamps read and written.',
    validator: oneOf('seconds', 'milliseconds', 'microseconds', 'nanoseconds'),
  },
]);

/** SimpleDateFormat pattern -> luxon tokens (the common subset). */
export function luxonFormat(java: string): string {
  return java
    .replace(/XXX/g, 'ZZ')
    .replace(/(?<!')Z(?!')/g, 'ZZZ')
    .replace(/EEEE/g, 'cccc')
    .replace(/EEE/g, 'ccc');
}

const UNIX_PER_MS = {
  seconds: 0.001,
  milliseconds: 1,
  microseconds: 1000,
  nanoseconds: 1_000_000,
} as const;
type Precision = keyof typeof UNIX_PER_MS;

/** Epoch milliseconds of a timestamp-like value, honouring Connect and Debezium temporal schemas. */
function toMillis(
  value: unknown,
  schema: ConnectSchema | undefined,
  format: string,
  precision: Precision,
): number {
  const name = schema?.name;
  if (name === LOGICAL.date || name === 'io.debezium.time.Date') return Number(value) * DAY_MS;
  if (name === 'io.debezium.time.MicroTimestamp') return Number(BigInt(value as bigint) / 1000n);
  if (name === 'io.debezium.time.NanoTimestamp')
    return Number(BigInt(value as bigint) / 1_000_000n);
  if (typeof value === 'string') {
    const dt =
      format === ''
        ? DateTime.fromISO(value, { zone: 'UTC' })
        : DateTime.fromFormat(value, luxonFormat(format), { zone: 'UTC' });
    if (!dt.isValid)
      throw new DataError(
        `Could not parse timestamp: value (${value}) does not match pattern (${format})`,
      );
    return dt.toMillis();
  }
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'bigint' || typeof value === 'number') {
    const n = Number(value);
    if (
      name === LOGICAL.timestamp ||
      name === LOGICAL.time ||
      name === 'io.debezium.time.Timestamp'
    )
      return n;
    return n / UNIX_PER_MS[precision];
  }
  throw new DataError(`Expected a timestamp-like value, found ${typeof value}`);
}

/** Connect's TimestampConverter. */
export class TimestampConverter implements Transformation {
  private field = '';
  private target = 'Timestamp';
  private format = '';
  private precision: Precision = 'milliseconds';

  constructor(private readonly side: Side) {}

  configure(props: Props): void {
    const c = parseConfig(def, props);
    this.field = c.string('field');
    this.target = c.string('target.type');
    this.format = c.string('format');
    this.precision = c.string('unix.precision') as Precision;
    if (this.target === 'string' && this.format === '')
      throw new DataError(
        'TimestampConverter requires format option to be specified when using string timestamps',
      );
  }

  private targetSchema(optional: boolean): ConnectSchema {
    switch (this.target) {
      case 'string':
        return connectSchema('STRING', { optional });
      case 'unix':
        return connectSchema('INT64', { optional });
      case 'Date':
        return dateSchema(optional);
      case 'Time':
        return timeSchema(optional);
      default:
        return timestampSchema(optional);
    }
  }

  private convert(value: unknown, schema: ConnectSchema | undefined): unknown {
    if (value === null || value === undefined) return null;
    const ms = toMillis(value, schema, this.format, this.precision);
    switch (this.target) {
      case 'string':
        return DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat(luxonFormat(this.format));
      case 'unix':
        return BigInt(Math.floor(ms * UNIX_PER_MS[this.precision]));
      case 'Date':
        return Math.floor(ms / DAY_MS);
      case 'Time':
        return ((ms % DAY_MS) + DAY_MS) % DAY_MS;
      default:
        return ms;
    }
  }

  apply<R extends ConnectRecord>(record: R): R | null {
    const part = partOf(record, this.side);
    if (this.field === '') {
      const schema = part.schema === null ? null : this.targetSchema(part.schema.optional);
      return withPart(record, this.side, {
        schema,
        value: this.convert(part.value, part.schema ?? undefined),
      });
    }
    if (part.value === null || part.value === undefined) return record;
    const value = { ...requireStruct(part.value, 'converting timestamp formats') };
    const fieldSchema = part.schema?.fields?.find((f) => f.name === this.field)?.schema;
    value[this.field] = this.convert(value[this.field], fieldSchema);
    const schema =
      part.schema === null
        ? null
        : structSchema(
            part.schema.name,
            (part.schema.fields ?? []).map((f) => ({
              name: f.name,
              schema: f.name === this.field ? this.targetSchema(f.schema.optional) : f.schema,
            })),
            part.schema.optional,
          );
    return withPart(record, this.side, { schema, value });
  }

  close(): void {}
}

export const timestampConverterPlugins: TransformationPlugin[] = (['key', 'value'] as const).map(
  (side) => ({
    className: `${BASE}$${side === 'key' ? 'Key' : 'Value'}`,
    version: '3.9.0',
    configDef: def,
    create: () => new TimestampConverter(side),
  }),
);
