import type { SqlType } from '../../../topology/spec';
import { isNumeric } from './numeric';

const TEMPORAL = new Set(['TIMESTAMP', 'DATE', 'TIME']);

/**
 * Whether `left op right` is a valid comparison in ksqlDB: numbers with numbers, strings with
 * strings, temporal types with each other and with strings, booleans only for (in)equality,
 * and complex types only for (in)equality with the same type.
 */
export function isComparable(left: SqlType, right: SqlType, operator: string): boolean {
  const equality = operator === '=' || operator === '<>' || operator.includes('DISTINCT');
  if (isNumeric(left) && isNumeric(right)) return true;
  if (left.kind === 'STRING' && right.kind === 'STRING') return true;
  if (left.kind === 'BYTES' && right.kind === 'BYTES') return true;
  if (TEMPORAL.has(left.kind) && (TEMPORAL.has(right.kind) || right.kind === 'STRING')) return true;
  if (TEMPORAL.has(right.kind) && left.kind === 'STRING') return true;
  if (left.kind === 'BOOLEAN' && right.kind === 'BOOLEAN') return equality;
  if (
    left.kind === right.kind &&
    (left.kind === 'ARRAY' || left.kind === 'MAP' || left.kind === 'STRUCT')
  ) {
    return equality;
  }
  return false;
}
