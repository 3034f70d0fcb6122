import type { Span } from '../ast';

/**
 * - `word`: an unquoted identifier or keyword (`upper` is its upper-cased text);
 * - `quotedIdentifier`: `backticks` or "double quotes" (`value` without the quotes);
 * - `string`: 'single quotes' (`value` with doubled quotes collapsed);
 * - `integer` / `decimal` / `double`: numbers, `text` exactly as written;
 * - `symbol`: punctuation and operators;
 * - `eof`: the end of the input (zero width).
 */
export type TokenType =
  'word' | 'quotedIdentifier' | 'string' | 'integer' | 'decimal' | 'double' | 'symbol' | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Source text of the token, quotes included. */
  readonly text: string;
  /** Upper-cased `text` for words; the unquoted content for strings and quoted identifiers. */
  readonly value: string;
  readonly quote?: 'backtick' | 'double';
  readonly span: Span;
}

export const symbols = [
  '->',
  '=>',
  ':=',
  '||',
  '<>',
  '!=',
  '<=',
  '>=',
  '(',
  ')',
  '[',
  ']',
  ',',
  ';',
  '.',
  '*',
  '+',
  '-',
  '/',
  '%',
  '=',
  '<',
  '>',
] as const;

export type SymbolText = (typeof symbols)[number];

/** How a token reads in an error message. */
export function describeToken(token: Token): string {
  if (token.type === 'eof') return 'end of input';
  if (token.type === 'string') return `string ${token.text}`;
  return `'${token.text}'`;
}
