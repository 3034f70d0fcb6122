import * as fs from 'node:fs';
import * as path from 'node:path';

/** Options every workload understands (`brook bench W1 --events 200000 --guarantee ...`). */
export interface BenchmarkRequest {
  readonly workload: string;
  readonly events?: number;
  readonly keys?: number;
  readonly guarantee: 'at_least_once' | 'exactly_once_v2';
  readonly brokers: readonly string[];
  readonly redisUrl: string;
  readonly progress: (line: string) => void;
}

/** What `brook bench --json` prints. */
export interface BenchmarkResult {
  readonly workload: string;
  readonly events: number;
  readonly eventsPerSec: number;
  readonly baselineEventsPerSec: number;
  readonly ratio: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly peakRssMb: number;
  readonly [extra: string]: unknown;
}

export class UnknownWorkloadError extends Error {
  readonly code = 'UNKNOWN_WORKLOAD';
  readonly retriable = false;
  constructor(readonly workload: string) {
    super(`unknown workload '${workload}' (W1, W2, and W5 when bench/w5/w5-bench.ts exists)`);
    this.name = 'UnknownWorkloadError';
  }
}

const BENCH_ROOT = path.join(__dirname, '..', '..', 'bench');

/**
 * Runs one workload program under `bench/`: `bench/<w>/<w>-bench.ts` exports `run<W>` (W1, W2)
 * or, for workloads other helpers own (W5), `run(options)`.
 */
export async function runBenchmark(request: BenchmarkRequest): Promise<BenchmarkResult> {
  const name = request.workload.toLowerCase();
  const file = path.join(BENCH_ROOT, name, `${name}-bench.ts`);
  if (!/^w\d+$/.test(name) || !fs.existsSync(file))
    throw new UnknownWorkloadError(request.workload);
  const module = (await import(file)) as Record<string, unknown>;
  const defaults = (module[`${name.toUpperCase()}_DEFAULTS`] ?? {}) as {
    events?: number;
    keys?: number;
  };
  const run = (module[`run${name.toUpperCase()}`] ?? module['run']) as
    ((options: object) => Promise<BenchmarkResult>) | undefined;
  if (typeof run !== 'function') throw new UnknownWorkloadError(request.workload);
  return run({
    events: request.events ?? defaults.events ?? 100_000,
    keys: request.keys ?? defaults.keys ?? 10_000,
    guarantee: request.guarantee,
    brokers: request.brokers,
    redisUrl: request.redisUrl,
    progress: request.progress,
  });
}
