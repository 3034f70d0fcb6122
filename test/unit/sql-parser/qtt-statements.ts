import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'lossless-json';

/** Where the shared QTT corpus lives; it is read at test time and never copied into the repo. */
export const qttCasesDir = process.env.BROOK_QTT_CASES ?? '/work/shared/qtt/cases';

export interface QttTestStatements {
  readonly file: string;
  readonly name: string;
  readonly statements: readonly string[];
  /** `expectedException.type`, for negative tests. */
  readonly expectedException?: string;
}

interface RawTest {
  readonly name?: unknown;
  readonly statements?: unknown;
  readonly format?: unknown;
  readonly enabled?: unknown;
  readonly expectedException?: { readonly type?: unknown };
}

/** Every test of every case file, with `{FORMAT}` replaced by the test's first format (or JSON). */
export function loadQttStatements(dir: string = qttCasesDir): QttTestStatements[] {
  const tests: QttTestStatements[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const document = parse(text) as { tests?: RawTest[] };
    for (const test of document.tests ?? []) {
      if (test.enabled === false || !Array.isArray(test.statements)) continue;
      const format =
        Array.isArray(test.format) && typeof test.format[0] === 'string' ? test.format[0] : 'JSON';
      const statements = (test.statements as unknown[]).map((s) =>
        String(s).split('{FORMAT}').join(format),
      );
      const type = test.expectedException?.type;
      tests.push({
        file,
        name: String(test.name),
        statements,
        ...(typeof type === 'string' && { expectedException: type }),
      });
    }
  }
  return tests;
}
