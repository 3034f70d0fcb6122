import { literalValue } from '../../../topology';
import type { Column, ComparisonOp, Expression } from '../../../topology/spec';

/** Inclusive byte bounds of the store keys a range query can match (a superset of them). */
export interface KeyByteRange {
  readonly from: Buffer;
  readonly to: Buffer;
}

const OPEN_PREFIX = Buffer.from('["');
const HIGHEST = Buffer.alloc(64, 0xff);

/**
 * Byte bounds for a one-column STRING key compared with literals (`>=`, `>`, `<=`, `<`,
 * BETWEEN, in AND-ed conjuncts). Store keys are JSON arrays (`["abc"]`), whose byte order
 * follows string order only for some characters, so bounds keep the longest prefix of the
 * literal that is safe: a lower bound keeps ASCII characters from `#` up, except `\`
 * (quotes, controls and escapes sort below them); an upper bound keeps ASCII characters above
 * `\` (an escaped character starts with `\`). The WHERE clause is still evaluated on each row.
 * Other key types (numbers encode as JSON text, not in numeric order) are scanned.
 */
export function keyByteRange(predicate: Expression | undefined, key: readonly Column[]): KeyByteRange | undefined {
  const column = key.length === 1 ? key[0] : undefined;
  if (!predicate || column?.type.kind !== 'STRING') return undefined;
  let low: string | undefined;
  let high: string | undefined;
  for (const c of conjuncts(predicate)) {
    for (const bound of bounds(c, column.name)) {
      if (bound.side === 'low' && (low === undefined || bound.value > low)) low = bound.value;
      if (bound.side === 'high' && (high === undefined || bound.value < high)) high = bound.value;
    }
  }
  if (low === undefined && high === undefined) return undefined;
  const from = Buffer.concat([OPEN_PREFIX, Buffer.from(safePrefix(low ?? '', (c) => c >= 0x23 && c < 0x7f && c !== 0x5c))]);
  const upper = high === undefined ? '' : safePrefix(high, (c) => c > 0x5c && c < 0x7f);
  return { from, to: Buffer.concat([OPEN_PREFIX, Buffer.from(upper), HIGHEST]) };
}

function safePrefix(text: string, safe: (code: number) => boolean): string {
  let i = 0;
  while (i < text.length && safe(text.charCodeAt(i))) i++;
  return text.slice(0, i);
}

function conjuncts(e: Expression): Expression[] {
  return e.kind === 'LogicalBinary' && e.op === 'AND' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

type Bound = { readonly side: 'low' | 'high'; readonly value: string };

const FLIPPED: Readonly<Record<ComparisonOp, ComparisonOp>> = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

function bounds(e: Expression, key: string): Bound[] {
  if (e.kind === 'Between' && !e.negated && isKey(e.operand, key)) {
    const [low, high] = [text(e.low), text(e.high)];
    return low === undefined || high === undefined ? [] : [{ side: 'low', value: low }, { side: 'high', value: high }];
  }
  if (e.kind !== 'Comparison') return [];
  const [op, value] = isKey(e.left, key) ? [e.op, text(e.right)] : isKey(e.right, key) ? [FLIPPED[e.op], text(e.left)] : [e.op, undefined];
  if (value === undefined) return [];
  if (op === '>' || op === '>=') return [{ side: 'low', value }];
  if (op === '<' || op === '<=') return [{ side: 'high', value }];
  return [];
}

function isKey(e: Expression, key: string): boolean {
  return e.kind === 'ColumnRef' && e.name === key;
}

function text(e: Expression): string | undefined {
  if (e.kind !== 'Literal' || e.type.kind !== 'STRING') return undefined;
  const value = literalValue(e);
  return typeof value === 'string' ? value : undefined;
}
