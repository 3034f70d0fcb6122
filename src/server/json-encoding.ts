import Decimal from 'decimal.js';

/**
 * JSON text for Brook's run-time values as ksqlDB writes them: BIGINT and DECIMAL as JSON
 * numbers at full precision (never through a lossy double), MAP as an object, BYTES as base64.
 */
export function encodeJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      return encodeObject(value);
    default:
      return 'null';
  }
}

function encodeObject(value: object): string {
  if (Decimal.isDecimal(value)) return value.toFixed();
  if (Buffer.isBuffer(value)) return JSON.stringify(value.toString('base64'));
  if (Array.isArray(value)) return `[${value.map(encodeJson).join(',')}]`;
  if (value instanceof Map) {
    const entries = [...value.entries()];
    return `{${entries.map(([k, v]) => `${JSON.stringify(String(k))}:${encodeJson(v)}`).join(',')}}`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${encodeJson(v)}`).join(',')}}`;
}
