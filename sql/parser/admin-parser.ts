import {
  AssertSchema,
  AssertTopic,
  DefineVariable,
  DescribeConnector,
  DescribeFunction,
  DescribeSource,
  DescribeSources,
  type Identifier,
  PauseQuery,
  type Position,
  Print,
  ResumeQuery,
  RunScript,
  SetProperty,
  Show,
  type ShowSubject,
  type Statement,
  TerminateQuery,
  UndefineVariable,
  UnsetProperty,
} from '../ast';
import { parseCount, parseDuration } from './duration-parser';
import { parseOptionalWith, parseString, parseTopicName } from './property-parser';
import type { TokenStream } from './token-stream';

/** TERMINATE / PAUSE / RESUME: a query id or ALL (then no id). */
export function parseQueryControl(ts: TokenStream, verb: string, start: Position): Statement {
  const queryId = ts.acceptKeyword('ALL') ? undefined : ts.expectIdentifier('a query id or ALL');
  const factory =
    verb === 'TERMINATE' ? TerminateQuery : verb === 'PAUSE' ? PauseQuery : ResumeQuery;
  const span = ts.spanFrom(start);
  return factory.create(queryId === undefined ? { span } : { queryId, span });
}

const showSubjects: readonly ShowSubject[] = [
  'TOPICS',
  'STREAMS',
  'TABLES',
  'QUERIES',
  'CONNECTORS',
  'FUNCTIONS',
  'PROPERTIES',
  'TYPES',
  'VARIABLES',
];
const extensible: ReadonlySet<ShowSubject> = new Set(['TOPICS', 'STREAMS', 'TABLES', 'QUERIES']);

/** After SHOW or LIST. */
export function parseShow(ts: TokenStream, start: Position): Statement {
  const all = ts.isKeyword('ALL') && ts.isKeyword('TOPICS', 1) ? ts.acceptKeyword('ALL') : false;
  const connectorType = ts.acceptKeyword('SOURCE')
    ? 'SOURCE'
    : ts.acceptKeyword('SINK')
      ? 'SINK'
      : undefined;
  const subject =
    connectorType === undefined ? showSubjects.find((s) => ts.acceptKeyword(s)) : undefined;
  if (connectorType !== undefined) ts.expectKeyword('CONNECTORS');
  const resolved: ShowSubject | undefined = connectorType !== undefined ? 'CONNECTORS' : subject;
  if (resolved === undefined) throw ts.unexpected(showSubjects.join(', '));
  const extended = extensible.has(resolved) && ts.acceptKeyword('EXTENDED');
  const base = { subject: resolved, extended, all, span: ts.spanFrom(start) };
  return Show.create(connectorType === undefined ? base : { ...base, connectorType });
}

/** After DESCRIBE. */
export function parseDescribe(ts: TokenStream, start: Position): Statement {
  if (ts.acceptKeyword('FUNCTION')) {
    const name = ts.expectIdentifier('a function name');
    return DescribeFunction.create({ name, span: ts.spanFrom(start) });
  }
  if (ts.acceptKeyword('CONNECTOR')) {
    const name = ts.expectIdentifier('a connector name');
    return DescribeConnector.create({ name, span: ts.spanFrom(start) });
  }
  const subject = ts.acceptKeyword('STREAMS')
    ? 'STREAMS'
    : ts.acceptKeyword('TABLES')
      ? 'TABLES'
      : undefined;
  if (subject !== undefined) {
    const extended = ts.acceptKeyword('EXTENDED');
    return DescribeSources.create({ subject, extended, span: ts.spanFrom(start) });
  }
  const extendedFirst =
    ts.isKeyword('EXTENDED') && ts.isIdentifier(1) ? ts.acceptKeyword('EXTENDED') : false;
  const name: Identifier = ts.expectIdentifier('a stream or table name');
  const extended = extendedFirst || ts.acceptKeyword('EXTENDED');
  return DescribeSource.create({ name, extended, span: ts.spanFrom(start) });
}

/** After PRINT. */
export function parsePrint(ts: TokenStream, start: Position): Statement {
  const topic = parseTopicName(ts);
  const fromBeginning = ts.acceptKeyword('FROM', 'BEGINNING');
  const interval =
    ts.acceptKeyword('INTERVAL') || ts.acceptKeyword('SAMPLE')
      ? parseCount(ts, 'an interval')
      : undefined;
  const limit = ts.acceptKeyword('LIMIT') ? parseCount(ts, 'a record count') : undefined;
  return Print.create({
    topic,
    fromBeginning,
    span: ts.spanFrom(start),
    ...(interval !== undefined && { interval }),
    ...(limit !== undefined && { limit }),
  });
}

/** DEFINE name = 'value' / UNDEFINE name. */
export function parseDefine(
  ts: TokenStream,
  verb: 'DEFINE' | 'UNDEFINE',
  start: Position,
): Statement {
  const name = ts.expectIdentifier('a variable name');
  if (verb === 'UNDEFINE') return UndefineVariable.create({ name, span: ts.spanFrom(start) });
  ts.expectSymbol('=');
  const value = parseString(ts, 'a quoted value');
  return DefineVariable.create({ name, value, span: ts.spanFrom(start) });
}

/** SET 'k' = 'v' / UNSET 'k'. */
export function parseSet(ts: TokenStream, verb: 'SET' | 'UNSET', start: Position): Statement {
  const name = parseString(ts, 'a quoted property name');
  if (verb === 'UNSET') return UnsetProperty.create({ name, span: ts.spanFrom(start) });
  ts.expectSymbol('=');
  const value = parseString(ts, 'a quoted property value');
  return SetProperty.create({ name, value, span: ts.spanFrom(start) });
}

/** After RUN: SCRIPT 'path'. */
export function parseRunScript(ts: TokenStream, start: Position): Statement {
  ts.expectKeyword('SCRIPT');
  const path = parseString(ts, 'a quoted script path');
  return RunScript.create({ path, span: ts.spanFrom(start) });
}

/** After ASSERT: [NOT EXISTS] TOPIC name [WITH (...)] [TIMEOUT d] | [NOT EXISTS] SCHEMA ... */
export function parseAssert(ts: TokenStream, start: Position): Statement {
  const exists = !ts.acceptKeyword('NOT', 'EXISTS');
  if (ts.acceptKeyword('TOPIC')) {
    const topic = parseTopicName(ts);
    const properties = parseOptionalWith(ts);
    const timeout = ts.acceptKeyword('TIMEOUT') ? parseDuration(ts) : undefined;
    const base = { exists, topic, properties, span: ts.spanFrom(start) };
    return AssertTopic.create(timeout === undefined ? base : { ...base, timeout });
  }
  ts.expectKeyword('SCHEMA');
  const subject = ts.acceptKeyword('SUBJECT') ? parseTopicName(ts) : undefined;
  const id = ts.acceptKeyword('ID') ? parseCount(ts, 'a schema id') : undefined;
  if (subject === undefined && id === undefined) throw ts.unexpected('SUBJECT or ID');
  const timeout = ts.acceptKeyword('TIMEOUT') ? parseDuration(ts) : undefined;
  return AssertSchema.create({
    exists,
    span: ts.spanFrom(start),
    ...(subject && { subject }),
    ...(id !== undefined && { id }),
    ...(timeout && { timeout }),
  });
}
