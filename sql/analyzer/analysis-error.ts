import type { Span } from '../ast';
import { SqlError, type SqlErrorOptions } from '../errors';

/**
 * Stable codes for statements ksqlDB rejects after parsing. The message follows ksqlDB's
 * wording where the QTT cases pin it; the code is our contract.
 */
export const AnalysisErrorCodes = {
  unknownSource: 'UNKNOWN_SOURCE',
  sourceExists: 'SOURCE_EXISTS',
  wrongSourceType: 'WRONG_SOURCE_TYPE',
  readOnlySource: 'READ_ONLY_SOURCE',
  unknownColumn: 'UNKNOWN_COLUMN',
  ambiguousColumn: 'AMBIGUOUS_COLUMN',
  duplicateColumn: 'DUPLICATE_COLUMN',
  reservedColumn: 'RESERVED_COLUMN',
  unknownType: 'UNKNOWN_TYPE',
  typeMismatch: 'TYPE_MISMATCH',
  nullType: 'NULL_TYPE',
  unknownFunction: 'UNKNOWN_FUNCTION',
  functionSignature: 'FUNCTION_SIGNATURE',
  invalidProperty: 'INVALID_PROPERTY',
  missingProperty: 'MISSING_PROPERTY',
  invalidFormat: 'INVALID_FORMAT',
  formatUnsupportedType: 'FORMAT_UNSUPPORTED_TYPE',
  keyRule: 'KEY_RULE',
  missingKeyColumns: 'MISSING_KEY_COLUMNS',
  noValueColumns: 'NO_VALUE_COLUMNS',
  aggregation: 'AGGREGATION',
  window: 'WINDOW',
  join: 'JOIN',
  sinkSchemaMismatch: 'SINK_SCHEMA_MISMATCH',
  schemaInference: 'SCHEMA_INFERENCE',
  unsupported: 'UNSUPPORTED',
  invalidExpression: 'INVALID_EXPRESSION',
} as const;

export type AnalysisErrorCode = (typeof AnalysisErrorCodes)[keyof typeof AnalysisErrorCodes];

/** A statement that parses but that ksqlDB would reject; `span` points at the offending node. */
export class AnalysisError extends SqlError {
  constructor(code: AnalysisErrorCode, message: string, span: Span, options: SqlErrorOptions = {}) {
    super(code, message, span, options);
  }
}

export function fail(
  code: AnalysisErrorCode,
  message: string,
  span: Span,
  options?: SqlErrorOptions,
): never {
  throw new AnalysisError(code, message, span, options);
}
