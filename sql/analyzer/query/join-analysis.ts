import type { Expression as IrExpression, SqlType } from '../../../topology/spec';
import { durationMillis, type Join, type Relation, type AliasedSource } from '../../ast';
import { AnalysisErrorCodes, fail } from '../analysis-error';
import type { ExpressionAnalyzer } from '../expression-analyzer';
import type { Scope } from '../scope';
import type { AnalyzedJoin, AnalyzedSource, JoinKind } from './analyzed-query';
import { joinText, referencedSources } from './join-text';

/** The current key of the joined-so-far result: its name, type and equivalent expressions. */
export interface JoinKeyState {
  readonly name: string;
  readonly type: SqlType;
  readonly equivalents: readonly IrExpression[];
  readonly synthetic: boolean;
  /** AST texts of the viable key expressions, for the "must include the join expression" message. */
  readonly viableTexts: readonly string[];
}

export interface JoinAnalysis {
  readonly joins: readonly AnalyzedJoin[];
  readonly key?: JoinKeyState;
  readonly resultKind: 'STREAM' | 'TABLE';
}

/** Flattens a left-deep join tree into its sources (leftmost first) and joins. */
export function flattenRelation(relation: Relation): { sources: AliasedSource[]; joins: Join[] } {
  if (relation.kind === 'AliasedSource') return { sources: [relation], joins: [] };
  const left = flattenRelation(relation.left);
  return { sources: [...left.sources, relation.right], joins: [...left.joins, relation] };
}

const same = (a: IrExpression, b: IrExpression): boolean => JSON.stringify(a) === JSON.stringify(b);

export function analyzeJoins(
  joins: readonly Join[],
  sources: readonly AnalyzedSource[],
  scope: Scope,
  analyzer: ExpressionAnalyzer,
): JoinAnalysis {
  const first = sources[0];
  if (!first) throw new Error('a query has at least one source');
  let kind: 'STREAM' | 'TABLE' = first.source.kind;
  let key = initialKey(first, scope);
  const analyzed: AnalyzedJoin[] = [];
  const synthetic = { next: 0 };
  const allCriteria = joins.map((join, i) => splitCriteria(join, sources[i + 1]!.alias, scope));
  for (const [i, join] of joins.entries()) {
    const right = sources[i + 1]!;
    const criteria = allCriteria[i]!;
    const leftExpr = analyzer.typed(criteria.left);
    const rightExpr = analyzer.typed(criteria.right);
    const rightKey = singleKeyRef(right, scope);
    const repartitionLeft = !key || !key.equivalents.some((e) => same(e, leftExpr));
    const repartitionRight = !rightKey || !same(rightKey, rightExpr);
    const got = `${joinText(criteria.originalLeft, scope)} = ${joinText(criteria.originalRight, scope)}`;
    const joinKind = classify(join, kind, right, repartitionLeft, repartitionRight, got, i, scope);
    checkPartitions(first, right, join, joinKind);
    const joinType: AnalyzedJoin['joinType'] = join.joinType === 'FULL' ? 'OUTER' : join.joinType;
    const step = { criteria, leftExpr, rightExpr, repartitionLeft, joinKind, joinType };
    const nextKey = nextJoinKey(step, key, scope, synthetic);
    analyzed.push({
      kind: joinKind,
      joinType,
      right,
      leftExpression: leftExpr,
      rightExpression: rightExpr,
      repartitionLeft: joinKind !== 'FOREIGN_KEY' && repartitionLeft,
      repartitionRight,
      keyColumn: { name: nextKey.name, type: nextKey.type },
      ...(join.within ? { within: withinOf(join.within) } : {}),
    });
    key = nextKey;
    kind = joinKind === 'STREAM_STREAM' || joinKind === 'STREAM_TABLE' ? 'STREAM' : 'TABLE';
  }
  return { joins: analyzed, ...(key ? { key } : {}), resultKind: kind };
}

function columnRef(name: string, type: SqlType): IrExpression {
  return { kind: 'ColumnRef', name, type };
}

/** A reference to a source's key column when it has exactly one. */
function singleKeyRef(source: AnalyzedSource, scope: Scope): IrExpression | undefined {
  const keys = source.source.columns.filter((c) => c.namespace === 'KEY');
  const only = keys.length === 1 ? keys[0] : undefined;
  const scoped = scope.findSource(source.alias);
  return only && scoped ? columnRef(scope.internalName(scoped, only.name), only.type) : undefined;
}

