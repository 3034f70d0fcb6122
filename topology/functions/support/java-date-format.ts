import { DateTime } from 'luxon';
import { tokenizePattern, type PatternToken } from './java-date-pattern';

/**
 * Formats and parses epoch milliseconds with Java DateTimeFormatter patterns, the patterns ksqlDB
 * users write. Formatting is done field by field (so `X` prints `Z` for UTC, as Java does);
 * parsing goes through luxon with the pattern translated, fields missing from the pattern
 * defaulting to 1970-01-01T00:00 as in ksqlDB.
 */
export function formatEpochMillis(millis: number, pattern: string, zone = 'UTC'): string {
  const dt = DateTime.fromMillis(millis, { zone: zoneName(zone) });
  if (!dt.isValid) throw new Error(`unknown time zone '${zone}'`);
  return tokenizePattern(pattern)
    .map((t) => (t.kind === 'literal' ? t.text : formatField(dt, t.letter, t.count)))
    .join('');
}

function zoneName(zone: string): string {
  return zone === 'Z' ? 'UTC' : zone;
}

const pad = (n: number, width: number): string =>
  n < 0 ? '-' + pad(-n, width) : String(n).padStart(width, '0');

function formatField(dt: DateTime, letter: string, count: number): string {
  switch (letter) {
    case 'y':
    case 'u':
      return count === 2 ? pad(dt.year % 100, 2) : pad(dt.year, count);
    case 'M':
    case 'L':
      return count >= 4
        ? dt.toFormat('MMMM')
        : count === 3
          ? dt.toFormat('MMM')
          : pad(dt.month, count);
    case 'd':
      return pad(dt.day, count);
    case 'D':
      return pad(dt.ordinal, count);
    case 'H':
      return pad(dt.hour, count);
    case 'k':
      return pad(dt.hour === 0 ? 24 : dt.hour, count);
    case 'h':
      return pad(dt.hour % 12 === 0 ? 12 : dt.hour % 12, count);
    case 'K':
      return pad(dt.hour % 12, count);
    case 'm':
      return pad(dt.minute, count);
    case 's':
      return pad(dt.second, count);
    case 'S':
      return pad(dt.millisecond, 3).padEnd(count, '0').substring(0, count);
    case 'n':
      return String(dt.millisecond * 1_000_000);
    case 'A':
      return pad(((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1000 + dt.millisecond, count);
    case 'a':
      return dt.hour < 12 ? 'AM' : 'PM';
    case 'E':
      return count >= 4 ? dt.toFormat('EEEE') : dt.toFormat('EEE');
    case 'e':
    case 'c':
      return count >= 3 ? formatField(dt, 'E', count) : String((dt.weekday % 7) + 1);
    case 'G':
      return dt.year > 0 ? 'AD' : 'BC';
    case 'Q':
    case 'q':
      return pad(dt.quarter, count);
    case 'w':
      return pad(dt.weekNumber, count);
    case 'X':
      return dt.offset === 0 ? 'Z' : offset(dt.offset, count, true);
    case 'x':
      return offset(dt.offset, count, true);
    case 'Z':
      return count === 5
        ? dt.offset === 0
          ? 'Z'
          : offset(dt.offset, 3, true)
        : count === 4
          ? `GMT${offset(dt.offset, 3, true)}`
          : offset(dt.offset, 2, true);
    case 'z':
      return count >= 4 ? dt.toFormat('ZZZZZ') : (dt.offsetNameShort ?? dt.zoneName ?? 'UTC');
    case 'V':
      return dt.zoneName ?? 'UTC';
    default:
      throw new Error(`Unsupported pattern letter '${letter}'`);
  }
}

/** `+01`, `+0130` (count 2), `+01:30` (count 3). */
function offset(minutes: number, count: number, withMinutes: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (count === 1) return m === '00' || !withMinutes ? `${sign}${h}` : `${sign}${h}${m}`;
  return count === 2 ? `${sign}${h}${m}` : `${sign}${h}:${m}`;
}

/** Parses text with a Java pattern into epoch milliseconds; throws on mismatch. */
export function parseToEpochMillis(text: string, pattern: string, zone = 'UTC'): number {
  const tokens = tokenizePattern(pattern);
  const [luxonFormat, suffixFormat, suffixText] = translate(tokens);
  const options = { zone: zoneName(zone), setZone: false, locale: 'en-US' } as const;
  let dt = DateTime.fromFormat(text + suffixText, luxonFormat + suffixFormat, options);
  if (
    !dt.isValid &&
    /Z$/.test(text) &&
    tokens.some((t) => t.kind === 'field' && t.letter === 'X')
  ) {
    dt = DateTime.fromFormat(
      text.replace(/Z$/, '+00:00') + suffixText,
      luxonFormat.replace(/ZZZ?$|Z$/, 'ZZ') + suffixFormat,
      options,
    );
  }
  if (!dt.isValid)
    throw new Error(
      `Text '${text}' could not be parsed with pattern '${pattern}': ${dt.invalidExplanation ?? dt.invalidReason ?? ''}`,
    );
  return dt.toMillis();
}

const SEPARATOR = '\u0001';

function translate(tokens: readonly PatternToken[]): [string, string, string] {
  const letters = new Set(tokens.flatMap((t) => (t.kind === 'field' ? [t.letter] : [])));
  const format = tokens
    .map((t) => (t.kind === 'literal' ? quote(t.text) : luxonToken(t.letter, t.count)))
    .join('');
  const suffix: [string, string][] = [];
  if (!letters.has('y') && !letters.has('u')) suffix.push(['yyyy', '1970']);
  if (!letters.has('M') && !letters.has('L') && !letters.has('D')) suffix.push(['MM', '01']);
  if (!letters.has('d') && !letters.has('D')) suffix.push(['dd', '01']);
  const suffixFormat = suffix.map(([f]) => `'${SEPARATOR}'${f}`).join('');
  const suffixText = suffix.map(([, v]) => `${SEPARATOR}${v}`).join('');
  return [format, suffixFormat, suffixText];
}

function quote(text: string): string {
  return text.length === 0 ? '' : `'${text.replace(/'/g, "''")}'`;
}

function luxonToken(letter: string, count: number): string {
  switch (letter) {
    case 'y':
    case 'u':
      return count === 2 ? 'yy' : count === 1 ? 'y' : 'yyyy';
    case 'M':
    case 'L':
      return 'M'.repeat(Math.min(count, 4));
    case 'd':
    case 'H':
    case 'h':
    case 'm':
    case 's':
      return letter.repeat(Math.min(count, 2));
    case 'k':
      return 'H'.repeat(Math.min(count, 2));
    case 'K':
      return 'h'.repeat(Math.min(count, 2));
    case 'D':
      return count >= 3 ? 'ooo' : 'o';
    case 'S':
      return count === 3 ? 'SSS' : 'u';
    case 'a':
      return 'a';
    case 'E':
      return count >= 4 ? 'EEEE' : 'EEE';
    case 'X':
    case 'x':
      return count === 1 ? 'Z' : count === 2 ? 'ZZZ' : 'ZZ';
    case 'Z':
      return count >= 4 ? 'ZZ' : 'ZZZ';
    case 'z':
    case 'V':
      return 'z';
    case 'G':
      return 'G';
    default:
      throw new Error(`Unsupported pattern letter '${letter}' for parsing`);
  }
}
