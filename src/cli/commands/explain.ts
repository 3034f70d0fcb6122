import type { CliCommand } from '../cli-command';

export const command: CliCommand = {
  register(program, setExitCode) {
    program
      .command('explain')
      .description('parse, analyse and plan a SQL file offline; print each plan and topology')
      .argument('<file>', 'a file of ksql statements (its DDL defines the catalog)')
      .option(
        '-s, --set <property=value...>',
        'engine properties, as SET would (ksql.persistence.default.format.key=JSON)',
      )
      .action(async (file: string, options: { set?: string[] }) => {
        const { readFile } = await import('node:fs/promises');
        const { explainScript } = await import('../../explain');
        const config: Record<string, string> = {};
        for (const pair of options.set ?? []) {
          const at = pair.indexOf('=');
          if (at > 0) config[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
        }
        const result = explainScript(await readFile(file, 'utf8'), { fileName: file, config });
        process.stdout.write(result.output);
        if (result.error !== undefined) {
          process.stderr.write(`${result.error}\n`);
          setExitCode(1);
        }
      });
  },
};
