import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionCategory, FunctionDefinition } from './function-definition';
import { listFunctions } from './function-registry';

/**
 * Renders docs/functions.md from the signature registry, so the reference cannot drift from
 * what the analyzer accepts. Run: `npx tsx sql/functions/generate-docs.ts`.
 */
export function renderFunctionDocs(functions: readonly FunctionDefinition[]): string {
  const byCategory = new Map<FunctionCategory, FunctionDefinition[]>();
  for (const def of functions)
    byCategory.set(def.category, [...(byCategory.get(def.category) ?? []), def]);
  const lines = [
    '# Functions',
    '',
    'Generated from `sql/functions` by `npx tsx sql/functions/generate-docs.ts`; do not edit by hand.',
    '',
    'Arguments widen implicitly (INT -> BIGINT -> DECIMAL -> DOUBLE). Single upper-case letters are',
    'generic types. Unless stated otherwise a function returns NULL when an argument is NULL.',
    '',
    'Text of values (CAST to STRING, JSON and DELIMITED output) follows Java: a DOUBLE prints as',
    "JDK 8-18's `Double.toString` (`3.0`, `1.0E7`, 2^62 as `4.6116860184273879E18`), the JDK",
    'ksqlDB ran on, not the shortest round-trip digits of JDK 19+: no expected number in the 57',
    "public QTT files tells the two apart (about 1,000 checked), while the corpus's documented",
    'example needs the older digits. A DECIMAL prints with its column scale (`9.0` in DECIMAL(2,1)).',
    '',
  ];
  for (const [category, defs] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`## ${category}`, '');
    for (const def of defs) {
      lines.push(
        `### ${def.name}`,
        '',
        def.description,
        '',
        '```',
        ...def.signatures.map((s) => s.text),
        '```',
        '',
      );
    }
  }
  return lines.join('\n');
}

if (require.main === module) {
  const target = join(__dirname, '..', '..', 'docs', 'functions.md');
  writeFileSync(target, renderFunctionDocs(listFunctions()));
  process.stdout.write(`wrote ${target}\n`);
}
