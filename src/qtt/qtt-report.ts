import type { CaseResult, FailureClass } from './case-result';
import type { QttRun } from './run-cases';

export interface FileSummary {
  readonly file: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** The `--json` document: exactly these four fields. */
export function jsonReport(run: QttRun): string {
  const count = (s: CaseResult['status']): number =>
    run.results.filter((r) => r.status === s).length;
  return JSON.stringify(
    {
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      cases: run.results.map((r) => ({
        file: r.file,
        name: r.name,
        status: r.status,
        reason: r.failure === undefined ? r.reason : `${r.failure}: ${r.reason}`,
      })),
    },
    null,
    2,
  );
}

export function fileSummaries(results: readonly CaseResult[]): FileSummary[] {
  const byFile = new Map<string, { passed: number; failed: number; skipped: number }>();
  for (const r of results) {
    const s = byFile.get(r.file) ?? { passed: 0, failed: 0, skipped: 0 };
    s[r.status]++;
    byFile.set(r.file, s);
  }
  return [...byFile].map(([file, s]) => ({ file, ...s }));
}

export function failureClasses(results: readonly CaseResult[]): Map<FailureClass, number> {
  const classes = new Map<FailureClass, number>();
  for (const r of results) if (r.failure) classes.set(r.failure, (classes.get(r.failure) ?? 0) + 1);
  return new Map([...classes].sort((a, b) => b[1] - a[1]));
}

/** Pass rate over the cases that ran (skips excluded), as a percentage with one decimal. */
export function passRate(s: { passed: number; failed: number }): string {
  const ran = s.passed + s.failed;
  return ran === 0 ? '-' : `${((100 * s.passed) / ran).toFixed(1)}%`;
}

/** The human report: one line per case, then the per-file table and the totals. */
export function textReport(run: QttRun, verbose: boolean): string {
  const lines: string[] = [];
  for (const e of run.loadErrors) lines.push(`LOAD ERROR ${e.file}: ${e.message}`);
  for (const r of run.results) {
    const tag = r.status === 'passed' ? 'PASS' : r.status === 'failed' ? 'FAIL' : 'SKIP';
    const detail =
      r.status === 'failed'
        ? ` [${r.failure}] ${firstLine(r.reason)}`
        : r.status === 'skipped' || verbose
          ? r.reason
            ? ` (${firstLine(r.reason)})`
            : ''
          : '';
    lines.push(`${tag} ${r.name}${detail}`);
  }
  lines.push('', table(fileSummaries(run.results)), '');
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const r of run.results) total[r.status]++;
  const classes = [...failureClasses(run.results)].map(([c, n]) => `${c} ${n}`).join(', ');
  lines.push(
    `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped (${passRate(total)} of the cases that ran)`,
  );
  if (classes !== '') lines.push(`failures: ${classes}`);
  return `${lines.join('\n')}\n`;
}

function table(rows: readonly FileSummary[]): string {
  const header = ['file', 'passed', 'failed', 'skipped', 'rate'];
  const body = rows.map((r) => [
    r.file,
    String(r.passed),
    String(r.failed),
    String(r.skipped),
    passRate(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const render = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [render(header), ...body.map(render)].join('\n');
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}
