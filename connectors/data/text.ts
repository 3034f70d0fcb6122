/**
 * The text form of a run-time value for messages, SQL parameters and keys: strings as they are,
 * primitives and objects with their own `toString` (Decimal, Date) through it, anything else
 * as JSON. Never "[object Object]".
 */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value.toString !== Object.prototype.toString)
    return (value as { toString(): string }).toString();
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
