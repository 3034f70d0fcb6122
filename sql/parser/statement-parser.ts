import { Explain, type Position, type Statement } from '../ast';
import {
  parseAssert,
  parseDefine,
  parseDescribe,
  parsePrint,
  parseQueryControl,
  parseRunScript,
  parseSet,
  parseShow,
} from './admin-parser';
import { parseAlter, parseCreate, parseDrop } from './ddl-parser';
import { parseInsert } from './dml-parser';
import { parseQuery } from './query-parser';
import type { TokenStream } from './token-stream';

/** Parses the rest of a statement once its first word (`verb`) has been consumed. */
type StatementParser = (ts: TokenStream, start: Position, verb: string) => Statement;

const parsers: Readonly<Record<string, StatementParser>> = {
  CREATE: parseCreate,
  INSERT: parseInsert,
  DROP: parseDrop,
  ALTER: parseAlter,
  TERMINATE: (ts, start, verb) => parseQueryControl(ts, verb, start),
  PAUSE: (ts, start, verb) => parseQueryControl(ts, verb, start),
  RESUME: (ts, start, verb) => parseQueryControl(ts, verb, start),
  SHOW: parseShow,
  LIST: parseShow,
  DESCRIBE: parseDescribe,
  PRINT: parsePrint,
  DEFINE: (ts, start) => parseDefine(ts, 'DEFINE', start),
  UNDEFINE: (ts, start) => parseDefine(ts, 'UNDEFINE', start),
  SET: (ts, start) => parseSet(ts, 'SET', start),
  UNSET: (ts, start) => parseSet(ts, 'UNSET', start),
  RUN: parseRunScript,
  ASSERT: parseAssert,
  EXPLAIN: parseExplain,
};

const statementStarts = ['SELECT', ...Object.keys(parsers)];

/** One statement, without its terminating semicolon. */
export function parseStatementAt(ts: TokenStream): Statement {
  const token = ts.peek();
  if (token.type === 'word' && token.value === 'SELECT') return parseQuery(ts);
  const parser = token.type === 'word' ? parsers[token.value] : undefined;
  if (parser === undefined) throw ts.unexpected('a statement', token, statementStarts);
  ts.next();
  return parser(ts, token.span.start, token.value);
}

/** EXPLAIN <statement> or EXPLAIN <query id>: a lone word is a query id. */
function parseExplain(ts: TokenStream, start: Position): Statement {
  const next = ts.peek();
  const isStatement =
    next.type === 'word' &&
    statementStarts.includes(next.value) &&
    !ts.isSymbol(';', 1) &&
    !ts.atEndAfter(1);
  if (isStatement) {
    const statement = ts.nested(() => parseStatementAt(ts));
    return Explain.create({ statement, span: ts.spanFrom(start) });
  }
  const queryId = ts.expectIdentifier('a statement or a query id');
  return Explain.create({ queryId, span: ts.spanFrom(start) });
}
