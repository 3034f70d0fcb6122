/**
 * Postgres text output (DateStyle=ISO, TimeZone=UTC, IntervalStyle=postgres) -> epoch numbers.
 * Sub-second digits are kept to the microsecond, as Postgres stores them.
 */
const DAY_US = 86_400_000_000n;

function fractionMicros(fraction: string | undefined): bigint {
  if (fraction === undefined || fraction === '') return 0n;
  return BigInt(fraction.slice(0, 6).padEnd(6, '0'));
}

/** `2024-01-02` (optionally ` BC`) -> days since 1970-01-01. */
export function dateDays(text: string): number {
  const m = /^(\d+)-(\d\d)-(\d\d)( BC)?$/.exec(text.trim());
  if (m === null) throw new Error(`not a date: ${text}`);
  const year = m[4] === undefined ? Number(m[1]) : 1 - Number(m[1]);
  const d = new Date(0);
  d.setUTCFullYear(year, Number(m[2]) - 1, Number(m[3]));
  return Math.round(d.getTime() / 86_400_000);
}

/** `03:04:05.123456` (an optional zone suffix is ignored) -> microseconds of the day. */
export function timeMicros(text: string): bigint {
  const m = /^(\d\d):(\d\d):(\d\d)(?:\.(\d+))?/.exec(text.trim());
  if (m === null) throw new Error(`not a time: ${text}`);
  return (
    (BigInt(m[1]!) * 3600n + BigInt(m[2]!) * 60n + BigInt(m[3]!)) * 1_000_000n +
    fractionMicros(m[4])
  );
}

/** `2024-01-02 03:04:05.123456[+00[:00]]` -> microseconds since the epoch (UTC). */
export function timestampMicros(text: string): bigint {
  const t = text.trim();
  if (t === 'infinity') return 9223372036825200000n;
  if (t === '-infinity') return -9223372036832400000n;
  const m =
    /^(\d+-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d(?::?\d\d)?(?::?\d\d)?)?( BC)?$/.exec(t);
  if (m === null) throw new Error(`not a timestamp: ${text}`);
  const days = BigInt(dateDays(m[1]! + (m[4] ?? '')));
  let micros = days * DAY_US + timeMicros(m[2]!);
  if (m[3] !== undefined) {
    const sign = m[3].startsWith('-') ? -1n : 1n;
    const parts = m[3].slice(1).split(':');
    const digits =
      parts.length > 1 ? parts : [m[3].slice(1, 3), m[3].slice(3, 5), m[3].slice(5, 7)];
    const offset =
      BigInt(digits[0] || '0') * 3600n + BigInt(digits[1] || '0') * 60n + BigInt(digits[2] || '0');
    micros -= sign * offset * 1_000_000n;
  }
  return micros;
}

/** Microseconds since the epoch -> `2024-01-02T03:04:05.123456Z` (trailing zeros trimmed). */
export function isoInstant(micros: bigint): string {
  const ms = Number(micros / 1000n - (micros % 1000n < 0n ? 1n : 0n));
  const base = new Date(ms).toISOString().slice(0, 19);
  const frac = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const fracText = frac === 0n ? '' : `.${frac.toString().padStart(6, '0').replace(/0+$/, '')}`;
  return `${base}${fracText}Z`;
}

/** Debezium's average month (365.25 / 12 days) for MicroDuration. */
const DAYS_PER_MONTH = 365.25 / 12;

export interface IntervalParts {
  readonly months: number;
  readonly days: number;
  readonly micros: bigint;
}

/** `1 year 2 mons -3 days 04:05:06.5` -> months, days and microseconds. */
export function intervalParts(text: string): IntervalParts {
  let months = 0;
  let days = 0;
  let micros = 0n;
  const re = /(-?\d+) (year|mon|day)s?|([+-]?)(\d+):(\d\d):(\d\d)(?:\.(\d+))?/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[2] === 'year') months += Number(m[1]) * 12;
    else if (m[2] === 'mon') months += Number(m[1]);
    else if (m[2] === 'day') days += Number(m[1]);
    else {
      const abs =
        (BigInt(m[4]!) * 3600n + BigInt(m[5]!) * 60n + BigInt(m[6]!)) * 1_000_000n +
        fractionMicros(m[7]);
      micros += m[3] === '-' ? -abs : abs;
    }
  }
  return { months, days, micros };
}

export function intervalMicros(text: string): bigint {
  const p = intervalParts(text);
  const dayMicros = Math.round((p.months * DAYS_PER_MONTH + p.days) * 86_400_000_000);
  return BigInt(dayMicros) + p.micros;
}

export function intervalIso(text: string): string {
  const p = intervalParts(text);
  const years = Math.trunc(p.months / 12);
  const seconds = Number(p.micros) / 1_000_000;
  return `P${years}Y${p.months % 12}M${p.days}DT0H0M${seconds}S`;
}
