/**
 * Splits SQL text into statements at top-level `;`, the way the ksql CLI decides that input is
 * complete: semicolons inside '...' strings, `...` or "..." identifiers, `--` line comments and
 * block comments do not count. `rest` is what follows the last complete statement.
 */
export interface SplitResult {
  /** Complete statements, each ending with its `;`, trimmed. */
  readonly statements: readonly string[];
  /** Text after the last `;` (an unfinished statement), trimmed. */
  readonly rest: string;
}

export function splitStatements(text: string): SplitResult {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === "'" || ch === '`' || ch === '"') {
      i = skipQuoted(text, i, ch);
    } else if (ch === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (ch === ';') {
      const statement = text.slice(start, i + 1).trim();
      if (stripComments(statement) !== ';') statements.push(statement);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  return { statements, rest: text.slice(start).trim() };
}

/** Index after the closing quote; a doubled quote is an escaped one. Unterminated: end of text. */
function skipQuoted(text: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return text.length;
}

/** The statement without comments and surrounding blanks (for recognising client commands). */
export function stripComments(statement: string): string {
  let out = '';
  let i = 0;
  while (i < statement.length) {
    const ch = statement[i];
    const next = statement[i + 1];
    if (ch === "'" || ch === '`' || ch === '"') {
      const end = skipQuoted(statement, i, ch);
      out += statement.slice(i, end);
      i = end;
    } else if (ch === '-' && next === '-') {
      const end = statement.indexOf('\n', i);
      i = end < 0 ? statement.length : end + 1;
      out += ' ';
    } else if (ch === '/' && next === '*') {
      const end = statement.indexOf('*/', i + 2);
      i = end < 0 ? statement.length : end + 2;
      out += ' ';
    } else {
      out += ch;
      i++;
    }
  }
  return out.trim();
}
