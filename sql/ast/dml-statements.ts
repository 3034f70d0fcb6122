import type { Expression } from './expressions';
import type { Identifier } from './identifier';
import { nodeFactory, type AstNode } from './node';
import type { Property } from './property';
import type { Query } from './query';

/** INSERT INTO target [WITH (...)] SELECT ...: a persistent query writing into an existing stream. */
export interface InsertInto extends AstNode {
  readonly kind: 'InsertInto';
  readonly target: Identifier;
  readonly properties: readonly Property[];
  readonly query: Query;
}
export const InsertInto = nodeFactory<InsertInto>('InsertInto');

/** INSERT INTO target [(columns)] VALUES (values). */
export interface InsertValues extends AstNode {
  readonly kind: 'InsertValues';
  readonly target: Identifier;
  /** Absent when no column list was given (all columns, in schema order). */
  readonly columns?: readonly Identifier[];
  readonly values: readonly Expression[];
}
export const InsertValues = nodeFactory<InsertValues>('InsertValues');
