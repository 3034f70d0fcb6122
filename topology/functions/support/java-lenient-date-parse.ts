import { tokenizePattern, type PatternToken } from './java-date-pattern';

const DAY_MS = 86_400_000;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const NUMERIC = new Set(['y', 'M', 'L', 'd', 'D', 'H', 'h', 'k', 'K', 'm', 's', 'S']);
const TEXT = new Set(['E', 'a']);

/**
 * Parses a date the way Java's lenient `SimpleDateFormat.parse(String)` does, which ksqlDB's
 * PARSE_DATE uses: the pattern must match a leading part of the text and the rest is ignored
 * (`2003-12-24-01-01` with `yyyy-MM-dd` is 2003-12-24); a number takes as many digits as it
 * finds unless the next field abuts it (`yyyyMMdd`), so `2019-1-5` parses; out-of-range fields
 * roll over (February 30 is March 2); month and day names match case-insensitively. Time
 * fields are read and ignored. Returns days since the epoch, or `undefined` for patterns with
 * letters outside this subset (`yy`, zones, ...), which the caller parses strictly instead.
 */
export function parseLenientDate(text: string, pattern: string): number | undefined {
  const tokens = tokenizePattern(pattern);
  if (!tokens.every(supported)) return undefined;
  const fields: Record<string, number> = {};
  let pos = 0;
  tokens.forEach((token, i) => {
    if (token.kind === 'literal') {
      if (!text.startsWith(token.text, pos)) throw mismatch(text, pattern, pos);
      pos += token.text.length;
    } else if (
      token.letter === 'E' ||
      token.letter === 'a' ||
      (isMonth(token) && token.count >= 3)
    ) {
      const names = token.letter === 'E' ? DAYS : token.letter === 'a' ? ['am', 'pm'] : MONTHS;
      const [index, length] = matchName(text, pos, names);
      if (index < 0) throw mismatch(text, pattern, pos);
      if (token.letter !== 'E' && token.letter !== 'a') fields.M = index + 1;
      pos += length;
    } else {
      const next = tokens[i + 1];
      const abutting = next?.kind === 'field' && NUMERIC.has(next.letter) && !isTextMonth(next);
      const digits = /^\d+/.exec(text.slice(pos))?.[0] ?? '';
      const taken = abutting ? digits.slice(0, token.count) : digits;
      if (taken.length === 0 || (abutting && taken.length < token.count))
        throw mismatch(text, pattern, pos);
      fields[isMonth(token) ? 'M' : token.letter] = Number(taken);
      pos += taken.length;
    }
  });
  const date = new Date(0);
  date.setUTCFullYear(fields.y ?? 1970, (fields.M ?? 1) - 1, fields.D ?? fields.d ?? 1);
  return Math.floor(date.getTime() / DAY_MS);
}

function supported(token: PatternToken): boolean {
  if (token.kind === 'literal') return true;
  if (token.letter === 'y') return token.count !== 2;
  return NUMERIC.has(token.letter) || TEXT.has(token.letter);
}

const isMonth = (t: PatternToken) => t.kind === 'field' && (t.letter === 'M' || t.letter === 'L');
const isTextMonth = (t: PatternToken) => isMonth(t) && t.kind === 'field' && t.count >= 3;

/** The longest full or three-letter name at `pos`: [index, length], or [-1, 0]. */
function matchName(text: string, pos: number, names: readonly string[]): [number, number] {
  const rest = text.slice(pos).toLowerCase();
  let best: [number, number] = [-1, 0];
  names.forEach((name, index) => {
    for (const form of [name, name.slice(0, 3)]) {
      if (rest.startsWith(form) && form.length > best[1]) best = [index, form.length];
    }
  });
  return best;
}

function mismatch(text: string, pattern: string, pos: number): Error {
  return new Error(`Unparseable date: "${text}" with pattern '${pattern}' (at index ${pos})`);
}
