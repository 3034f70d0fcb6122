import type { TimeUnit } from './duration';
import type { Identifier } from './identifier';
import type { Literal } from './literals';
import { nodeFactory, type AstNode } from './node';
import type { TypeNode } from './type-node';

/**
 * A column reference, optionally qualified by a source name or alias (`o.ID`). Pseudo columns
 * (ROWTIME, ROWPARTITION, ROWOFFSET, WINDOWSTART, WINDOWEND) are column references too.
 */
export interface ColumnRef extends AstNode {
  readonly kind: 'ColumnRef';
  readonly source?: Identifier;
  readonly name: Identifier;
}
export const ColumnRef = nodeFactory<ColumnRef>('ColumnRef');

/** `+` `-` `*` `/` `%` and string concatenation `||`. */
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | '||';

export interface Arithmetic extends AstNode {
  readonly kind: 'Arithmetic';
  readonly operator: ArithmeticOperator;
  readonly left: Expression;
  readonly right: Expression;
}
export const Arithmetic = nodeFactory<Arithmetic>('Arithmetic');

/** Unary `-x` / `+x`. */
export interface UnaryArithmetic extends AstNode {
  readonly kind: 'UnaryArithmetic';
  readonly operator: '-' | '+';
  readonly operand: Expression;
}
export const UnaryArithmetic = nodeFactory<UnaryArithmetic>('UnaryArithmetic');

/** `!=` is normalised to `<>`. */
export type ComparisonOperator =
  '=' | '<>' | '<' | '<=' | '>' | '>=' | 'IS DISTINCT FROM' | 'IS NOT DISTINCT FROM';

export interface Comparison extends AstNode {
  readonly kind: 'Comparison';
  readonly operator: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}
export const Comparison = nodeFactory<Comparison>('Comparison');

export interface Logical extends AstNode {
  readonly kind: 'Logical';
  readonly operator: 'AND' | 'OR';
  readonly left: Expression;
  readonly right: Expression;
}
export const Logical = nodeFactory<Logical>('Logical');

export interface Not extends AstNode {
  readonly kind: 'Not';
  readonly operand: Expression;
}
export const Not = nodeFactory<Not>('Not');

export interface IsNull extends AstNode {
  readonly kind: 'IsNull';
  readonly operand: Expression;
  readonly negated: boolean;
}
export const IsNull = nodeFactory<IsNull>('IsNull');

export interface Between extends AstNode {
  readonly kind: 'Between';
  readonly operand: Expression;
  readonly low: Expression;
  readonly high: Expression;
  readonly negated: boolean;
}
export const Between = nodeFactory<Between>('Between');

export interface InList extends AstNode {
  readonly kind: 'InList';
  readonly operand: Expression;
  readonly values: readonly Expression[];
  readonly negated: boolean;
}
export const InList = nodeFactory<InList>('InList');

export interface Like extends AstNode {
  readonly kind: 'Like';
  readonly operand: Expression;
  readonly pattern: Expression;
  readonly escape?: Expression;
  readonly negated: boolean;
}
export const Like = nodeFactory<Like>('Like');

export interface WhenClause extends AstNode {
  readonly kind: 'WhenClause';
  readonly condition: Expression;
  readonly result: Expression;
}
export const WhenClause = nodeFactory<WhenClause>('WhenClause');

/** Searched CASE (no `operand`) or simple CASE (`CASE operand WHEN value THEN ...`). */
export interface Case extends AstNode {
  readonly kind: 'Case';
  readonly operand?: Expression;
  readonly whens: readonly WhenClause[];
  readonly else?: Expression;
}
export const Case = nodeFactory<Case>('Case');

export interface Cast extends AstNode {
  readonly kind: 'Cast';
  readonly operand: Expression;
  readonly type: TypeNode;
}
export const Cast = nodeFactory<Cast>('Cast');

/** Struct field access `base->field`. */
export interface Dereference extends AstNode {
  readonly kind: 'Dereference';
  readonly base: Expression;
  readonly field: Identifier;
}
export const Dereference = nodeFactory<Dereference>('Dereference');

/** Array index or map key `base[index]`. */
export interface Subscript extends AstNode {
  readonly kind: 'Subscript';
  readonly base: Expression;
  readonly index: Expression;
}
export const Subscript = nodeFactory<Subscript>('Subscript');

export interface StructField extends AstNode {
  readonly kind: 'StructField';
  readonly name: Identifier;
  readonly value: Expression;
}
export const StructField = nodeFactory<StructField>('StructField');

/** `STRUCT(a := 1, b := 'x')`. */
export interface StructConstructor extends AstNode {
  readonly kind: 'StructConstructor';
  readonly fields: readonly StructField[];
}
export const StructConstructor = nodeFactory<StructConstructor>('StructConstructor');

/** `ARRAY[1, 2]`. */
export interface ArrayConstructor extends AstNode {
  readonly kind: 'ArrayConstructor';
  readonly elements: readonly Expression[];
}
export const ArrayConstructor = nodeFactory<ArrayConstructor>('ArrayConstructor');

export interface MapEntry extends AstNode {
  readonly kind: 'MapEntry';
  readonly key: Expression;
  readonly value: Expression;
}
export const MapEntry = nodeFactory<MapEntry>('MapEntry');

/** `MAP('k' := 1, ...)`. */
export interface MapConstructor extends AstNode {
  readonly kind: 'MapConstructor';
  readonly entries: readonly MapEntry[];
}
export const MapConstructor = nodeFactory<MapConstructor>('MapConstructor');

/** `f(args)`, `COUNT(*)` (`star`), `COUNT(DISTINCT x)` (`distinct`). */
export interface FunctionCall extends AstNode {
  readonly kind: 'FunctionCall';
  readonly name: Identifier;
  readonly args: readonly Expression[];
  readonly distinct: boolean;
  readonly star: boolean;
}
export const FunctionCall = nodeFactory<FunctionCall>('FunctionCall');

/** `x => x + 1`, `(k, v) => ...`: only valid as a function argument. */
export interface Lambda extends AstNode {
  readonly kind: 'Lambda';
  readonly params: readonly Identifier[];
  readonly body: Expression;
}
export const Lambda = nodeFactory<Lambda>('Lambda');

/**
 * A bare time unit passed as a function argument, as in `TIMESTAMPADD(SECONDS, 5, ts)`.
 * Only unquoted unit keywords directly inside an argument list produce it.
 */
export interface TimeUnitArg extends AstNode {
  readonly kind: 'TimeUnitArg';
  readonly unit: TimeUnit;
}
export const TimeUnitArg = nodeFactory<TimeUnitArg>('TimeUnitArg');

export type Expression =
  | Literal
  | ColumnRef
  | Arithmetic
  | UnaryArithmetic
  | Comparison
  | Logical
  | Not
  | IsNull
  | Between
  | InList
  | Like
  | Case
  | Cast
  | Dereference
  | Subscript
  | StructConstructor
  | ArrayConstructor
  | MapConstructor
  | FunctionCall
  | Lambda
  | TimeUnitArg;

export type ExpressionKind = Expression['kind'];
