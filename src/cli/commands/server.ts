import { serverConfigSchema } from '../../server/server-config';
import type { CliCommand } from '../cli-command';

/** `brook server`: the engine with the ksqlDB REST API (8088) and the Connect REST API (8083). */
export const command: CliCommand = {
  register(program, setExitCode) {
    const server = program
      .command('server')
      .description('engine + ksqlDB REST on 8088 + Connect REST on 8083');
    // The option list comes from the config schema, so flags, env vars and docs cannot drift.
    for (const entry of serverConfigSchema) {
      const flag = `${entry.flag} <${entry.type === 'port' ? 'port' : entry.type === 'logLevel' ? 'level' : 'value'}>`;
      server.option(
        flag,
        `${entry.doc} (env ${entry.env ?? '-'}, default ${String(entry.default)})`,
      );
    }
    server.action(async (flags: Record<string, string | undefined>) => {
      const {
        resolveServerConfig,
        loadEngineFactory,
        runServer,
        ServerConfigError,
        EngineUnavailableError,
      } = await import('../../server');
      try {
        const config = resolveServerConfig(flags, process.env);
        setExitCode(await runServer(config, await loadEngineFactory()));
      } catch (err) {
        if (err instanceof ServerConfigError || err instanceof EngineUnavailableError) {
          process.stderr.write(`brook server: ${err.message}\n`);
          setExitCode(1);
          return;
        }
        throw err;
      }
    });
  },
};
