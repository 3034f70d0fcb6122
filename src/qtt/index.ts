/**
 * The conformance runner: ksqlDB's query-validation (QTT) cases run against Brook's engine,
 * in driver mode (the in-process TopologyTestDriver, QTT's own semantics).
 */
export * from './case-result';
export { caseScope, OUT_OF_SCOPE_FORMATS, type CaseScope } from './case-scope';
export { findCaseFiles, loadCaseFile, parseExactJson, QttLoadError } from './load-cases';
export type { QttCase, QttRecord } from './qtt-case';
export {
  runCases,
  runCase,
  type QttMode,
  type QttRun,
  type RunCasesOptions,
  type RunScope,
} from './run-cases';
export {
  fileSummaries,
  failureClasses,
  jsonReport,
  passRate,
  textReport,
  type FileSummary,
} from './qtt-report';
export { brokerMode, type BrokerMode } from './broker-mode';
