import type { CliCommand } from '../cli-command';

interface BenchCliOptions {
  readonly json?: boolean;
  readonly events?: string;
  readonly keys?: string;
  readonly guarantee: string;
}

export const command: CliCommand = {
  register(program, setExitCode) {
    program
      .command('bench')
      .description(
        'run a benchmark workload (W1 filter/project, W2 windowed aggregation, W5 CDC -> gold) next to its baseline',
      )
      .argument('<workload>', 'W1, W2 or W5')
      .option('--json', 'print one JSON object')
      .option('--events <n>', 'input events')
      .option('--keys <n>', 'distinct keys (W2: 10000, 1000000)')
      .option('--guarantee <g>', 'at_least_once or exactly_once_v2', 'at_least_once')
      .action(async (workload: string, options: BenchCliOptions) => {
        if (options.guarantee !== 'at_least_once' && options.guarantee !== 'exactly_once_v2') {
          process.stderr.write(
            `brook bench: --guarantee must be at_least_once or exactly_once_v2\n`,
          );
          setExitCode(2);
          return;
        }
        const { runBenchmark, UnknownWorkloadError } = await import('../../bench');
        const { stackConfig } = await import('../../stack');
        const config = stackConfig();
        try {
          const result = await runBenchmark({
            workload,
            ...(options.events ? { events: Number(options.events) } : {}),
            ...(options.keys ? { keys: Number(options.keys) } : {}),
            guarantee: options.guarantee,
            brokers: [`${config.host}:${config.kafkaPort}`],
            redisUrl: `redis://${config.host}:${config.redisPort}`,
            progress: (line) => process.stderr.write(`${line}\n`),
          });
          if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else
            process.stdout.write(
              `${result.workload}: ${result.events} events, ${result.eventsPerSec} events/s ` +
                `(baseline ${result.baselineEventsPerSec}, ratio ${result.ratio}), ` +
                `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, peak RSS ${result.peakRssMb} MB\n`,
            );
        } catch (error) {
          if (error instanceof UnknownWorkloadError) {
            process.stderr.write(`brook bench: ${error.message}\n`);
            setExitCode(2);
            return;
          }
          throw error;
        }
      });
  },
};
