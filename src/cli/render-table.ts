/**
 * A table as the ksql CLI draws its listings:
 *
 *  Name   | Type
 * -------------------
 *  ORDERS | STREAM
 * -------------------
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    ' ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' ';
  const rule = '-'.repeat(line(headers).length);
  return [line(headers), rule, ...rows.map(line), rule].join('\n');
}
