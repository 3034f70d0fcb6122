/**
 * Parser throughput over the QTT corpus statements: statements parsed per second, for the parse
 * alone and for parse + print. Run: `npx tsx bench/parse/parse-bench.ts [--json] [--seconds N]`.
 */
import { performance } from 'node:perf_hooks';
import { parseStatement } from '../../sql/parser';
import { printStatement } from '../../sql/printer';
import { loadQttStatements } from '../../test/unit/sql-parser/qtt-statements';

interface Figure {
  readonly name: string;
  readonly statements: number;
  readonly seconds: number;
  readonly statementsPerSecond: number;
  readonly megabytesPerSecond: number;
}

function measure(
  name: string,
  corpus: readonly string[],
  seconds: number,
  run: (sql: string) => void,
): Figure {
  for (const sql of corpus) run(sql);
  const bytes = corpus.reduce((sum, sql) => sum + Buffer.byteLength(sql), 0);
  let statements = 0;
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (const sql of corpus) run(sql);
    statements += corpus.length;
    passes++;
    elapsed = performance.now() - start;
  }
  const secs = elapsed / 1000;
  return {
    name,
    statements,
    seconds: secs,
    statementsPerSecond: Math.round(statements / secs),
    megabytesPerSecond: Number(((bytes * passes) / secs / 1e6).toFixed(2)),
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const secondsFlag = args.indexOf('--seconds');
  const seconds = secondsFlag >= 0 ? Number(args[secondsFlag + 1] ?? 3) : 3;
  const corpus = loadQttStatements()
    .filter((t) => t.expectedException === undefined)
    .flatMap((t) => t.statements);
  const unique = [...new Set(corpus)];
  const figures = [
    measure('parse', unique, seconds, (sql) => void parseStatement(sql)),
    measure('parse+print', unique, seconds, (sql) => void printStatement(parseStatement(sql))),
  ];
  if (args.includes('--json')) {
    console.log(JSON.stringify({ corpus: unique.length, figures }, null, 2));
    return;
  }
  console.log(`QTT corpus: ${unique.length} distinct statements`);
  for (const f of figures) {
    console.log(
      `${f.name.padEnd(12)} ${f.statementsPerSecond.toLocaleString('en')} statements/s  ${f.megabytesPerSecond} MB/s`,
    );
  }
}

main();
