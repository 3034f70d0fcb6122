/**
 * Why a case failed. `rejected`: a statement of a positive case (or an earlier statement of a
 * negative one) was refused; `not rejected`: a negative case ran without the expected error;
 * `wrong rows`, `count`, `timestamp`, `window`: the outputs differ (QTT's comparison rules);
 * `post-condition`: the catalog or topics differ from `post`; `error`: the runner or the
 * runtime failed (undecodable output, a driver crash).
 */
export type FailureClass =
  | 'rejected'
  | 'not rejected'
  | 'wrong rows'
  | 'count'
  | 'timestamp'
  | 'window'
  | 'post-condition'
  | 'error';

export type CaseStatus = 'passed' | 'failed' | 'skipped';

export interface CaseResult {
  readonly file: string;
  readonly name: string;
  readonly status: CaseStatus;
  /** Failed cases only. */
  readonly failure?: FailureClass;
  /** Why it failed or was skipped; for passed negative cases, how the rejection matched. */
  readonly reason: string;
  /** Negative cases rejected at the right statement: whether the expected message matched. */
  readonly messageMatched?: boolean;
}

export function passed(file: string, name: string, reason = ''): CaseResult {
  return { file, name, status: 'passed', reason };
}

export function failed(
  file: string,
  name: string,
  failure: FailureClass,
  reason: string,
): CaseResult {
  return { file, name, status: 'failed', failure, reason };
}

export function skipped(file: string, name: string, reason: string): CaseResult {
  return { file, name, status: 'skipped', reason };
}
