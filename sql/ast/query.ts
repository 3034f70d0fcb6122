import type { Duration } from './duration';
import type { Expression } from './expressions';
import type { Identifier } from './identifier';
import { nodeFactory, type AstNode } from './node';

/** `expr [AS] alias` in a select list. */
export interface SelectColumn extends AstNode {
  readonly kind: 'SelectColumn';
  readonly expression: Expression;
  readonly alias?: Identifier;
}
export const SelectColumn = nodeFactory<SelectColumn>('SelectColumn');

/** `*` or `source.*`. */
export interface SelectAll extends AstNode {
  readonly kind: 'SelectAll';
  readonly source?: Identifier;
}
export const SelectAll = nodeFactory<SelectAll>('SelectAll');

/** `struct->*`: every field of a struct as its own column. */
export interface SelectStructAll extends AstNode {
  readonly kind: 'SelectStructAll';
  readonly base: Expression;
}
export const SelectStructAll = nodeFactory<SelectStructAll>('SelectStructAll');

export type SelectItem = SelectColumn | SelectAll | SelectStructAll;

/** A stream or table in FROM or JOIN, with its optional alias. */
export interface AliasedSource extends AstNode {
  readonly kind: 'AliasedSource';
  readonly name: Identifier;
  readonly alias?: Identifier;
}
export const AliasedSource = nodeFactory<AliasedSource>('AliasedSource');

/** `WITHIN d`, `WITHIN (before, after)`, each optionally followed by `GRACE PERIOD g`. */
export interface WithinClause extends AstNode {
  readonly kind: 'WithinClause';
  readonly before: Duration;
  readonly after?: Duration;
  readonly grace?: Duration;
}
export const WithinClause = nodeFactory<WithinClause>('WithinClause');

/** `INNER` is also what a bare `JOIN` means; `OUTER` is optional noise after LEFT/RIGHT/FULL. */
export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

/** Joins nest to the left: `a JOIN b ... JOIN c ...` is Join(Join(a, b), c). */
export interface Join extends AstNode {
  readonly kind: 'Join';
  readonly joinType: JoinType;
  readonly left: Relation;
  readonly right: AliasedSource;
  readonly within?: WithinClause;
  readonly on: Expression;
}
export const Join = nodeFactory<Join>('Join');

export type Relation = AliasedSource | Join;

export interface TumblingWindow extends AstNode {
  readonly kind: 'TumblingWindow';
  readonly size: Duration;
  readonly retention?: Duration;
  readonly grace?: Duration;
}
export const TumblingWindow = nodeFactory<TumblingWindow>('TumblingWindow');

export interface HoppingWindow extends AstNode {
  readonly kind: 'HoppingWindow';
  readonly size: Duration;
  readonly advance: Duration;
  readonly retention?: Duration;
  readonly grace?: Duration;
}
export const HoppingWindow = nodeFactory<HoppingWindow>('HoppingWindow');

export interface SessionWindow extends AstNode {
  readonly kind: 'SessionWindow';
  readonly gap: Duration;
  readonly retention?: Duration;
  readonly grace?: Duration;
}
export const SessionWindow = nodeFactory<SessionWindow>('SessionWindow');

export type WindowExpression = TumblingWindow | HoppingWindow | SessionWindow;

/** EMIT CHANGES (push, every update) or EMIT FINAL (push, one row per closed window). */
export type Refinement = 'CHANGES' | 'FINAL';

/**
 * A SELECT. As a statement it is a push query when `emit` is set and a pull query otherwise;
 * inside CSAS/CTAS/INSERT INTO it is the persistent query's body.
 */
export interface Query extends AstNode {
  readonly kind: 'Query';
  readonly select: readonly SelectItem[];
  readonly from: Relation;
  readonly window?: WindowExpression;
  readonly where?: Expression;
  readonly groupBy?: readonly Expression[];
  readonly having?: Expression;
  readonly partitionBy?: readonly Expression[];
  readonly emit?: Refinement;
  readonly limit?: number;
}
export const Query = nodeFactory<Query>('Query');
