import { stripComments } from './statement-splitter';

/**
 * Statements the REPL handles itself, as the ksql CLI does: property overrides and variables
 * live in the session and travel with every request.
 */
export type ClientCommand =
  | { readonly kind: 'set'; readonly property: string; readonly value: string }
  | { readonly kind: 'unset'; readonly property: string }
  | { readonly kind: 'define'; readonly name: string; readonly value: string }
  | { readonly kind: 'undefine'; readonly name: string }
  | { readonly kind: 'show-variables' }
  | { readonly kind: 'run-script'; readonly path: string }
  | { readonly kind: 'spool'; readonly path: string }
  | { readonly kind: 'spool-off' }
  | { readonly kind: 'output'; readonly format: 'TABULAR' | 'JSON' | undefined }
  | { readonly kind: 'exit' }
  | { readonly kind: 'help' };

const QUOTED = String.raw`'((?:[^']|'')*)'`;

const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => ClientCommand][] = [
  [
    new RegExp(String.raw`^set\s+${QUOTED}\s*=\s*${QUOTED}$`, 'is'),
    (m) => ({ kind: 'set', property: unquote(m[1]), value: unquote(m[2]) }),
  ],
  [
    new RegExp(String.raw`^unset\s+${QUOTED}$`, 'is'),
    (m) => ({ kind: 'unset', property: unquote(m[1]) }),
  ],
  [
    new RegExp(String.raw`^define\s+(\w+)\s*=\s*${QUOTED}$`, 'is'),
    (m) => ({ kind: 'define', name: m[1] ?? '', value: unquote(m[2]) }),
  ],
  [/^undefine\s+(\w+)$/i, (m) => ({ kind: 'undefine', name: m[1] ?? '' })],
  [/^(show|list)\s+variables$/i, () => ({ kind: 'show-variables' })],
  [
    new RegExp(String.raw`^run\s+script\s+${QUOTED}$`, 'is'),
    (m) => ({ kind: 'run-script', path: unquote(m[1]) }),
  ],
  [/^spool\s+off$/i, () => ({ kind: 'spool-off' })],
  [/^spool\s+('?)([^']+)\1$/i, (m) => ({ kind: 'spool', path: (m[2] ?? '').trim() })],
  [
    /^output(?:\s+(tabular|json))?$/i,
    (m) => ({ kind: 'output', format: m[1]?.toUpperCase() as 'TABULAR' | 'JSON' | undefined }),
  ],
  [/^(exit|quit)$/i, () => ({ kind: 'exit' })],
  [/^help$/i, () => ({ kind: 'help' })],
];

/** The client command a statement is, or `undefined` when the server must run it. */
export function parseClientCommand(statement: string): ClientCommand | undefined {
  const text = stripComments(statement).replace(/;\s*$/, '').trim();
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return build(match);
  }
  return undefined;
}

/** Whether a statement streams rows (`/query-stream`) or text (`/query`) instead of `/ksql`. */
export function queryKind(statement: string): 'select' | 'print' | undefined {
  const text = stripComments(statement).toLowerCase();
  if (/^select\b/.test(text)) return 'select';
  if (/^print\b/.test(text)) return 'print';
  return undefined;
}

function unquote(text: string | undefined): string {
  return (text ?? '').replace(/''/g, "'");
}

export const HELP_TEXT = `
Statements end with a semicolon and may span several lines.

  SHOW | LIST  TOPICS | STREAMS | TABLES | QUERIES | CONNECTORS | FUNCTIONS | PROPERTIES | TYPES | VARIABLES
  DESCRIBE [EXTENDED] <source>;  DESCRIBE FUNCTION <name>;  EXPLAIN <query id>;
  CREATE STREAM | TABLE ...;  SELECT ... EMIT CHANGES;  PRINT <topic> [FROM BEGINNING] [LIMIT n];

Client commands:
  SET '<property>'='<value>';   UNSET '<property>';       property overrides for this session
  DEFINE <name> = '<value>';   UNDEFINE <name>;          variables for \${name} substitution
  RUN SCRIPT '<file>';         run the statements of a file
  SPOOL <file>;  SPOOL OFF;    copy the output to a file
  OUTPUT [TABULAR | JSON];     show or change the output format
  EXIT | QUIT                  leave (Ctrl-D works too); Ctrl-C stops a running query
`.trim();
