/**
 * Planner throughput: statements parsed + analysed + planned per second, over the golden
 * scripts (their DDL defines each catalog). Run: `npx tsx bench/plan/plan-bench.ts [seconds]`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileScript, parseScript } from '../../sql';

const GOLDEN = join(__dirname, '..', '..', 'test', 'golden');
const seconds = Number(process.argv[2] ?? '3');

const scripts = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.sql') && !f.startsWith('error-'))
  .map((f) => readFileSync(join(GOLDEN, f), 'utf8'));
const statementsPerRound = scripts.reduce((n, s) => n + parseScript(s).length, 0);

function measure(label: string, work: () => void): void {
  for (let i = 0; i < 20; i++) work();
  const start = process.hrtime.bigint();
  let rounds = 0;
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - start < budget) {
    work();
    rounds++;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const perSecond = (rounds * statementsPerRound) / elapsed;
  process.stdout.write(
    `${label.padEnd(28)} ${perSecond.toFixed(0).padStart(8)} statements/s  (${rounds} rounds of ${statementsPerRound} statements in ${elapsed.toFixed(2)} s)\n`,
  );
}

process.stdout.write(
  `plan-bench: ${scripts.length} scripts, ${statementsPerRound} statements per round\n`,
);
measure('parse only', () => scripts.forEach((s) => parseScript(s)));
measure('parse + analyse + plan', () => scripts.forEach((s) => compileScript(s)));
process.stdout.write(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB\n`);
