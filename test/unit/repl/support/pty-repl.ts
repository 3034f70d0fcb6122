import { join } from 'node:path';
import { spawn, type IPty } from 'node-pty';

const BROOK = join(__dirname, '..', '..', '..', '..', 'bin', 'brook.js');

/** The REPL in a real pseudo-terminal: what a user types, and the screen text it prints. */
export interface PtyRepl {
  type(text: string): void;
  /** Output since start with terminal escape sequences removed and CRLF as LF. */
  text(): string;
  /** Output after the `from`th character of `text()`. */
  since(from: number): string;
  /** Resolves when `text()` after `from` matches; rejects with the screen when the REPL exits. */
  waitFor(pattern: string | RegExp, from?: number): Promise<string>;
  exited(): Promise<number>;
  kill(): void;
}

export function startPtyRepl(
  args: readonly string[],
  env: Record<string, string>,
  cols = 131,
): PtyRepl {
  const pty: IPty = spawn(process.execPath, [BROOK, ...args], {
    name: 'xterm',
    cols,
    rows: 50,
    cwd: process.cwd(),
    env: { ...process.env, ...env },
  });
  let raw = '';
  let exitCode: number | undefined;
  const waiters = new Set<() => void>();
  const notify = (): void => waiters.forEach((w) => w());
  pty.onData((data) => {
    raw += data;
    notify();
  });
  const exit = new Promise<number>((resolve) =>
    pty.onExit(({ exitCode: code }) => {
      exitCode = code;
      notify();
      resolve(code);
    }),
  );
  const text = (): string => clean(raw);
  return {
    type: (input) => pty.write(input),
    text,
    since: (from) => text().slice(from),
    waitFor(pattern, from = 0) {
      return new Promise((resolve, reject) => {
        // A hung REPL should fail with what it printed rather than at jest's test timeout.
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `${String(pattern)} did not appear; the REPL printed:\n${text().slice(from)}`,
            ),
          );
        }, 20_000);
        const check = (): void => {
          const tail = text().slice(from);
          const hit = typeof pattern === 'string' ? tail.includes(pattern) : pattern.test(tail);
          if (hit) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(tail);
          } else if (exitCode !== undefined) {
            clearTimeout(timer);
            waiters.delete(check);
            reject(
              new Error(`REPL exited (${exitCode}) before ${String(pattern)} appeared:\n${tail}`),
            );
          }
        };
        waiters.add(check);
        check();
      });
    },
    exited: () => exit,
    kill: () => {
      if (exitCode === undefined) pty.kill();
    },
  };
}

/** Drops CSI/OSC escape sequences and carriage returns, as a screen scrape would. */
function clean(raw: string): string {
  /* eslint-disable no-control-regex -- terminal escape sequences are made of control characters */
  return raw
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/\x1b\][^\x07]*\x07/g, '')
    .replace(/\x1b[=>]/g, '')
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, '');
  /* eslint-enable no-control-regex */
}
