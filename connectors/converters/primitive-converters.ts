import { text } from '../data/text';
import { connectSchema, type ConnectSchema } from '../data/connect-schema';
import { ConversionError } from '../errors';
import type { Converter, ConverterPlugin, SchemaAndValue } from '../plugins/converter';
import type { Props } from '../plugins/source-connector';

/** Connect's StringConverter: UTF-8 text (`converter.encoding` is accepted, UTF-8 only). */
export class StringConverter implements Converter {
  configure(_props: Props): void {}
  fromConnectData(
    _topic: string,
    _schema: ConnectSchema | null,
    value: unknown,
  ): Promise<Buffer | null> {
    if (value === null || value === undefined) return Promise.resolve(null);
    return Promise.resolve(Buffer.from(text(value), 'utf8'));
  }
  toConnectData(_topic: string, bytes: Buffer | null): Promise<SchemaAndValue> {
    return Promise.resolve({
      schema: connectSchema('STRING', { optional: true }),
      value: bytes === null ? null : bytes.toString('utf8'),
    });
  }
}

export class ByteArrayConverter implements Converter {
  configure(_props: Props): void {}
  fromConnectData(
    topic: string,
    _schema: ConnectSchema | null,
    value: unknown,
  ): Promise<Buffer | null> {
    if (value === null || value === undefined) return Promise.resolve(null);
    if (!Buffer.isBuffer(value))
      throw new ConversionError(
        `ByteArrayConverter is not compatible with objects of type ${typeof value}`,
        { topic },
      );
    return Promise.resolve(value);
  }
  toConnectData(_topic: string, bytes: Buffer | null): Promise<SchemaAndValue> {
    return Promise.resolve({ schema: connectSchema('BYTES', { optional: true }), value: bytes });
  }
}

type NumberKind = 'INT16' | 'INT32' | 'INT64' | 'FLOAT32' | 'FLOAT64';
const WIDTH: Record<NumberKind, number> = { INT16: 2, INT32: 4, INT64: 8, FLOAT32: 4, FLOAT64: 8 };

/** Connect's NumberConverters (Short/Integer/Long/Float/Double): Kafka's big-endian serializers. */
export class NumberConverter implements Converter {
  constructor(private readonly kind: NumberKind) {}
  configure(_props: Props): void {}
  fromConnectData(
    _topic: string,
    _schema: ConnectSchema | null,
    value: unknown,
  ): Promise<Buffer | null> {
    if (value === null || value === undefined) return Promise.resolve(null);
    const buf = Buffer.alloc(WIDTH[this.kind]);
    if (this.kind === 'INT16') buf.writeInt16BE(Number(value));
    else if (this.kind === 'INT32') buf.writeInt32BE(Number(value));
    else if (this.kind === 'INT64') buf.writeBigInt64BE(BigInt(value as number | bigint));
    else if (this.kind === 'FLOAT32') buf.writeFloatBE(Number(value));
    else buf.writeDoubleBE(Number(value));
    return Promise.resolve(buf);
  }
  toConnectData(topic: string, bytes: Buffer | null): Promise<SchemaAndValue> {
    const schema = connectSchema(this.kind, { optional: true });
    if (bytes === null) return Promise.resolve({ schema, value: null });
    if (bytes.length !== WIDTH[this.kind])
      throw new ConversionError(
        `expected ${WIDTH[this.kind]} bytes for ${this.kind} on ${topic}, got ${bytes.length}`,
        { topic },
      );
    const value =
      this.kind === 'INT16'
        ? bytes.readInt16BE()
        : this.kind === 'INT32'
          ? bytes.readInt32BE()
          : this.kind === 'INT64'
            ? bytes.readBigInt64BE()
            : this.kind === 'FLOAT32'
              ? bytes.readFloatBE()
              : bytes.readDoubleBE();
    return Promise.resolve({ schema, value });
  }
}

export const STRING_CONVERTER = 'org.apache.kafka.connect.storage.StringConverter';

export const primitiveConverterPlugins: readonly ConverterPlugin[] = [
  { className: STRING_CONVERTER, create: () => new StringConverter() },
  {
    className: 'org.apache.kafka.connect.converters.ByteArrayConverter',
    create: () => new ByteArrayConverter(),
  },
  {
    className: 'org.apache.kafka.connect.converters.ShortConverter',
    create: () => new NumberConverter('INT16'),
  },
  {
    className: 'org.apache.kafka.connect.converters.IntegerConverter',
    create: () => new NumberConverter('INT32'),
  },
  {
    className: 'org.apache.kafka.connect.converters.LongConverter',
    create: () => new NumberConverter('INT64'),
  },
  {
    className: 'org.apache.kafka.connect.converters.FloatConverter',
    create: () => new NumberConverter('FLOAT32'),
  },
  {
    className: 'org.apache.kafka.connect.converters.DoubleConverter',
    create: () => new NumberConverter('FLOAT64'),
  },
];
