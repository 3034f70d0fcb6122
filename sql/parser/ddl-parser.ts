import {
  AlterSource,
  ColumnDefinition,
  type ColumnConstraint,
  CreateAsSelect,
  CreateConnector,
  CreateSource,
  CreateType,
  DropConnector,
  DropSource,
  DropType,
  type Position,
  type SourceType,
  type Statement,
} from '../ast';
import { parseOptionalWith, parsePropertyList, parseString } from './property-parser';
import { parseQuery } from './query-parser';
import type { TokenStream } from './token-stream';
import { parseType } from './type-parser';

/** After CREATE: [OR REPLACE] [SOURCE] STREAM|TABLE ..., SOURCE|SINK CONNECTOR ..., TYPE ... */
export function parseCreate(ts: TokenStream, start: Position): Statement {
  const orReplace = ts.acceptKeyword('OR', 'REPLACE');
  if (!orReplace && ts.isKeyword('TYPE')) return parseCreateType(ts, start);
  if (
    !orReplace &&
    (ts.isKeyword('SOURCE') || ts.isKeyword('SINK')) &&
    ts.isKeyword('CONNECTOR', 1)
  ) {
    return parseCreateConnector(ts, start);
  }
  const isSource = ts.acceptKeyword('SOURCE');
  const sourceType = parseSourceType(ts);
  const ifNotExists = ts.acceptKeyword('IF', 'NOT', 'EXISTS');
  const name = ts.expectIdentifier(`a ${sourceType.toLowerCase()} name`);
  const columns = ts.isSymbol('(') ? parseColumnList(ts) : [];
  const properties = parseOptionalWith(ts);
  if (columns.length === 0 && !isSource && ts.acceptKeyword('AS')) {
    const query = parseQuery(ts);
    const props = { sourceType, orReplace, ifNotExists, name, properties, query };
    return CreateAsSelect.create({ ...props, span: ts.spanFrom(start) });
  }
  const props = { sourceType, orReplace, isSource, ifNotExists, name, columns, properties };
  return CreateSource.create({ ...props, span: ts.spanFrom(start) });
}

function parseSourceType(ts: TokenStream): SourceType {
  if (ts.acceptKeyword('STREAM')) return 'STREAM';
  if (ts.acceptKeyword('TABLE')) return 'TABLE';
  throw ts.unexpected('STREAM or TABLE');
}

function parseColumnList(ts: TokenStream): ColumnDefinition[] {
  ts.expectSymbol('(');
  const columns: ColumnDefinition[] = [];
  do columns.push(parseColumnDefinition(ts));
  while (ts.acceptSymbol(','));
  ts.expectSymbol(')');
  return columns;
}

/** `name type [KEY | PRIMARY KEY | HEADERS | HEADER('k')]`. */
export function parseColumnDefinition(ts: TokenStream): ColumnDefinition {
  const name = ts.expectIdentifier('a column name');
  const type = parseType(ts);
  let constraint: ColumnConstraint = 'NONE';
  let headerKey: string | undefined;
  if (ts.acceptKeyword('PRIMARY', 'KEY')) constraint = 'PRIMARY KEY';
  else if (ts.acceptKeyword('KEY')) constraint = 'KEY';
  else if (ts.acceptKeyword('HEADERS')) constraint = 'HEADERS';
  else if (ts.acceptKeyword('HEADER')) {
    constraint = 'HEADER';
    ts.expectSymbol('(');
    headerKey = parseString(ts, 'a header key string');
    ts.expectSymbol(')');
  }
  const span = ts.spanFrom(name.span.start);
  const base = { name, type, constraint, span };
  return ColumnDefinition.create(headerKey === undefined ? base : { ...base, headerKey });
}

function parseCreateType(ts: TokenStream, start: Position): Statement {
  ts.expectKeyword('TYPE');
  const ifNotExists = ts.acceptKeyword('IF', 'NOT', 'EXISTS');
  const name = ts.expectIdentifier('a type name');
  ts.expectKeyword('AS');
  const type = parseType(ts);
  return CreateType.create({ ifNotExists, name, type, span: ts.spanFrom(start) });
}

function parseCreateConnector(ts: TokenStream, start: Position): Statement {
  const connectorType = ts.acceptKeyword('SINK') ? 'SINK' : 'SOURCE';
  ts.acceptKeyword('SOURCE');
  ts.expectKeyword('CONNECTOR');
  const ifNotExists = ts.acceptKeyword('IF', 'NOT', 'EXISTS');
  const name = ts.expectIdentifier('a connector name');
  ts.expectKeyword('WITH');
  const properties = parsePropertyList(ts);
  return CreateConnector.create({
    connectorType,
    ifNotExists,
    name,
    properties,
    span: ts.spanFrom(start),
  });
}

/** After DROP: STREAM|TABLE [IF EXISTS] x [DELETE TOPIC], CONNECTOR [IF EXISTS] x, TYPE [IF EXISTS] x. */
export function parseDrop(ts: TokenStream, start: Position): Statement {
  if (ts.acceptKeyword('CONNECTOR')) {
    const ifExists = ts.acceptKeyword('IF', 'EXISTS');
    const name = ts.expectIdentifier('a connector name');
    return DropConnector.create({ ifExists, name, span: ts.spanFrom(start) });
  }
  if (ts.acceptKeyword('TYPE')) {
    const ifExists = ts.acceptKeyword('IF', 'EXISTS');
    const name = ts.expectIdentifier('a type name');
    return DropType.create({ ifExists, name, span: ts.spanFrom(start) });
  }
  const sourceType = parseSourceType(ts);
  const ifExists = ts.acceptKeyword('IF', 'EXISTS');
  const name = ts.expectIdentifier(`a ${sourceType.toLowerCase()} name`);
  const deleteTopic = ts.acceptKeyword('DELETE', 'TOPIC');
  return DropSource.create({ sourceType, ifExists, name, deleteTopic, span: ts.spanFrom(start) });
}

/** After ALTER: STREAM|TABLE x ADD [COLUMN] c T [, ADD [COLUMN] c T ...]. */
export function parseAlter(ts: TokenStream, start: Position): Statement {
  const sourceType = parseSourceType(ts);
  const name = ts.expectIdentifier(`a ${sourceType.toLowerCase()} name`);
  const addColumns: ColumnDefinition[] = [];
  do {
    ts.expectKeyword('ADD');
    ts.acceptKeyword('COLUMN');
    addColumns.push(parseColumnDefinition(ts));
  } while (ts.acceptSymbol(',') || ts.isKeyword('ADD'));
  return AlterSource.create({ sourceType, name, addColumns, span: ts.spanFrom(start) });
}
