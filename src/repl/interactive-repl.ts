import { appendFileSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { banner } from './banner';
import { completion } from './completion';
import type { KsqlClient } from './ksql-client';
import { replSession } from './repl-session';
import { splitStatements } from './statement-splitter';

export const PROMPT = 'ksql> ';
export const CONTINUATION_PROMPT = '>';

export interface InteractiveReplOptions {
  readonly client: KsqlClient;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream & { columns?: number };
  readonly historyFile: string;
  readonly cliVersion: string;
  readonly cwd: string;
}

/**
 * The interactive REPL on a terminal: banner, `ksql> ` prompt and `>` continuation until a
 * statement ends with `;`, persistent history, tab completion, and Ctrl-C that stops a
 * running query (closing it on the server) and keeps the REPL. Resolves to the exit code.
 */
export async function runInteractiveRepl(options: InteractiveReplOptions): Promise<number> {
  const { client, output } = options;
  const write = (text: string): void => void output.write(`${text}\n`);
  const completer = completion(client, () => session.scope());
  const session = replSession({
    client,
    print: write,
    terminalWidth: () => output.columns ?? 80,
    cwd: options.cwd,
    interactive: true,
    onCatalogChange: () => void completer.refresh(),
  });
  const info = await client.info().catch((err: Error) => err);
  write(banner(options.cliVersion, client.serverUrl, info));
  if (!(info instanceof Error)) await completer.refresh();

  const rl = createInterface({
    input: options.input,
    output,
    terminal: true,
    prompt: PROMPT,
    history: loadHistory(options.historyFile),
    historySize: 1000,
    removeHistoryDuplicates: true,
    completer: (line: string) => completer.complete(line),
  });
  let buffer = '';
  let running: AbortController | undefined;
  rl.on('SIGINT', () => {
    if (running) {
      running.abort();
      return;
    }
    buffer = '';
    // Drop what was typed on the current line too (end of line, then delete to its start).
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    output.write('^C\n');
    rl.setPrompt(PROMPT);
    rl.prompt();
  });

  rl.prompt();
  for await (const line of rl) {
    if (line.trim() !== '') appendHistory(options.historyFile, line);
    buffer = buffer === '' ? line : `${buffer}\n${line}`;
    const { statements, rest } = splitStatements(buffer);
    // exit, quit and help need no semicolon, as in the ksql CLI.
    const bare = statements.length === 0 && /^(exit|quit|help)$/i.test(rest) ? [rest] : [];
    buffer = bare.length > 0 ? '' : rest;
    for (const statement of [...statements, ...bare]) {
      running = new AbortController();
      const outcome = await session.run(statement, running.signal);
      running = undefined;
      if (outcome === 'exit') {
        rl.close();
        return 0;
      }
    }
    rl.setPrompt(buffer === '' ? PROMPT : CONTINUATION_PROMPT);
    rl.prompt();
  }
  output.write('\n');
  return 0;
}

/** readline wants the newest entry first; the file keeps the oldest first. */
function loadHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(-1000)
      .reverse();
  } catch {
    return [];
  }
}

function appendHistory(file: string, line: string): void {
  try {
    appendFileSync(file, `${line}\n`);
  } catch {
    // History is a convenience: a read-only home must not stop the REPL.
  }
}
