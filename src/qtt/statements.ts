import { type CaseResult, failed } from './case-result';
import type { QttCase } from './qtt-case';

export type StatementOutcome =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'rejected'; readonly index: number; readonly message: string };

/**
 * Scores a rejected statement. A negative case passes when its last statement is the one
 * rejected (QTT allows no other); whether Brook's message contains ksqlDB's expected text is
 * reported, not scored, since ksqlDB's wording is not Brook's contract.
 */
export function expectedRejection(
  c: QttCase,
  outcome: Extract<StatementOutcome, { kind: 'rejected' }>,
): CaseResult {
  const position = `statement ${outcome.index + 1} of ${c.statements.length}`;
  const expected = c.expectedException;
  if (!expected)
    return failed(c.file, c.name, 'rejected', `${position} rejected: ${outcome.message}`);
  if (outcome.index !== c.statements.length - 1)
    return failed(
      c.file,
      c.name,
      'rejected',
      `${position} rejected, but only the last may fail: ${outcome.message}`,
    );
  const messageMatched =
    expected.message === undefined || outcome.message.includes(expected.message);
  const detail = messageMatched
    ? 'message matches'
    : `message differs: expected "${expected.message ?? ''}", got "${oneLine(outcome.message)}"`;
  return {
    file: c.file,
    name: c.name,
    status: 'passed',
    reason: `rejected as expected; ${detail}`,
    messageMatched,
  };
}

function oneLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}
