import { nodeFactory, type AstNode } from './node';

/** A 'single-quoted' string; `value` has the doubled quotes collapsed. */
export interface StringLiteral extends AstNode {
  readonly kind: 'StringLiteral';
  readonly value: string;
}
export const StringLiteral = nodeFactory<StringLiteral>('StringLiteral');

/**
 * Numeric literals keep their exact source text: the analyzer decides INTEGER vs BIGINT and the
 * DECIMAL precision/scale from it (`1.10` is DECIMAL(3,2)).
 */
export interface IntegerLiteral extends AstNode {
  readonly kind: 'IntegerLiteral';
  readonly text: string;
}
export const IntegerLiteral = nodeFactory<IntegerLiteral>('IntegerLiteral');

/** A number with a decimal point and no exponent: a DECIMAL in ksqlDB. */
export interface DecimalLiteral extends AstNode {
  readonly kind: 'DecimalLiteral';
  readonly text: string;
}
export const DecimalLiteral = nodeFactory<DecimalLiteral>('DecimalLiteral');

/** A number with an exponent (`1.5E3`): a DOUBLE. */
export interface DoubleLiteral extends AstNode {
  readonly kind: 'DoubleLiteral';
  readonly text: string;
}
export const DoubleLiteral = nodeFactory<DoubleLiteral>('DoubleLiteral');

export interface BooleanLiteral extends AstNode {
  readonly kind: 'BooleanLiteral';
  readonly value: boolean;
}
export const BooleanLiteral = nodeFactory<BooleanLiteral>('BooleanLiteral');

export interface NullLiteral extends AstNode {
  readonly kind: 'NullLiteral';
}
export const NullLiteral = nodeFactory<NullLiteral>('NullLiteral');

export type Literal =
  StringLiteral | IntegerLiteral | DecimalLiteral | DoubleLiteral | BooleanLiteral | NullLiteral;
