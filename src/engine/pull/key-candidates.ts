import { castValue, literalValue } from '../../../topology';
import type { Column, Expression } from '../../../topology/spec';

/**
 * The key values a pull query's WHERE pins a one-column key to (`K = x`, `K IN (x, y)`, in any
 * AND-ed conjunct), or `undefined` when it does not pin it (the table is scanned). The WHERE
 * is still evaluated on every row read, so this only narrows what is read.
 */
export function keyCandidates(predicate: Expression | undefined, key: readonly Column[]): readonly unknown[] | undefined {
  const column = key.length === 1 ? key[0] : undefined;
  if (!predicate || !column) return undefined;
  let best: unknown[] | undefined;
  for (const conjunct of conjuncts(predicate)) {
    const values = pinned(conjunct, column);
    if (values && (!best || values.length < best.length)) best = values;
  }
  return best;
}

function conjuncts(e: Expression): Expression[] {
  return e.kind === 'LogicalBinary' && e.op === 'AND' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

function pinned(e: Expression, key: Column): unknown[] | undefined {
  if (e.kind === 'Comparison' && e.op === '=') {
    if (isKey(e.left, key)) return literalOf(e.right, key);
    if (isKey(e.right, key)) return literalOf(e.left, key);
  }
  if (e.kind === 'In' && !e.negated && isKey(e.operand, key)) {
    const values: unknown[] = [];
    for (const item of e.list) {
      const value = literalOf(item, key);
      if (!value) return undefined;
      values.push(...value);
    }
    return values;
  }
  return undefined;
}

function isKey(e: Expression, key: Column): boolean {
  return e.kind === 'ColumnRef' && e.name === key.name;
}

/** A literal as a value of the key column's type; a NULL literal matches no key. */
function literalOf(e: Expression, key: Column): unknown[] | undefined {
  if (e.kind !== 'Literal') return undefined;
  const value = literalValue(e);
  if (value === null) return [];
  try {
    return [e.type.kind === key.type.kind ? value : castValue(value, e.type, key.type)];
  } catch {
    return undefined;
  }
}
