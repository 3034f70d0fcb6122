/**
 * The ksql dialect parser: text -> AST (see `sql/ast`). Every failure is a `SqlError` from
 * `sql/errors` with a stable code and a span into the parsed text; the parser never throws
 * anything else, never overflows the stack (nesting is bounded) and always terminates.
 *
 * - `parseStatements` / `parseStatement`: `;`-separated statements, each with its exact text;
 * - `parseScript`: split + `${var}` substitution + DEFINE/UNDEFINE tracking, spans into the script;
 * - `parseExpression` / `parseType`: standalone fragments (tests, tools);
 * - `isScriptComplete`: whether a REPL buffer ends a statement.
 */
export {
  parseExpression,
  parseStatement,
  parseStatements,
  parseType,
  type ParsedStatement,
  type ParseOptions,
} from './parse';
export { parseScript, type ScriptOptions, type ScriptStatement } from './parse-script';
export {
  isScriptComplete,
  positionLocator,
  splitStatements,
  substituteVariables,
  type ScriptSegment,
  type Variables,
} from './script';
export { isReserved } from './keywords';
export { Precedence } from './expression-parser';
export { timeUnitOf } from './duration-parser';
