import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HELP_TEXT, type ClientCommand } from './client-commands';
import { renderEntity } from './entity-renderer';
import type { SessionState } from './session-state';

export type StatementOutcome = 'ok' | 'error' | 'exit';

/** Runs a statement the REPL handles itself; RUN SCRIPT calls back into the session. */
export async function runClientCommand(
  command: ClientCommand,
  state: SessionState,
  context: {
    readonly cwd: string;
    readonly runScript: (path: string) => Promise<StatementOutcome>;
  },
): Promise<StatementOutcome> {
  const { print, properties, variables } = state;
  switch (command.kind) {
    case 'set':
      properties[command.property] = command.value;
      print(
        `Successfully changed local property '${command.property}' to '${command.value}'. Use the UNSET command to revert your change.`,
      );
      return 'ok';
    case 'unset': {
      const old = properties[command.property];
      delete properties[command.property];
      print(
        old === undefined
          ? `Property '${command.property}' was not set.`
          : `Successfully unset local property '${command.property}' (value was '${old}').`,
      );
      return 'ok';
    }
    case 'define':
      variables[command.name] = command.value;
      return 'ok';
    case 'undefine':
      if (!(command.name in variables))
        print(`WARNING: Cannot undefine variable '${command.name}' which was never defined`);
      delete variables[command.name];
      return 'ok';
    case 'show-variables':
      print(
        renderEntity({
          '@type': 'variables',
          statementText: 'SHOW VARIABLES;',
          warnings: [],
          variables: Object.entries(variables).map(([name, value]) => ({ name, value })),
        }),
      );
      return 'ok';
    case 'run-script':
      return context.runScript(resolve(context.cwd, command.path));
    case 'spool':
      state.spool = resolve(context.cwd, command.path);
      appendFileSync(state.spool, '');
      print(`Session will be spooled to ${state.spool}`);
      return 'ok';
    case 'spool-off':
      if (state.spool) print(`Spool written to ${state.spool}`);
      state.spool = undefined;
      return 'ok';
    case 'output':
      if (command.format) state.format = command.format;
      else print(`Output format: ${state.format}`);
      return 'ok';
    case 'exit':
      return 'exit';
    case 'help':
      print(HELP_TEXT);
      return 'ok';
  }
}
