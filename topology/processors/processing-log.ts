/**
 * One record the query could not process (or chose to skip): undecodable bytes, a failing
 * expression or function, a NULL grouping key, a late record. Entries go to the processing log
 * (and the query's DLQ when it has one); they never stop the query.
 */
export interface ProcessingLogEntry {
  readonly queryId: string;
  readonly stepId: string | null;
  readonly kind: ProcessingLogKind;
  readonly message: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly errorCode: string | null;
}

export type ProcessingLogKind =
  | 'DESERIALIZATION_ERROR'
  | 'SERIALIZATION_ERROR'
  | 'EXPRESSION_ERROR'
  | 'INVALID_TIMESTAMP'
  | 'NULL_KEY'
  | 'NULL_VALUE'
  | 'LATE_RECORD'
  | 'EXPIRED_WINDOW';

export interface ProcessingLogger {
  log(entry: ProcessingLogEntry): void;
}

/** Kinds that are errors (counted as processing errors); the rest are counted drops. */
export function isErrorKind(kind: ProcessingLogKind): boolean {
  return (
    kind === 'DESERIALIZATION_ERROR' ||
    kind === 'SERIALIZATION_ERROR' ||
    kind === 'EXPRESSION_ERROR' ||
    kind === 'INVALID_TIMESTAMP'
  );
}
