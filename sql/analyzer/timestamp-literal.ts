/**
 * Parses the partial ISO-8601 timestamps ksqlDB accepts where a string is compared with
 * ROWTIME, WINDOWSTART/WINDOWEND or a TIMESTAMP column (`'2018'`, `'2019-01-01T00:00:00+0445'`).
 * Missing fields default to their minimum; no zone means UTC. Returns epoch milliseconds.
 */
export function parseTimestampLiteral(text: string): number | undefined {
  const match =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      text.trim(),
    );
  if (!match) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '', zone] = match;
  const millis = Number(frac.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    millis,
  );
  return utc - zoneOffsetMillis(zone);
}

function zoneOffsetMillis(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  return sign * (hours * 60 + minutes) * 60_000;
}

/** Days since the epoch of a `yyyy-MM-dd` date. */
export function parseDateLiteral(text: string): number | undefined {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? parseTimestampLiteral(text) : undefined;
  return ms === undefined ? undefined : Math.floor(ms / 86_400_000);
}

/** Milliseconds of the day of a `HH:mm[:ss[.SSS]]` time. */
export function parseTimeLiteral(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const [, h, m, s = '0', f = ''] = match;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(f.padEnd(3, '0'));
}
