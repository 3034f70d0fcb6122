import { readFileSync } from 'node:fs';
import { parseClientCommand, queryKind } from './client-commands';
import { runClientCommand, type StatementOutcome } from './client-command-runner';
import { renderEntity } from './entity-renderer';
import { KsqlClientError, type KsqlClient, type RequestScope } from './ksql-client';
import { printQuery } from './query-printer';
import { sessionState, type SessionState } from './session-state';
import { splitStatements } from './statement-splitter';

export type { StatementOutcome } from './client-command-runner';

export interface ReplSessionOptions {
  readonly client: KsqlClient;
  /** Writes one block of output; a newline is added. */
  readonly print: (text: string) => void;
  readonly terminalWidth: () => number;
  /** Relative RUN SCRIPT and SPOOL paths resolve from here. */
  readonly cwd: string;
  /** On a terminal, push queries tell the user how to stop them. */
  readonly interactive?: boolean;
  /** Called after statements that may change the catalog (completion refreshes its names). */
  readonly onCatalogChange?: () => void;
}

/**
 * One REPL (or script run): `run` executes one complete statement, client-side (SET, DEFINE,
 * RUN SCRIPT, SPOOL, OUTPUT, ...) or on the server. A running query ends when its LIMIT is
 * reached or `signal` aborts (Ctrl-C); errors are printed, never thrown.
 */
export interface ReplSession {
  run(statement: string, signal: AbortSignal): Promise<StatementOutcome>;
  scope(): RequestScope;
  readonly client: KsqlClient;
}

export function replSession(options: ReplSessionOptions): ReplSession {
  const state = sessionState(options.print);

  const runScript = async (path: string, signal: AbortSignal): Promise<StatementOutcome> => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      state.print(`Could not read the script ${path}: ${(err as Error).message}`);
      return 'error';
    }
    const { statements, rest } = splitStatements(text);
    for (const statement of rest === '' ? statements : [...statements, `${rest};`]) {
      const outcome = await session.run(statement, signal);
      if (outcome !== 'ok') return outcome;
    }
    return 'ok';
  };

  const session: ReplSession = {
    client: options.client,
    scope: () => state.scope(),
    async run(statement, signal) {
      const command = parseClientCommand(statement);
      try {
        if (command) {
          return await runClientCommand(command, state, {
            cwd: options.cwd,
            runScript: (path) => runScript(path, signal),
          });
        }
        await runServerStatement(statement, state, options, signal);
        return 'ok';
      } catch (err) {
        if (signal.aborted && (err as Error).name === 'AbortError') {
          state.print('Query terminated');
          return 'ok';
        }
        state.print(
          err instanceof KsqlClientError ? err.message : `Error: ${(err as Error).message}`,
        );
        return 'error';
      }
    },
  };
  return session;
}

/** SELECT streams from `/query-stream`, PRINT from `/query`, everything else goes to `/ksql`. */
async function runServerStatement(
  statement: string,
  state: SessionState,
  options: ReplSessionOptions,
  signal: AbortSignal,
): Promise<void> {
  const { client } = options;
  switch (queryKind(statement)) {
    case 'select':
      return printQuery(
        client,
        statement,
        state,
        { terminalWidth: options.terminalWidth, interactive: options.interactive ?? false },
        signal,
      );
    case 'print':
      await client.print(statement, state.scope(), (line) => state.print(line), signal);
      if (signal.aborted) state.print('Topic printing ceased');
      return;
    case undefined: {
      const entities = await client.ksql(statement, state.scope());
      if (state.format === 'JSON') state.print(JSON.stringify(entities, null, 2));
      else for (const entity of entities) state.print(renderEntity(entity));
      if (/^\s*(create|drop|alter)\b/i.test(statement)) options.onCatalogChange?.();
      return;
    }
  }
}
