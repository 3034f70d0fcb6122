import type { Command } from 'commander';
import type { CliCommand } from '../cli-command';
import { replFlags } from './repl';

/** `brook run-script FILE.sql`: runs a file of statements against a server. */
export const command: CliCommand = {
  register(program, setExitCode) {
    program
      .command('run-script')
      .description(
        'execute a file of statements against a server, stop at the first error; takes --server, --user',
      )
      .argument('<file>', 'SQL file')
      .action(async (file: string, _options: unknown, cmd: Command) => {
        const flags = replFlags(cmd);
        const { runScriptMain } = await import('../../repl');
        setExitCode(
          await runScriptMain(file, {
            server: flags.server,
            ...(flags.user ? { user: flags.user } : {}),
            env: process.env,
          }),
        );
      });
  },
};
