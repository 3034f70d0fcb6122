import type { SqlType } from './sql-type';

/**
 * The typed expression IR of a `TopologySpec`. The planner resolves every name and type; the
 * runtime compiles each tree once per query into closures (`topology/expression`).
 *
 * Contract:
 * - Every node carries its resolved `type`. Operands of `Arithmetic`, `Comparison`, `In`,
 *   `Between` and `IsDistinctFrom` may have different numeric types: the evaluator widens them
 *   (INTEGER -> BIGINT -> DECIMAL -> DOUBLE) to the node's `type` (arithmetic) or to their
 *   common type (comparisons). The planner never has to insert widening casts.
 * - `ColumnRef.name` names a column of the step's input schema, key columns first, then value
 *   columns; a name present on both sides resolves to the key column.
 * - SQL NULL propagates as ksqlDB does: arithmetic and comparisons with a NULL operand are NULL,
 *   AND/OR use three-valued logic, a NULL predicate filters the row out.
 * - A function that throws yields NULL and a processing-log entry; it never stops the query.
 */
export type Expression =
  | ColumnRef
  | PseudoColumnRef
  | LambdaVariable
  | Literal
  | FunctionCall
  | Arithmetic
  | Negate
  | Comparison
  | IsDistinctFrom
  | LogicalBinary
  | Not
  | Case
  | Cast
  | InList
  | Between
  | Like
  | IsNull
  | Subscript
  | Dereference
  | StructConstructor
  | ArrayConstructor
  | MapConstructor
  | Lambda;

export type ExpressionKind = Expression['kind'];

export interface ColumnRef {
  readonly kind: 'ColumnRef';
  readonly name: string;
  readonly type: SqlType;
}

/**
 * Record metadata. ROWTIME is the record timestamp (BIGINT epoch ms, as in ksqlDB),
 * ROWPARTITION/ROWOFFSET the input partition and offset (INTEGER,
 * BIGINT) of the record that reached this step, WINDOWSTART/WINDOWEND the window bounds of a
 * windowed key (BIGINT; NULL on an unwindowed record).
 */
export type PseudoColumnName =
  'ROWTIME' | 'ROWPARTITION' | 'ROWOFFSET' | 'WINDOWSTART' | 'WINDOWEND';

export interface PseudoColumnRef {
  readonly kind: 'PseudoColumn';
  readonly name: PseudoColumnName;
  readonly type: SqlType;
}

/** A reference to a parameter of the innermost enclosing `Lambda` that declares `name`. */
export interface LambdaVariable {
  readonly kind: 'LambdaVariable';
  readonly name: string;
  readonly type: SqlType;
}

/**
 * A literal. `value` encoding by type: BOOLEAN boolean; INTEGER, DOUBLE number; BIGINT decimal
 * digits as a string (exact); DECIMAL the exact source text (`"1.10"`, scale preserved); STRING
 * string; BYTES base64 string; TIMESTAMP epoch ms, DATE days, TIME ms of day (numbers).
 * `null` is SQL NULL of `type`. Composite values are built with the constructors below.
 */
export interface Literal {
  readonly kind: 'Literal';
  readonly value: boolean | number | string | null;
  readonly type: SqlType;
}

/** A scalar function call, resolved by upper-case `name` in the function registry. */
export interface FunctionCall {
  readonly kind: 'FunctionCall';
  readonly name: string;
  readonly args: readonly Expression[];
  readonly argTypes: readonly SqlType[];
  readonly type: SqlType;
}

/** `+` on STRING operands concatenates (ksqlDB allows `'a' + 'b'`). */
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

export interface Arithmetic {
  readonly kind: 'Arithmetic';
  readonly op: ArithmeticOp;
  readonly left: Expression;
  readonly right: Expression;
  readonly type: SqlType;
}

export interface Negate {
  readonly kind: 'Negate';
  readonly operand: Expression;
  readonly type: SqlType;
}

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export interface Comparison {
  readonly kind: 'Comparison';
  readonly op: ComparisonOp;
  readonly left: Expression;
  readonly right: Expression;
  readonly type: SqlType;
}

/** `IS [NOT] DISTINCT FROM`: NULL-safe equality, never NULL itself. */
export interface IsDistinctFrom {
  readonly kind: 'IsDistinctFrom';
  readonly negated: boolean;
  readonly left: Expression;
  readonly right: Expression;
  readonly type: SqlType;
}

export interface LogicalBinary {
  readonly kind: 'LogicalBinary';
  readonly op: 'AND' | 'OR';
  readonly left: Expression;
  readonly right: Expression;
  readonly type: SqlType;
}

export interface Not {
  readonly kind: 'Not';
  readonly operand: Expression;
  readonly type: SqlType;
}

/** Searched CASE. The planner rewrites a simple CASE (`CASE x WHEN 1 ...`) into this form. */
export interface Case {
  readonly kind: 'Case';
  readonly whens: readonly { readonly condition: Expression; readonly result: Expression }[];
  readonly else: Expression | null;
  readonly type: SqlType;
}

/** `CAST(operand AS type)` with ksqlDB's conversion rules; a failed cast yields NULL and a log entry. */
export interface Cast {
  readonly kind: 'Cast';
  readonly operand: Expression;
  readonly type: SqlType;
}

export interface InList {
  readonly kind: 'In';
  readonly negated: boolean;
  readonly operand: Expression;
  readonly list: readonly Expression[];
  readonly type: SqlType;
}

export interface Between {
  readonly kind: 'Between';
  readonly negated: boolean;
  readonly operand: Expression;
  readonly low: Expression;
  readonly high: Expression;
  readonly type: SqlType;
}

/** `LIKE` with `%` and `_` wildcards; `escape` is the single escape character, if any. */
export interface Like {
  readonly kind: 'Like';
  readonly negated: boolean;
  readonly operand: Expression;
  readonly pattern: Expression;
  readonly escape: string | null;
  readonly type: SqlType;
}

export interface IsNull {
  readonly kind: 'IsNull';
  readonly negated: boolean;
  readonly operand: Expression;
  readonly type: SqlType;
}

/** `base[index]`: arrays are 1-based (negative counts from the end), maps look up a key. */
export interface Subscript {
  readonly kind: 'Subscript';
  readonly base: Expression;
  readonly index: Expression;
  readonly type: SqlType;
}

/** `base->field` on a STRUCT. */
export interface Dereference {
  readonly kind: 'Dereference';
  readonly base: Expression;
  readonly field: string;
  readonly type: SqlType;
}

export interface StructConstructor {
  readonly kind: 'StructConstructor';
  readonly fields: readonly { readonly name: string; readonly value: Expression }[];
  readonly type: SqlType;
}

export interface ArrayConstructor {
  readonly kind: 'ArrayConstructor';
  readonly elements: readonly Expression[];
  readonly type: SqlType;
}

export interface MapConstructor {
  readonly kind: 'MapConstructor';
  readonly entries: readonly { readonly key: Expression; readonly value: Expression }[];
  readonly type: SqlType;
}

/**
 * A lambda argument of a higher-order function (`TRANSFORM(arr, x => x + 1)`). Its `type` is
 * the body's type; the runtime hands it to the function as a `LambdaValue`.
 */
export interface Lambda {
  readonly kind: 'Lambda';
  readonly params: readonly { readonly name: string; readonly type: SqlType }[];
  readonly body: Expression;
  readonly type: SqlType;
}

/** An output column computed by an expression (projections, synthetic key columns). */
export interface SelectExpression {
  readonly name: string;
  readonly expression: Expression;
}
