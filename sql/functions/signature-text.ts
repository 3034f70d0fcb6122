import { SqlTypes, type SqlType } from '../../topology/spec';
import type { ParamType } from './param-type';

/**
 * Signatures are declared as text, the way the docs print them:
 * `substring(STRING str, INT pos, INT len) => STRING`, `transform(ARRAY<A> a, LAMBDA<(A) => B> f) => ARRAY<B>`,
 * `concat(STRING... values) => STRING`. Single upper-case letters are generic type variables.
 */
export interface ParsedSignature {
  readonly name: string;
  readonly params: readonly ParsedParam[];
  readonly variadic: boolean;
  readonly returns: ParamType;
}

export interface ParsedParam {
  readonly name: string;
  readonly type: ParamType;
}

const PRIMITIVES: Record<string, SqlType> = {
  BOOLEAN: SqlTypes.boolean,
  INT: SqlTypes.integer,
  INTEGER: SqlTypes.integer,
  BIGINT: SqlTypes.bigint,
  DOUBLE: SqlTypes.double,
  STRING: SqlTypes.string,
  VARCHAR: SqlTypes.string,
  BYTES: SqlTypes.bytes,
  TIMESTAMP: SqlTypes.timestamp,
  DATE: SqlTypes.date,
  TIME: SqlTypes.time,
};

class Cursor {
  private pos = 0;
  constructor(
    private readonly tokens: readonly string[],
    private readonly text: string,
  ) {}
  peek(): string | undefined {
    return this.tokens[this.pos];
  }
  next(): string {
    const token = this.tokens[this.pos++];
    if (token === undefined) throw new Error(`Unexpected end of signature: ${this.text}`);
    return token;
  }
  expect(token: string): void {
    const actual = this.next();
    if (actual !== token)
      throw new Error(`Expected '${token}' but found '${actual}' in: ${this.text}`);
  }
  done(): boolean {
    return this.pos >= this.tokens.length;
  }
}

export function parseSignature(text: string): ParsedSignature {
  const tokens = text.match(/\.\.\.|=>|[A-Za-z_][A-Za-z0-9_]*|[<>(),]/g) ?? [];
  const cursor = new Cursor(tokens, text);
  const name = cursor.next();
  cursor.expect('(');
  const params: ParsedParam[] = [];
  let variadic = false;
  while (cursor.peek() !== ')') {
    if (params.length > 0) cursor.expect(',');
    const type = parseType(cursor);
    if (cursor.peek() === '...') {
      cursor.next();
      variadic = true;
    }
    params.push({ name: cursor.next(), type });
  }
  cursor.expect(')');
  cursor.expect('=>');
  const returns = parseType(cursor);
  if (!cursor.done()) throw new Error(`Trailing tokens in signature: ${text}`);
  return { name, params, variadic, returns };
}

function parseType(cursor: Cursor): ParamType {
  const word = cursor.next();
  const primitive = PRIMITIVES[word];
  if (primitive) return { kind: 'concrete', type: primitive };
  switch (word) {
    case 'DECIMAL':
      return { kind: 'anyDecimal' };
    case 'STRUCT':
      return { kind: 'anyStruct' };
    case 'INTERVALUNIT':
      return { kind: 'intervalUnit' };
    case 'ARRAY': {
      cursor.expect('<');
      const element = parseType(cursor);
      cursor.expect('>');
      return { kind: 'array', element };
    }
    case 'MAP': {
      cursor.expect('<');
      const key = parseType(cursor);
      cursor.expect(',');
      const value = parseType(cursor);
      cursor.expect('>');
      return { kind: 'map', key, value };
    }
    case 'LAMBDA':
      return parseLambda(cursor);
    default:
      if (/^[A-Z]$/.test(word)) return { kind: 'generic', name: word };
      throw new Error(`Unknown type '${word}' in signature`);
  }
}

function parseLambda(cursor: Cursor): ParamType {
  cursor.expect('<');
  cursor.expect('(');
  const params: ParamType[] = [];
  while (cursor.peek() !== ')') {
    if (params.length > 0) cursor.expect(',');
    params.push(parseType(cursor));
  }
  cursor.expect(')');
  cursor.expect('=>');
  const returns = parseType(cursor);
  cursor.expect('>');
  return { kind: 'lambda', params, returns };
}