function initialKey(first: AnalyzedSource, scope: Scope): JoinKeyState | undefined {
  const ref = singleKeyRef(first, scope);
  if (!ref || ref.kind !== 'ColumnRef') return undefined;
  const column = first.source.columns.find((c) => c.namespace === 'KEY')!;
  return {
    name: ref.name,
    type: ref.type,
    equivalents: [ref],
    synthetic: false,
    viableTexts: [`${first.alias}.${column.name}`],
  };
}

interface JoinStepFacts {
  readonly criteria: Criteria;
  readonly leftExpr: IrExpression;
  readonly rightExpr: IrExpression;
  readonly repartitionLeft: boolean;
  readonly joinKind: JoinKind;
  readonly joinType: AnalyzedJoin['joinType'];
}

/**
 * The key after a join: a synthetic ROWKEY for FULL OUTER joins, the left key for foreign-key
 * joins, otherwise the join expression (named after the left column, or KSQL_COL_n), equal to
 * every expression it was joined on.
 */
function nextJoinKey(
  step: JoinStepFacts,
  key: JoinKeyState | undefined,
  scope: Scope,
  synthetic: { next: number },
): JoinKeyState {
  const { criteria, leftExpr, rightExpr, repartitionLeft } = step;
  if (step.joinType === 'OUTER') {
    return {
      name: 'ROWKEY',
      type: leftExpr.type,
      equivalents: [columnRef('ROWKEY', leftExpr.type)],
      synthetic: true,
      viableTexts: ['ROWKEY'],
    };
  }
  if (step.joinKind === 'FOREIGN_KEY' && key) return key;
  const texts = onlyColumns(criteria, [
    joinText(criteria.left, scope),
    joinText(criteria.right, scope),
  ]);
  const keeps = !repartitionLeft && key !== undefined;
  const name = keeps
    ? key.name
    : leftExpr.kind === 'ColumnRef'
      ? leftExpr.name
      : `KSQL_COL_${synthetic.next++}`;
  return {
    name,
    type: leftExpr.type,
    equivalents: keeps ? [...key.equivalents, rightExpr] : [leftExpr, rightExpr],
    synthetic: false,
    viableTexts: keeps
      ? [
          ...key.viableTexts,
          ...(criteria.right.kind === 'ColumnRef' ? [joinText(criteria.right, scope)] : []),
        ]
      : texts,
  };
}

function withinOf(within: NonNullable<Join['within']>): NonNullable<AnalyzedJoin['within']> {
  return {
    beforeMs: durationMillis(within.before),
    afterMs: durationMillis(within.after ?? within.before),
    graceMs: within.grace ? durationMillis(within.grace) : null,
  };
}

function onlyColumns(criteria: Criteria, texts: readonly string[]): string[] {
  return [criteria.left, criteria.right].flatMap((e, i) =>
    e.kind === 'ColumnRef' ? [texts[i] ?? ''] : [],
  );
}

interface Criteria {
  readonly left: Join['on'];
  readonly right: Join['on'];
  readonly originalLeft: Join['on'];
  readonly originalRight: Join['on'];
}

function splitCriteria(join: Join, rightAlias: string, scope: Scope): Criteria {
  const on = join.on;
  if (on.kind === 'Logical' && on.operator === 'AND') {
    fail(
      AnalysisErrorCodes.join,
      `Invalid join condition: joins on multiple conditions are not yet supported. Got ${joinText(on, scope)}.`,
      on.span,
    );
  }
  if (on.kind !== 'Comparison' || on.operator !== '=') {
    fail(
      AnalysisErrorCodes.join,
      `Unsupported join expression: ${joinText(on, scope)}. Only equality joins are supported.`,
      on.span,
    );
  }
  const leftRefs = referencedSources(on.left, scope);
  const rightRefs = referencedSources(on.right, scope);
  for (const [side, refs] of [
    [on.left, leftRefs],
    [on.right, rightRefs],
  ] as const) {
    if (refs.size !== 1) {
      fail(
        AnalysisErrorCodes.join,
        `Invalid comparison expression '${joinText(side, scope).replace(/^\((.*)\)$/, '$1')}' in join '${joinText(on, scope)}'. Each side of the join comparision must contain references from exactly one source.`,
        side.span,
      );
    }
  }
  const [l] = [...leftRefs];
  const [r] = [...rightRefs];
  if (l === r) {
    fail(
      AnalysisErrorCodes.join,
      `Each side of the join must reference exactly one source and not the same source. Left side references \`${l}\` and right references \`${r}\``,
      on.span,
    );
  }
  if (r === rightAlias)
    return { left: on.left, right: on.right, originalLeft: on.left, originalRight: on.right };
  if (l === rightAlias)
    return { left: on.right, right: on.left, originalLeft: on.left, originalRight: on.right };
  return fail(
    AnalysisErrorCodes.join,
    `A join criteria is expected to reference the source (\`${rightAlias}\`) in the FROM clause, instead the right source references \`${r}\` and the left source references \`${l}\``,
    on.span,
  );
}

