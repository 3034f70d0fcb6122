export {
  runBenchmark,
  UnknownWorkloadError,
  type BenchmarkRequest,
  type BenchmarkResult,
} from './run-benchmark';
