import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from './batch-runner';
import { runInteractiveRepl } from './interactive-repl';
import { ksqlClient } from './ksql-client';

export const DEFAULT_SERVER_URL = 'http://localhost:8088';

export interface ReplMainOptions {
  readonly server: string;
  /** `user:password` for a server with basic authentication. */
  readonly user?: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * `brook` / `brook repl`: interactive on a terminal; with piped stdin, runs the statements it
 * reads and exits non-zero on the first error.
 */
export async function replMain(options: ReplMainOptions): Promise<number> {
  const client = ksqlClient({
    serverUrl: options.server,
    ...(options.user ? { basicAuth: options.user } : {}),
  });
  if (!process.stdin.isTTY) {
    const text = await readAll(process.stdin);
    return runBatch(text, {
      client,
      print: (t) => void process.stdout.write(`${t}\n`),
      terminalWidth: terminalWidth(options.env),
      cwd: process.cwd(),
    });
  }
  return runInteractiveRepl({
    client,
    input: process.stdin,
    output: process.stdout,
    historyFile: options.env.BROOK_HISTORY_FILE ?? join(homedir(), '.brook_history'),
    cliVersion: cliVersion(),
    cwd: process.cwd(),
  });
}

/** `brook run-script FILE.sql`: the file's statements against a server. */
export async function runScriptMain(file: string, options: ReplMainOptions): Promise<number> {
  const client = ksqlClient({
    serverUrl: options.server,
    ...(options.user ? { basicAuth: options.user } : {}),
  });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    process.stderr.write(`Could not read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await runBatch(text, {
      client,
      print: (t) => void process.stdout.write(`${t}\n`),
      terminalWidth: terminalWidth(options.env),
      cwd: process.cwd(),
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

function cliVersion(): string {
  try {
    return (
      JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return 'unknown';
  }
}

/** Piped output has no terminal: `COLUMNS` (as shells export it) or 80 columns. */
function terminalWidth(env: NodeJS.ProcessEnv): number {
  return process.stdout.columns ?? (Number(env.COLUMNS) || 80);
}
