import { InvalidArgumentError } from 'commander';
import type { CliCommand } from '../cli-command';

interface DemoFlags {
  readonly duration?: string;
  readonly seed: string;
  readonly n: string;
  readonly interval: string;
  readonly serviceId: string;
  readonly port: string;
  readonly connectPort: string;
  readonly snapshotSeconds: string;
  readonly namespace?: string;
}

function nonNegative(value: string): string {
  if (!Number.isFinite(Number(value)) || Number(value) < 0)
    throw new InvalidArgumentError('expected a non-negative number');
  return value;
}

/** `brook demo`: stack, server, connectors, the medallion pipeline, datagen, live gold tables. */
export const command: CliCommand = {
  register(program, setExitCode) {
    program
      .command('demo')
      .description(
        'the medallion pipeline end to end: stack, server, connectors, SQL, datagen and live gold tables (Ctrl-C stops)',
      )
      .option('--duration <seconds>', 'stop after this many seconds', nonNegative)
      .option('--seed <n>', 'datagen random seed', nonNegative, '1')
      .option('-n <n>', 'datagen changes and record batches per tick', nonNegative, '20')
      .option('--interval <seconds>', 'seconds between datagen ticks', nonNegative, '0.5')
      .option('--service-id <id>', 'ksql.service.id of the demo server', 'brook_demo_')
      .option('--port <port>', 'ksqlDB REST port', nonNegative, '8088')
      .option('--connect-port <port>', 'Kafka Connect REST port', nonNegative, '8083')
      .option(
        '--namespace <name>',
        'run an isolated copy: topics <name>-*, schemas <name>_oltp and <name>_gold, connectors <name>-*',
      )
      .option('--snapshot-seconds <s>', 'seconds between gold table snapshots', nonNegative, '10')
      .action(async (flags: DemoFlags) => {
        const { demoMain } = await import('../../demo');
        const code = await demoMain(
          {
            ...(flags.duration === undefined ? {} : { durationSeconds: Number(flags.duration) }),
            seed: Math.floor(Number(flags.seed)),
            perTick: Math.max(1, Math.floor(Number(flags.n))),
            intervalSeconds: Number(flags.interval),
            serviceId: flags.serviceId,
            port: Number(flags.port),
            connectPort: Number(flags.connectPort),
            snapshotSeconds: Number(flags.snapshotSeconds),
            ...(flags.namespace === undefined ? {} : { namespace: flags.namespace }),
          },
          (line) => process.stdout.write(`${line}\n`),
        );
        setExitCode(code);
        // Everything the demo started is closed by now; a client library's leftover socket
        // must not keep the terminal waiting.
        setTimeout(() => process.exit(code), 3_000).unref();
      });
  },
};
