import type { CliCommand } from '../cli-command';

export const command: CliCommand = {
  register(program, setExitCode) {
    const stack = program.command('stack').description('the local real stack without Docker');
    for (const action of ['up', 'down', 'status'] as const) {
      stack
        .command(action)
        .description(`${action}: Kafka, the schema registry, Postgres and Redis`)
        .action(async () => {
          const { runStackCommand } = await import('../../stack');
          setExitCode(await runStackCommand(action));
        });
    }
  },
};
