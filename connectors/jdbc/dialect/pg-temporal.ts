/**
 * Postgres temporal text (session TimeZone=UTC) <-> Connect values. Timestamps keep their
 * microseconds as `nanos` (nanoseconds within the second, like java.sql.Timestamp) so source
 * offsets never round a row away.
 */
export interface PreciseTimestamp {
  /** Epoch milliseconds (truncated). */
  readonly ms: number;
  /** Nanoseconds within the second. */
  readonly nanos: number;
}

const TS =
  /^(\d{4,})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?( BC)?$/;

export function parsePgTimestamp(text: string): PreciseTimestamp {
  if (text === 'infinity') return { ms: 8.64e15, nanos: 0 };
  if (text === '-infinity') return { ms: -8.64e15, nanos: 0 };
  const m = TS.exec(text);
  if (m === null) throw new Error(`unparseable timestamp ${text}`);
  const [, y, mo, d, h, mi, s, frac = '', sign, oh = '0', om = '0', os = '0', bc] = m;
  const year = bc === undefined ? Number(y) : 1 - Number(y);
  const fraction = frac.padEnd(9, '0');
  const nanos = Number(fraction);
  const offsetMs =
    sign === undefined
      ? 0
      : (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60 + Number(os)) * 1000;
  const base = Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const epochBase = year < 100 && year >= 0 ? shiftYear(base, year) : base;
  return { ms: epochBase - offsetMs + Math.floor(nanos / 1e6), nanos };
}

/** Date.UTC maps years 0-99 to 1900-1999. */
function shiftYear(ms: number, year: number): number {
  const date = new Date(ms);
  date.setUTCFullYear(year);
  return date.getTime();
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` in UTC, for query parameters. */
export function formatPgTimestamp(ts: PreciseTimestamp): string {
  const seconds = Math.floor(ts.ms / 1000) * 1000;
  const iso = new Date(seconds).toISOString();
  const micros = String(Math.floor(ts.nanos / 1000)).padStart(6, '0');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${micros}`;
}

export function compareTimestamps(a: PreciseTimestamp, b: PreciseTimestamp): number {
  const sa = Math.floor(a.ms / 1000);
  const sb = Math.floor(b.ms / 1000);
  return sa !== sb ? sa - sb : a.nanos - b.nanos;
}

export function parsePgDate(text: string): number {
  const m = /^(\d{4,})-(\d\d)-(\d\d)( BC)?$/.exec(text);
  if (m === null) throw new Error(`unparseable date ${text}`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

export function parsePgTime(text: string): number {
  const m = /^(\d\d):(\d\d):(\d\d)(?:\.(\d+))?/.exec(text);
  if (m === null) throw new Error(`unparseable time ${text}`);
  return (
    (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000 +
    Math.floor(Number((m[4] ?? '0').padEnd(3, '0').slice(0, 3)))
  );
}

export function formatDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

export function formatTimestampMs(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

export function formatTime(msOfDay: number): string {
  return new Date(msOfDay).toISOString().slice(11, 23);
}