function typeText(join: Join): string {
  switch (join.joinType) {
    case 'INNER':
      return '[INNER] JOIN';
    case 'LEFT':
      return 'LEFT [OUTER] JOIN';
    case 'RIGHT':
      return 'RIGHT [OUTER] JOIN';
    case 'FULL':
      return '[FULL] OUTER JOIN';
  }
}

function classify(
  join: Join,
  leftKind: 'STREAM' | 'TABLE',
  right: AnalyzedSource,
  repartitionLeft: boolean,
  repartitionRight: boolean,
  got: string,
  index: number,
  scope: Scope,
): JoinKind {
  const leftName = scope.sources[0]?.alias ?? '';
  const desc = `${leftName} ${typeText(join)} ${right.alias}`;
  const rightKind = right.source.kind;
  if (leftKind === 'TABLE' && rightKind === 'STREAM') {
    fail(
      AnalysisErrorCodes.join,
      `Invalid join order: table-stream joins are not supported; only stream-table joins. Got ${desc}.`,
      join.span,
    );
  }
  if (leftKind === 'STREAM' && rightKind === 'STREAM') {
    if (!join.within) {
      fail(
        AnalysisErrorCodes.join,
        'Stream-Stream joins must have a WITHIN clause specified. None was provided. To learn about how to specify a WITHIN clause with a stream-stream join, please visit: https://docs.confluent.io/current/ksql/docs/syntax-reference.html#create-stream-as-select',
        join.span,
      );
    }
    return 'STREAM_STREAM';
  }
  if (join.within) {
    fail(
      AnalysisErrorCodes.join,
      `A window definition was provided for a ${leftKind === 'STREAM' ? 'Stream-Table' : 'Table-Table'} join. These joins are not windowed. Please drop the window definition (i.e. the WITHIN clause) and try to execute your join again.`,
      join.within.span,
    );
  }
  if (leftKind === 'STREAM') {
    if (join.joinType === 'FULL' || join.joinType === 'RIGHT') {
      const what = join.joinType === 'FULL' ? 'full-outer' : 'right';
      fail(
        AnalysisErrorCodes.join,
        `Invalid join type: ${what} join not supported for stream-table join. Got ${desc}.`,
        join.span,
      );
    }
    if (repartitionRight) {
      fail(
        AnalysisErrorCodes.join,
        `Invalid join condition: stream-table joins require to join on the table's primary key. Got ${got}.`,
        join.on.span,
      );
    }
    return 'STREAM_TABLE';
  }
  if (repartitionRight) {
    fail(
      AnalysisErrorCodes.join,
      `Invalid join condition: table-table joins require to join on the primary key of the right input table. Got ${got}.`,
      join.on.span,
    );
  }
  if (!repartitionLeft) return 'TABLE_TABLE';
  if (index > 0) {
    fail(
      AnalysisErrorCodes.join,
      `Invalid join condition: foreign-key table-table joins are not supported as part of n-way joins. Got ${got}.`,
      join.on.span,
    );
  }
  if (join.joinType !== 'INNER' && join.joinType !== 'LEFT') {
    fail(
      AnalysisErrorCodes.join,
      `Invalid join type: ${join.joinType === 'FULL' ? 'full-outer' : 'right'} join not supported for foreign-key table-table join. Got ${desc}.`,
      join.span,
    );
  }
  return 'FOREIGN_KEY';
}

function checkPartitions(
  first: AnalyzedSource,
  right: AnalyzedSource,
  join: Join,
  kind: JoinKind,
): void {
  const a = first.source.partitions;
  const b = right.source.partitions;
  if (kind === 'FOREIGN_KEY' || a === undefined || b === undefined || a === b) return;
  fail(
    AnalysisErrorCodes.join,
    `Can't join \`${first.source.name}\` with \`${right.source.name}\` since the number of partitions don't match. \`${first.source.name}\` partitions = ${a}; \`${right.source.name}\` partitions = ${b}. Please repartition either one so that the number of partitions match.`,
    join.span,
  );
}
