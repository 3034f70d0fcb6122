import type { Command } from 'commander';

/** One top-level `brook` subcommand, registered from `src/cli/commands/<name>.ts`. */
export interface CliCommand {
  register(program: Command, setExitCode: (code: number) => void): void;
}
