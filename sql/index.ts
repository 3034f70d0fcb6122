/**
 * The SQL module's public API: ksql text -> AST -> analysis -> logical plan -> TopologySpec.
 * Pure (no I/O). The engine and the QTT runner call `compileStatement` once per statement with
 * their catalog; `compileScript` does the same offline for a whole file (`brook explain`).
 */
export {
  parseScript,
  parseStatement,
  parseStatements,
  parseExpression,
  type ParsedStatement,
  type ScriptStatement,
} from './parser';
export { SqlError, SqlSyntaxError, isSqlError, renderSourceCaret } from './errors';
export type { Statement, StatementKind, Span } from './ast';
export * from './catalog';
export {
  AnalysisError,
  AnalysisErrorCodes,
  ConfigKeys,
  analyzeQuery,
  schemaInferenceNeeds,
  formatColumnList,
  formatSchema,
  type AnalysisErrorCode,
  type AnalyzedQuery,
  type AnalyzerConfig,
  type QueryAnalysisOptions,
} from './analyzer';
export * from './planner';
export {
  lookupFunction,
  listFunctions,
  resolveCall,
  showFunctions,
  describeFunction,
  FunctionResolutionError,
} from './functions';
