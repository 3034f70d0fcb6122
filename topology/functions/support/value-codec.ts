import Decimal from 'decimal.js';
import type { Value } from '../function-contract';

/**
 * Lossless JSON text for run-time values, used to store aggregate accumulators. bigint, Decimal
 * (with its scale), Buffer and Map survive the round trip, which plain JSON would lose.
 */
const TAG = '\u0000';

export function encodeValue(value: Value): string {
  return JSON.stringify(toJson(value));
}

export function decodeValue(text: string): Value {
  return fromJson(JSON.parse(text) as unknown);
}

function toJson(value: Value): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return { [TAG]: 'n', v: value.toString() };
  if (typeof value === 'number' && !Number.isFinite(value)) return { [TAG]: 'f', v: String(value) };
  if (Decimal.isDecimal(value)) return { [TAG]: 'd', v: value.toFixed() };
  if (Buffer.isBuffer(value)) return { [TAG]: 'b', v: value.toString('base64') };
  if (value instanceof Map)
    return { [TAG]: 'm', v: [...value].map(([k, v]) => [toJson(k), toJson(v)]) };
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return { [TAG]: 's', v: out };
  }
  return value;
}

function fromJson(json: unknown): Value {
  if (json === null) return null;
  if (Array.isArray(json)) return json.map(fromJson);
  if (typeof json !== 'object') return json;
  const tagged = json as { [TAG]: string; v: unknown };
  const v = tagged.v;
  switch (tagged[TAG]) {
    case 'n':
      return BigInt(v as string);
    case 'f':
      return Number(v);
    case 'd':
      return new Decimal(v as string);
    case 'b':
      return Buffer.from(v as string, 'base64');
    case 'm':
      return new Map((v as [unknown, unknown][]).map(([k, x]) => [fromJson(k), fromJson(x)]));
    case 's': {
      const out: Record<string, Value> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = fromJson(x);
      return out;
    }
    default:
      throw new Error(`Unknown tag in encoded value: ${String(tagged[TAG])}`);
  }
}
