import type { SqlType, StructField } from '../../topology/spec';

/** One column of a post-condition schema such as `ID BIGINT KEY, NAME STRING`. */
export interface SchemaColumn {
  readonly name: string;
  readonly type: SqlType;
  readonly namespace: 'KEY' | 'VALUE' | 'HEADERS';
}

export class PostSchemaError extends Error {
  readonly code = 'QTT_POST_SCHEMA';
  constructor(
    message: string,
    readonly schema: string,
  ) {
    super(`${message} in schema "${schema}"`);
    this.name = 'PostSchemaError';
  }
}

const ALIASES: Readonly<Record<string, SqlType['kind']>> = {
  INT: 'INTEGER',
  INTEGER: 'INTEGER',
  BIGINT: 'BIGINT',
  BOOLEAN: 'BOOLEAN',
  DOUBLE: 'DOUBLE',
  STRING: 'STRING',
  VARCHAR: 'STRING',
  BYTES: 'BYTES',
  TIMESTAMP: 'TIMESTAMP',
  DATE: 'DATE',
  TIME: 'TIME',
};

/**
 * Parses a ksqlDB column list as QTT's `post.sources[].schema` writes it: unquoted names are
 * upper-cased, backticked ones kept; type aliases (INT, VARCHAR) are normalised; `KEY` and
 * `PRIMARY KEY` both mark key columns.
 */
export function parsePostSchema(schema: string): SchemaColumn[] {
  const tokens = tokenize(schema);
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const next = (): string => {
    const t = tokens[at++];
    if (t === undefined) throw new PostSchemaError('unexpected end', schema);
    return t;
  };
  const expect = (t: string): void => {
    const got = next();
    if (got !== t) throw new PostSchemaError(`expected "${t}", got "${got}"`, schema);
  };
  const name = (): string => {
    const t = next();
    return t.startsWith('`') ? t.slice(1, -1).replace(/``/g, '`') : t.toUpperCase();
  };
  const type = (): SqlType => {
    const word = next().toUpperCase();
    const simple = ALIASES[word];
    if (simple !== undefined) return { kind: simple } as SqlType;
    switch (word) {
      case 'DECIMAL': {
        expect('(');
        const precision = Number(next());
        expect(',');
        const scale = Number(next());
        expect(')');
        return { kind: 'DECIMAL', precision, scale };
      }
      case 'ARRAY': {
        expect('<');
        const element = type();
        expect('>');
        return { kind: 'ARRAY', element };
      }
      case 'MAP': {
        expect('<');
        const key = type();
        expect(',');
        const value = type();
        expect('>');
        return { kind: 'MAP', key, value };
      }
      case 'STRUCT': {
        expect('<');
        const fields: StructField[] = [];
        while (peek() !== '>') {
          if (fields.length > 0) expect(',');
          fields.push({ name: name(), type: type() });
        }
        expect('>');
        return { kind: 'STRUCT', fields };
      }
      default:
        throw new PostSchemaError(`unknown type ${word}`, schema);
    }
  };
  const columns: SchemaColumn[] = [];
  while (peek() !== undefined) {
    if (columns.length > 0) expect(',');
    const columnName = name();
    const columnType = type();
    let namespace: SchemaColumn['namespace'] = 'VALUE';
    const marker = peek()?.toUpperCase();
    if (marker === 'KEY') {
      next();
      namespace = 'KEY';
    } else if (marker === 'PRIMARY') {
      next();
      expect('KEY');
      namespace = 'KEY';
    } else if (marker === 'HEADERS' || marker === 'HEADER') {
      next();
      namespace = 'HEADERS';
      if (peek() === '(') while (next() !== ')');
    }
    columns.push({ name: columnName, type: columnType, namespace });
  }
  return columns;
}

function tokenize(schema: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(`(?:[^`]|``)*`|'(?:[^']|'')*'|[A-Za-z0-9_]+|[<>(),])/y;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < schema.length && (m = re.exec(schema)) !== null) {
    tokens.push(m[1]!.toUpperCase() === 'KEY' ? 'KEY' : m[1]!);
    at = re.lastIndex;
  }
  if (schema.slice(at).trim() !== '')
    throw new PostSchemaError(`cannot read "${schema.slice(at)}"`, schema);
  return tokens;
}
