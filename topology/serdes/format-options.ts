import type { FormatSpec } from './serde-contract';

/** A format property by any of the spellings ksqlDB users and printers use (`delimiter`, `VALUE_DELIMITER`, ...). */
export function formatProperty(format: FormatSpec, ...names: string[]): string | undefined {
  const entries = Object.entries(format.properties);
  for (const name of names) {
    const hit = entries.find(([k]) => k.toUpperCase() === name.toUpperCase());
    if (hit) return hit[1];
  }
  return undefined;
}

/** The DELIMITED delimiter: a single character, or the names TAB and SPACE; ',' by default. */
export function delimiterOf(format: FormatSpec, isKey: boolean): string {
  const raw =
    formatProperty(format, 'delimiter', isKey ? 'KEY_DELIMITER' : 'VALUE_DELIMITER') ?? ',';
  switch (raw.toUpperCase()) {
    case 'TAB':
      return '\t';
    case 'SPACE':
      return ' ';
    default:
      return raw;
  }
}
