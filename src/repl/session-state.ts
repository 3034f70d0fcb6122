import { appendFileSync } from 'node:fs';
import type { OutputFormat } from './entity-renderer';
import type { RequestScope } from './ksql-client';

/**
 * What a REPL holds between statements, as the ksql CLI: local property overrides (sent as
 * `streamsProperties`), variables (sent as `sessionVariables`), the output format and the spool
 * file that `print` copies its output to.
 */
export interface SessionState {
  readonly properties: Record<string, string>;
  readonly variables: Record<string, string>;
  format: OutputFormat;
  spool: string | undefined;
  readonly print: (text: string) => void;
  readonly scope: () => RequestScope;
}

export function sessionState(write: (text: string) => void): SessionState {
  const state: SessionState = {
    properties: {},
    variables: {},
    format: 'TABULAR',
    spool: undefined,
    print: (text) => {
      write(text);
      if (state.spool) appendFileSync(state.spool, `${text}\n`);
    },
    scope: () => ({
      streamsProperties: { ...state.properties },
      sessionVariables: { ...state.variables },
    }),
  };
  return state;
}
