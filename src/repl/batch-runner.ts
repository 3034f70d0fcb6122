import type { KsqlClient } from './ksql-client';
import { replSession } from './repl-session';
import { splitStatements } from './statement-splitter';

export interface BatchOptions {
  readonly client: KsqlClient;
  readonly print: (text: string) => void;
  readonly terminalWidth: number;
  readonly cwd: string;
  /** Aborts the statement that runs (SIGINT). */
  readonly signal?: AbortSignal;
}

/**
 * Runs a script's statements one after another against the server (piped stdin and
 * `brook run-script`), printing results as the REPL does. Stops at the first error.
 * Returns the process exit code: 0, or 1 after an error.
 */
export async function runBatch(text: string, options: BatchOptions): Promise<number> {
  const session = replSession({
    client: options.client,
    print: options.print,
    terminalWidth: () => options.terminalWidth,
    cwd: options.cwd,
  });
  const { statements, rest } = splitStatements(text);
  const all = rest === '' ? statements : [...statements, `${rest};`];
  const signal = options.signal ?? new AbortController().signal;
  for (const statement of all) {
    const outcome = await session.run(statement, signal);
    if (outcome === 'error') return 1;
    if (outcome === 'exit') return 0;
  }
  return 0;
}
