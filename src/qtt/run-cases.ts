import { basename } from 'node:path';
import { type CaseResult, failed, skipped } from './case-result';
import { caseScope, type CaseScope } from './case-scope';
import { findCaseFiles, loadCaseFile } from './load-cases';
import type { QttCase } from './qtt-case';
import { runDriverCase } from './run-driver-case';

export type QttMode = 'driver' | 'broker';

export type RunScope = Extract<CaseScope, { kind: 'run' }>;

export interface RunCasesOptions {
  readonly mode: QttMode;
  /** Only cases whose full QTT name matches. */
  readonly filter?: RegExp;
  /** Called after each case (progress). */
  readonly onResult?: (result: CaseResult, done: number, total: number) => void;
  /** Runs one in-scope case in broker mode (the n-th case of the run); absent: refused. */
  readonly brokerRunner?: (c: QttCase, scope: RunScope, n: number) => Promise<CaseResult>;
}

export interface QttRun {
  readonly results: readonly CaseResult[];
  /** Files that did not load (invalid JSON, duplicate names), with the reason. */
  readonly loadErrors: readonly { readonly file: string; readonly message: string }[];
}

/** Loads every case under `paths` and runs them one at a time, in file and case order. */
export async function runCases(
  paths: readonly string[],
  options: RunCasesOptions,
): Promise<QttRun> {
  const loadErrors: { file: string; message: string }[] = [];
  const cases: QttCase[] = [];
  for (const file of findCaseFiles(paths)) {
    try {
      cases.push(...loadCaseFile(file).filter((c) => options.filter?.test(c.name) ?? true));
    } catch (error) {
      loadErrors.push({ file, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const results: CaseResult[] = [];
  for (const c of cases) {
    const result = await runCase(c, options, results.length);
    results.push(result);
    options.onResult?.(result, results.length, cases.length);
  }
  return { results, loadErrors };
}

export async function runCase(
  c: QttCase,
  options: Pick<RunCasesOptions, 'mode' | 'brokerRunner'>,
  n = 0,
): Promise<CaseResult> {
  const file = basename(c.file);
  const named = { ...c, file };
  const scope = caseScope(c);
  if (scope.kind === 'skip') return skipped(file, c.name, scope.reason);
  try {
    if (options.mode === 'driver') return await runDriverCase(named, scope);
    if (!options.brokerRunner) return failed(file, c.name, 'error', 'broker mode is not available');
    return await options.brokerRunner(named, scope, n);
  } catch (error) {
    return failed(
      file,
      c.name,
      'error',
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
  }
}
