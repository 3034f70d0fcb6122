import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import type { CliCommand } from './cli-command';

/**
 * The `brook` command line. Every file in `commands/` registers one top-level subcommand;
 * an action returns the process exit code.
 */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('brook')
    .description('Brook: ksqlDB-style streaming SQL on Kafka, with state in Redis')
    .exitOverride();
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  for (const command of loadCommands()) command.register(program, setExitCode);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return exitCode;
}

function loadCommands(): CliCommand[] {
  const dir = join(__dirname, 'commands');
  return (
    readdirSync(dir)
      .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
      .sort()
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- commands are discovered at run time
      .map((file) => (require(join(dir, file)) as { command: CliCommand }).command)
  );
}
