import type { Command } from 'commander';
import type { CliCommand } from '../cli-command';

interface ReplFlags {
  readonly server: string;
  readonly user?: string;
}

/** `--server` and `--user` are program-level options, shared by `brook`, `repl` and `run-script`. */
export function replFlags(command: Command): ReplFlags {
  return command.optsWithGlobals<ReplFlags>();
}

/** `brook` with no arguments and `brook repl`: the ksql-style REPL, a client of the server. */
export const command: CliCommand = {
  register(program, setExitCode) {
    const run = async (flags: ReplFlags): Promise<void> => {
      const { replMain } = await import('../../repl');
      setExitCode(
        await replMain({
          server: flags.server,
          ...(flags.user ? { user: flags.user } : {}),
          env: process.env,
        }),
      );
    };
    program
      .option(
        '--server <url>',
        'ksqlDB-compatible server (brook, repl, run-script)',
        process.env.BROOK_SERVER_URL ?? 'http://localhost:8088',
      )
      .option(
        '--user <user:password>',
        'basic authentication credentials (brook, repl, run-script)',
      )
      .action(async (_options: unknown, cmd: Command) => run(replFlags(cmd)));
    program
      .command('repl')
      .description(
        'the REPL (interactive on a terminal; runs piped statements otherwise); takes --server, --user',
      )
      .action(async (_options: unknown, cmd: Command) => run(replFlags(cmd)));
  },
};
