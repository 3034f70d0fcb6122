import Decimal from 'decimal.js';

/** Decimal <-> the big-endian two's-complement unscaled bytes Connect and Avro use. */
export function decimalToBytes(value: Decimal, scale: number): Buffer {
  let unscaled = BigInt(
    value.times(new Decimal(10).pow(scale)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0),
  );
  const negative = unscaled < 0n;
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(unscaled & 0xffn));
    unscaled >>= 8n;
  } while (
    negative
      ? unscaled !== -1n || (bytes[0]! & 0x80) === 0
      : unscaled !== 0n || (bytes[0]! & 0x80) !== 0
  );
  return Buffer.from(bytes);
}

export function bytesToDecimal(bytes: Buffer, scale: number): Decimal {
  let unscaled = 0n;
  for (const byte of bytes) unscaled = (unscaled << 8n) | BigInt(byte);
  if (bytes.length > 0 && (bytes[0]! & 0x80) !== 0) unscaled -= 1n << BigInt(bytes.length * 8);
  return new Decimal(unscaled.toString()).div(new Decimal(10).pow(scale));
}
