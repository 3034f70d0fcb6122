import type { Position, Span } from '../ast';
import { SqlVariableError, SyntaxErrorCodes } from '../errors';

/** One statement of a script: its raw text (no `;`) and where that text is in the script. */
export interface ScriptSegment {
  readonly text: string;
  readonly span: Span;
}

/**
 * Splits a script at top-level `;` (not inside strings, quoted identifiers or comments).
 * Leading whitespace and comments are not part of a segment; blank segments are dropped.
 * Never fails: an unterminated string runs to the end and the parser reports it.
 */
export function splitStatements(script: string): ScriptSegment[] {
  const locate = positionLocator(script);
  const segments: ScriptSegment[] = [];
  let start = -1;
  let lastSignificant = -1;
  const close = (): void => {
    if (start >= 0) {
      segments.push({
        text: script.slice(start, lastSignificant + 1),
        span: { start: locate(start), end: locate(lastSignificant + 1) },
      });
    }
    start = -1;
  };
  let i = 0;
  while (i < script.length) {
    const ch = script[i] ?? '';
    const skip = triviaLength(script, i);
    if (skip > 0) {
      i += skip;
      continue;
    }
    if (ch === ';') {
      close();
      i++;
      continue;
    }
    if (start < 0) start = i;
    const end = ch === "'" || ch === '`' || ch === '"' ? quotedEnd(script, i, ch) : i + 1;
    lastSignificant = (end < 0 ? script.length : end) - 1;
    i = end < 0 ? script.length : end;
  }
  close();
  return segments;
}

/**
 * True when the text ends a statement: its last significant character is a top-level `;` and no
 * string, quoted identifier or block comment is left open. The REPL reads more lines until then.
 */
export function isScriptComplete(text: string): boolean {
  let complete = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (text.startsWith('/*', i) && text.indexOf('*/', i + 2) < 0) return false;
    const skip = triviaLength(text, i);
    if (skip > 0) {
      i += skip;
      continue;
    }
    complete = ch === ';';
    if (ch === "'" || ch === '`' || ch === '"') {
      const end = quotedEnd(text, i, ch);
      if (end < 0) return false;
      i = end;
    } else {
      i++;
    }
  }
  return complete;
}

/** Length of whitespace or a comment at `i` (0 if none). */
function triviaLength(text: string, i: number): number {
  const ch = text[i];
  if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f') return 1;
  if (text.startsWith('--', i)) {
    const newline = text.indexOf('\n', i);
    return (newline < 0 ? text.length : newline) - i;
  }
  if (text.startsWith('/*', i)) {
    const end = text.indexOf('*/', i + 2);
    return (end < 0 ? text.length : end + 2) - i;
  }
  return 0;
}

/** The offset just after the quoted run starting at `i` (doubled quotes stay inside); -1 if open. */
function quotedEnd(text: string, i: number, quote: string): number {
  let at = i + 1;
  for (;;) {
    const close = text.indexOf(quote, at);
    if (close < 0) return -1;
    if (text[close + 1] !== quote) return close + 1;
    at = close + 2;
  }
}

/** Maps offsets of `text` to positions, treating `origin` as the position of offset 0. */
export function positionLocator(
  text: string,
  origin: Position = { offset: 0, line: 1, column: 1 },
): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    const lineStart = lineStarts[low] ?? 0;
    const column = low === 0 ? origin.column + offset : offset - lineStart + 1;
    return { offset: origin.offset + offset, line: origin.line + low, column };
  };
}

export type Variables = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/**
 * Replaces every `${name}` outside comments (inside strings too, as ksqlDB does) with its value.
 * Names are case-insensitive. An unknown name is a SqlVariableError pointing at the reference.
 */
export function substituteVariables(text: string, variables: Variables, origin?: Position): string {
  if (!text.includes('${')) return text;
  const lookup = normaliseVariables(variables);
  const locate = positionLocator(text, origin);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const skip = text.startsWith('--', i) || text.startsWith('/*', i) ? triviaLength(text, i) : 0;
    if (skip > 0) {
      out += text.slice(i, i + skip);
      i += skip;
      continue;
    }
    const match = text.startsWith('${', i)
      ? /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(text.slice(i, i + 300))
      : null;
    if (match === null) {
      out += text[i] ?? '';
      i++;
      continue;
    }
    const name = match[1] ?? '';
    const value = lookup.get(name.toUpperCase());
    if (value === undefined) {
      const span = { start: locate(i), end: locate(i + match[0].length) };
      throw new SqlVariableError(
        SyntaxErrorCodes.undefinedVariable,
        `Variable '${name}' is not defined`,
        span,
        {
          details: { variable: name },
        },
      );
    }
    out += value;
    i += match[0].length;
  }
  return out;
}

export function normaliseVariables(variables: Variables): Map<string, string> {
  const entries: [string, string][] =
    variables instanceof Map
      ? [...(variables as ReadonlyMap<string, string>).entries()]
      : Object.entries(variables as Readonly<Record<string, string>>);
  return new Map(entries.map(([k, v]) => [k.toUpperCase(), v]));
}
