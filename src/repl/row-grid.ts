/**
 * The boxed grid the ksql CLI prints query rows in:
 *
 *   +----------+----------+
 *   |NOME      |EMAIL     |
 *   +----------+----------+
 *   |Amy       |a@b.org   |
 *
 * Rows arrive one at a time, so column widths are fixed by the header and the terminal: the
 * width is shared equally between the columns; longer values wrap onto continuation lines.
 */
export interface RowGrid {
  /** The rule, header and rule, as lines. */
  header(): string;
  /** One row (possibly several lines when values wrap). */
  row(values: readonly string[]): string;
  /** The closing rule. */
  footer(): string;
}

export function rowGrid(columnNames: readonly string[], terminalWidth: number): RowGrid {
  const count = Math.max(1, columnNames.length);
  const shared = Math.floor((terminalWidth - 1) / count) - 1;
  const widths = columnNames.map((name) => Math.max(shared, name.length, 1));
  const rule = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
  const render = (cells: readonly string[]): string => {
    const wrapped = widths.map((w, i) => wrap(cells[i] ?? '', w));
    const height = Math.max(1, ...wrapped.map((lines) => lines.length));
    const lines: string[] = [];
    for (let line = 0; line < height; line++) {
      lines.push(`|${widths.map((w, i) => (wrapped[i]?.[line] ?? '').padEnd(w)).join('|')}|`);
    }
    return lines.join('\n');
  };
  return {
    header: () => [rule, render(columnNames), rule].join('\n'),
    row: (values) => render(values),
    footer: () => rule,
  };
}

function wrap(text: string, width: number): string[] {
  const flat = text.replace(/\r?\n/g, ' ');
  if (flat.length <= width) return [flat];
  const lines: string[] = [];
  for (let i = 0; i < flat.length; i += width) lines.push(flat.slice(i, i + width));
  return lines;
}

/** A cell's text: strings bare, null as `null`, everything else as JSON (as the ksql CLI). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
