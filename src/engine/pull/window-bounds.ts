import { literalValue } from '../../../topology';
import type { Expression } from '../../../topology/spec';

/** Inclusive bounds of one window pseudo column, in epoch milliseconds. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

/** What a pull query's WHERE bounds `WINDOWSTART` and `WINDOWEND` to. */
export interface WindowBounds {
  readonly start: TimeRange;
  readonly end: TimeRange;
}

export const UNBOUNDED: TimeRange = { from: 0, to: Number.MAX_SAFE_INTEGER };

type Pseudo = 'WINDOWSTART' | 'WINDOWEND';
type Op = '=' | '<' | '<=' | '>' | '>=';

/**
 * The bounds that AND-ed comparisons of `WINDOWSTART` / `WINDOWEND` with numeric literals put on
 * the windows a pull query reads (`=`, `<`, `<=`, `>`, `>=`, BETWEEN, either side), as ksqlDB
 * narrows its window store fetch. Other conjuncts (OR, string timestamps) do not narrow; the
 * WHERE is still evaluated on every window read, so this only limits what is fetched.
 */
export function windowBounds(predicate: Expression | undefined): WindowBounds {
  const bounds = { WINDOWSTART: { ...UNBOUNDED }, WINDOWEND: { ...UNBOUNDED } };
  for (const c of predicate ? conjuncts(predicate) : []) {
    if (c.kind === 'Comparison' && isOp(c.op)) {
      const left = pseudo(c.left);
      const right = pseudo(c.right);
      if (left) narrow(bounds[left], c.op, numberOf(c.right));
      else if (right) narrow(bounds[right], flip(c.op), numberOf(c.left));
    } else if (c.kind === 'Between' && !c.negated) {
      const column = pseudo(c.operand);
      if (column) {
        narrow(bounds[column], '>=', numberOf(c.low));
        narrow(bounds[column], '<=', numberOf(c.high));
      }
    }
  }
  return { start: bounds.WINDOWSTART, end: bounds.WINDOWEND };
}

function conjuncts(e: Expression): Expression[] {
  return e.kind === 'LogicalBinary' && e.op === 'AND' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

function isOp(op: string): op is Op {
  return op === '=' || op === '<' || op === '<=' || op === '>' || op === '>=';
}

function pseudo(e: Expression): Pseudo | undefined {
  return e.kind === 'PseudoColumn' && (e.name === 'WINDOWSTART' || e.name === 'WINDOWEND') ? e.name : undefined;
}

function flip(op: Op): Op {
  return op === '<' ? '>' : op === '<=' ? '>=' : op === '>' ? '<' : op === '>=' ? '<=' : op;
}

function numberOf(e: Expression): number | undefined {
  if (e.kind !== 'Literal') return undefined;
  const value = literalValue(e);
  const n = typeof value === 'bigint' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function narrow(range: { from: number; to: number }, op: Op, value: number | undefined): void {
  if (value === undefined) return;
  if (op === '=' || op === '>=' || op === '>') range.from = Math.max(range.from, op === '>' ? Math.floor(value) + 1 : Math.ceil(value));
  if (op === '=' || op === '<=' || op === '<') range.to = Math.min(range.to, op === '<' ? Math.ceil(value) - 1 : Math.floor(value));
}
