import { ExpressionError } from './expression-error';

const DAY_MS = 86_400_000;

/** `2020-01-01T00:00:00.000`, as ksqlDB renders a TIMESTAMP (UTC). */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '');
}

export function formatDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** `HH:mm:ss`, with `.SSS` only when there are milliseconds (Java's LocalTime#toString). */
export function formatTime(ms: number): string {
  const text = new Date(ms).toISOString().slice(11, 23);
  return text.endsWith('.000') ? text.slice(0, 8) : text;
}

/** ISO-8601 date-time; without an offset it is UTC. A bare date is midnight. */
export function parseTimestamp(text: string): number {
  const trimmed = text.trim();
  const withTime = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00` : trimmed;
  const zoned = /([zZ]|[+-]\d{2}:?\d{2})$/.test(withTime) ? withTime : `${withTime}Z`;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) throw new ExpressionError(`cannot parse timestamp '${text}'`, 'Cast');
  return ms;
}

export function parseDate(text: string): number {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed))
    throw new ExpressionError(`cannot parse date '${text}'`, 'Cast');
  return Math.floor(parseTimestamp(trimmed) / DAY_MS);
}

export function parseTime(text: string): number {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/.exec(text.trim());
  if (!match) throw new ExpressionError(`cannot parse time '${text}'`, 'Cast');
  const [, h, m, s, frac] = match;
  const millis = Number((frac ?? '0').padEnd(3, '0').slice(0, 3));
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s ?? 0)) * 1000 + millis;
}
