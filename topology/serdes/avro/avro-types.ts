import * as avro from 'avsc';
import Decimal from 'decimal.js';
import { fromUnscaled, unscaledValue } from '../../functions';

/**
 * avsc types with the run-time representations Brook uses: Avro `long` as a JS bigint (exact
 * BIGINT), `bytes`+`decimal` as a decimal.js Decimal. Other logical types (date, time-millis,
 * timestamp-millis) stay plain numbers; the row mapping converts them by SQL type.
 */
const bigintLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(0),
  toBuffer: (n: bigint | number) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: (n: number | string) => BigInt(n),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'bigint' || Number.isSafeInteger(n),
  compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

class DecimalType extends avro.types.LogicalType {
  private readonly scale: number;
  constructor(schema: avro.Schema, opts?: unknown) {
    super(schema, opts);
    this.scale = Number((schema as { scale?: number }).scale ?? 0);
  }
  protected override _fromValue(buf: Buffer): Decimal {
    return fromUnscaled(twosComplementToBigInt(buf), this.scale);
  }
  protected override _toValue(value: unknown): Buffer {
    const d = Decimal.isDecimal(value) ? value : new Decimal(String(value));
    return bigIntToTwosComplement(unscaledValue(d, this.scale));
  }
  protected override _resolve(type: avro.Type): unknown {
    return avro.Type.isType(type, 'logical:decimal') ? (v: Decimal) => v : undefined;
  }
}

function twosComplementToBigInt(buf: Buffer): bigint {
  if (buf.length === 0) return 0n;
  let n = BigInt(`0x${buf.toString('hex')}`);
  if (buf[0]! & 0x80) n -= 1n << BigInt(buf.length * 8);
  return n;
}

function bigIntToTwosComplement(n: bigint): Buffer {
  let bytes = 1;
  while (n < -(1n << BigInt(bytes * 8 - 1)) || n >= 1n << BigInt(bytes * 8 - 1)) bytes++;
  const unsigned = n < 0n ? (1n << BigInt(bytes * 8)) + n : n;
  return Buffer.from(unsigned.toString(16).padStart(bytes * 2, '0'), 'hex');
}

/**
 * A long written in object form (`{"type": "long"}`, as registries and hand-written schemas
 * often spell it) bypasses avsc's registry, so it would read and write JS numbers; it gets the
 * bigint long too. Longs with a logical type (timestamp-millis, ...) keep numbers.
 */
function plainLongHook(schema: avro.Schema): avro.Type | undefined {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return undefined;
  const s = schema as { type?: unknown; logicalType?: unknown };
  return s.type === 'long' && s.logicalType === undefined ? bigintLong : undefined;
}

/** Builds an avsc type for a schema with Brook's representations. */
export function avroType(schema: unknown): avro.Type {
  return avro.Type.forSchema(schema as avro.Schema, {
    registry: { long: bigintLong },
    logicalTypes: { decimal: DecimalType },
    typeHook: plainLongHook,
    wrapUnions: false,
  });
}
