import type { ConfigValidator } from '../config';

/**
 * Debezium's `message.key.columns`: `<table regex>:<column>[,<column>...]` entries separated by
 * `;`, e.g. `inventory.customers:email;(.*).orders:pk3,pk4`. As in Debezium's custom key mapper,
 * every entry becomes an anchored, case-insensitive regex over `schema.table.column`; a table's
 * key is its columns (in table order) that some regex matches, or its primary key when none does.
 */
export interface MessageKeyColumns {
  readonly patterns: readonly RegExp[];
}

interface Entry {
  readonly table: string;
  readonly columns: readonly string[];
}

function parseEntries(text: string): { entries: Entry[]; error?: string } {
  const entries: Entry[] = [];
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const colon = entry.lastIndexOf(':');
    const table = colon < 0 ? '' : entry.slice(0, colon).trim();
    const columns = (colon < 0 ? '' : entry.slice(colon + 1)).split(',').map((c) => c.trim());
    if (table === '' || columns.some((c) => c === ''))
      return {
        entries,
        error: `entry '${entry}' must have the form <schema>.<table>:<column>[,<column>...] (entries separated by ';')`,
      };
    entries.push({ table, columns });
  }
  return { entries };
}

function compile(entries: readonly Entry[]): RegExp[] {
  return entries.flatMap((e) => e.columns.map((c) => new RegExp(`^(?:${e.table}\\.${c})$`, 'i')));
}

export function messageKeyColumns(text: string): MessageKeyColumns {
  return { patterns: compile(parseEntries(text).entries) };
}

/** The message key columns of a table, or undefined to keep the primary key. */
export function keyColumnsOf(
  keys: MessageKeyColumns,
  schema: string,
  table: string,
  columns: readonly string[],
): ReadonlySet<string> | undefined {
  if (keys.patterns.length === 0) return undefined;
  const chosen = columns.filter((c) =>
    keys.patterns.some((p) => p.test(`${schema}.${table}.${c}`)),
  );
  return chosen.length === 0 ? undefined : new Set(chosen);
}

export function messageKeyColumnsValidator(): ConfigValidator {
  return {
    describe: '<schema>.<table>:<column>[,<column>...][;...]',
    check: (value) => {
      if (value === null || String(value).trim() === '') return undefined;
      const { entries, error } = parseEntries(String(value));
      if (error !== undefined) return error;
      try {
        compile(entries);
        return undefined;
      } catch (e) {
        return `not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`;
      }
    },
  };
}
