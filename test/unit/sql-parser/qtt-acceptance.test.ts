import { SqlError } from '../../../sql/errors';
import { parseStatement } from '../../../sql/parser';
import { loadQttStatements } from './qtt-statements';

/**
 * The QTT corpus is the best sample of real ksql. Every statement of a positive test must parse;
 * negative tests that ksqlDB rejects with a ParseFailedException must fail at their last statement.
 */
describe('QTT corpus acceptance', () => {
  const tests = loadQttStatements();

  it('parses every statement of every positive test', () => {
    const failures: string[] = [];
    let total = 0;
    for (const test of tests.filter((t) => t.expectedException === undefined)) {
      for (const statement of test.statements) {
        total++;
        try {
          parseStatement(statement);
        } catch (error) {
          const message = error instanceof SqlError ? error.render(statement) : String(error);
          failures.push(`${test.file} / ${test.name}\n${message}`);
        }
      }
    }
    const accepted = total - failures.length;
    console.log(
      `QTT positive statements parsed: ${accepted}/${total} (${((100 * accepted) / total).toFixed(2)}%)`,
    );
    expect(total).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  it('rejects the last statement of every ParseFailedException test, and nothing before it', () => {
    const negatives = tests.filter((t) => t.expectedException?.endsWith('ParseFailedException'));
    const outcomes = negatives.map((test) => {
      const parses = test.statements.map((statement) => {
        try {
          parseStatement(statement);
          return true;
        } catch (error) {
          if (!(error instanceof SqlError)) throw error;
          return false;
        }
      });
      return {
        test: test.name,
        earlierParse: parses.slice(0, -1).every(Boolean),
        lastFails: parses.at(-1) === false,
      };
    });
    const rejected = outcomes.filter((o) => o.earlierParse && o.lastFails).length;
    console.log(
      `QTT ParseFailedException tests rejected at the last statement: ${rejected}/${negatives.length}`,
    );
    expect(negatives.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => !(o.earlierParse && o.lastFails))).toEqual([]);
  });

  it('parses the statements of other negative tests up to the failing one (errors there are semantic)', () => {
    const others = tests.filter(
      (t) =>
        t.expectedException !== undefined && !t.expectedException.endsWith('ParseFailedException'),
    );
    let total = 0;
    let accepted = 0;
    for (const test of others) {
      for (const statement of test.statements.slice(0, -1)) {
        total++;
        try {
          parseStatement(statement);
          accepted++;
        } catch (error) {
          if (!(error instanceof SqlError)) throw error;
        }
      }
    }
    console.log(
      `QTT statements before the failing one in other negative tests parsed: ${accepted}/${total}`,
    );
    expect(accepted).toBe(total);
  });
});
