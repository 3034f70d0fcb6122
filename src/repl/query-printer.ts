import type { KsqlClient } from './ksql-client';
import { cellText, rowGrid, type RowGrid } from './row-grid';
import type { SessionState } from './session-state';

export interface QueryPrinterOptions {
  readonly terminalWidth: () => number;
  readonly interactive: boolean;
}

/**
 * Streams a SELECT and prints it as the ksql CLI: the boxed grid (or one JSON object per row),
 * then `Limit Reached` and `Query terminated` when it ends or `signal` aborts.
 */
export async function printQuery(
  client: KsqlClient,
  statement: string,
  state: SessionState,
  options: QueryPrinterOptions,
  signal: AbortSignal,
): Promise<void> {
  let grid: RowGrid | undefined;
  let columns: readonly string[] = [];
  const listener = {
    header: (header: { readonly columnNames: readonly string[] }): void => {
      columns = header.columnNames;
      if (state.format === 'JSON') return;
      grid = rowGrid(columns, options.terminalWidth());
      state.print(grid.header());
      if (options.interactive && /\bemit\s+changes\b/i.test(statement))
        state.print('Press CTRL-C to interrupt');
    },
    row: (values: readonly unknown[]): void => {
      if (state.format === 'JSON') {
        state.print(
          JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, values[i] ?? null]))),
        );
      } else {
        grid ??= rowGrid(columns, options.terminalWidth());
        state.print(grid.row(values.map(cellText)));
      }
    },
  };
  await client.query(statement, state.scope(), listener, signal);
  if (grid) state.print(grid.footer());
  if (!signal.aborted && /\blimit\s+\d+\s*;?\s*$/i.test(statement)) state.print('Limit Reached');
  state.print('Query terminated');
}
