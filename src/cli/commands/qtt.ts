import type { CliCommand } from '../cli-command';

interface QttOptions {
  readonly json?: boolean;
  readonly mode: string;
  readonly filter?: string;
  readonly verbose?: boolean;
  readonly runId?: string;
}

export const command: CliCommand = {
  register(program, setExitCode) {
    program
      .command('qtt')
      .description('run ksqlDB query-validation (QTT) cases against Brook; pass/fail/skip per case')
      .argument('<paths...>', 'QTT case files or directories of them')
      .option('--json', 'print {"passed","failed","skipped","cases"} as JSON')
      .option(
        '--mode <mode>',
        'driver (in-process TopologyTestDriver) or broker (the real stack)',
        'driver',
      )
      .option('--filter <regex>', 'only cases whose full name matches')
      .option('--verbose', 'say why each case passed (negative-case message matches)')
      .option(
        '--run-id <id>',
        "broker mode: prefix of this run's topics and groups (default: pid and start time)",
      )
      .action(async (paths: string[], options: QttOptions) => {
        if (options.mode !== 'driver' && options.mode !== 'broker') {
          process.stderr.write(
            `brook qtt: --mode must be driver or broker, not '${options.mode}'\n`,
          );
          setExitCode(2);
          return;
        }
        const { brokerMode, jsonReport, runCases, textReport } = await import('../../qtt');
        const { registryUrl, stackConfig } = await import('../../stack');
        const broker =
          options.mode === 'broker'
            ? (() => {
                const config = stackConfig();
                return brokerMode({
                  brokers: [`${config.host}:${config.kafkaPort}`],
                  registryUrl: registryUrl(config),
                  runId: options.runId ?? `${process.pid}${Date.now().toString(36)}`,
                });
              })()
            : undefined;
        const filter = options.filter === undefined ? undefined : new RegExp(options.filter);
        const every = options.mode === 'broker' ? 1 : 25;
        try {
          const run = await runCases(paths, {
            mode: options.mode,
            ...(filter ? { filter } : {}),
            ...(broker ? { brokerRunner: broker.runner } : {}),
            onResult: (result, done, total) => {
              if (done % every === 0 || done === total)
                process.stderr.write(
                  `qtt: ${done}/${total} cases (${result.status} ${result.name})\n`,
                );
            },
          });
          process.stdout.write(
            options.json ? `${jsonReport(run)}\n` : textReport(run, options.verbose ?? false),
          );
          const failed =
            run.results.some((r) => r.status === 'failed') || run.loadErrors.length > 0;
          setExitCode(failed ? 1 : 0);
        } finally {
          await broker?.close();
        }
      });
  },
};
