import { InvalidArgumentError, type Command } from 'commander';
import type { CliCommand } from '../cli-command';

interface DatagenFlags {
  readonly interval: string;
  readonly n: string;
  readonly connectionString: string;
  readonly silent?: string | boolean;
  readonly seed: string;
  readonly sources: string;
  readonly ticks?: string;
  readonly dirtyRate: string;
  readonly duplicateRate: string;
  readonly bootstrapServers: string;
  readonly schema?: string;
  readonly topicPrefix?: string;
}

function number(min: number, max = Number.POSITIVE_INFINITY) {
  return (value: string): string => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new InvalidArgumentError(`expected a number in [${min}, ${max}]`);
    return value;
  };
}

/**
 * Seed 003's `-cs URL` reaches commander as `-c` with the value `s` followed by the URL as an
 * extra argument (commander's short flags are one letter).
 */
function connectionString(flags: DatagenFlags, extra: readonly string[]): string {
  if (extra.length === 0) return flags.connectionString;
  if (flags.connectionString === 's' && extra.length === 1 && extra[0] !== undefined)
    return extra[0];
  throw new InvalidArgumentError(`unexpected arguments: ${extra.join(' ')}`);
}

/** `brook datagen`: seed 003's fake-data generator flags, extended to the medallion sources. */
export const command: CliCommand = {
  register(program, setExitCode) {
    program
      .command('datagen')
      .description(
        'fake data into Postgres (customers, orders, payments) and topics (kafka-orders, kafka-events, kafka-gps, ecommerce-transactions)',
      )
      .option('--interval <seconds>', 'interval of generating fake data in seconds', number(0), '1')
      .option(
        '-n <n>',
        'sample size: database changes and record batches per tick',
        number(1),
        '10',
      )
      .option(
        '-c, --connection-string <url>',
        'connection string to the database',
        process.env.BROOK_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      )
      .option('--silent [silent]', 'do not print the generated data')
      .option('--seed <n>', 'random seed: the same seed generates the same data', number(0), '1')
      .option('--sources <list>', 'oltp,payments,ecommerce', 'oltp,payments,ecommerce')
      .option('--ticks <n>', 'stop after this many ticks (default: run until Ctrl-C)', number(1))
      .option('--dirty-rate <r>', 'share of bad e-commerce records', number(0, 1), '0.02')
      .option(
        '--duplicate-rate <r>',
        'share of duplicated e-commerce records',
        number(0, 1),
        '0.02',
      )
      .option(
        '--bootstrap-servers <list>',
        'Kafka brokers',
        process.env.BROOK_BOOTSTRAP_SERVERS ?? '127.0.0.1:9092',
      )
      .option('--schema <name>', 'Postgres schema of the OLTP tables', 'public')
      .option('--topic-prefix <prefix>', 'prepended to every topic name')
      .addHelpText('after', '\nSeed 003 spells the connection flag -cs; that spelling works too.')
      .allowExcessArguments()
      .action(async (flags: DatagenFlags, cmd: Command) => {
        const { datagenMain, parseSources, DatagenError } = await import('../../datagen');
        try {
          setExitCode(
            await datagenMain(
              {
                intervalSeconds: Number(flags.interval),
                perTick: Math.floor(Number(flags.n)),
                connectionString: connectionString(flags, cmd.args),
                silent: flags.silent !== undefined && flags.silent !== 'false',
                seed: Math.floor(Number(flags.seed)),
                sources: parseSources(flags.sources),
                ...(flags.ticks === undefined ? {} : { ticks: Math.floor(Number(flags.ticks)) }),
                dirtyRate: Number(flags.dirtyRate),
                duplicateRate: Number(flags.duplicateRate),
                bootstrapServers: flags.bootstrapServers,
                ...(flags.schema === undefined ? {} : { schema: flags.schema }),
                ...(flags.topicPrefix === undefined ? {} : { topicPrefix: flags.topicPrefix }),
              },
              (line) => process.stdout.write(`${line}\n`),
            ),
          );
        } catch (err) {
          if (!(err instanceof DatagenError)) throw err;
          process.stderr.write(`brook datagen: ${err.message}\n`);
          setExitCode(1);
        }
      });
  },
};
