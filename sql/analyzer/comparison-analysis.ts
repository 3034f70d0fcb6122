import {
  SqlTypes,
  formatSqlType,
  type Expression as IrExpression,
  type SqlType,
} from '../../topology/spec';
import type { Between, Comparison, Expression, InList, Like, Span } from '../ast';
import { AnalysisErrorCodes, fail } from './analysis-error';
import { coerce, commonTypeOf } from './coercion';
import type { ExpressionAnalyzer } from './expression-analyzer';
import { isUntypedNull } from './literal-analysis';
import { parseDateLiteral, parseTimeLiteral, parseTimestampLiteral } from './timestamp-literal';
import { isComparable } from './types';

type ComparisonLike = Comparison | Between | InList | Like;

export function analyzeComparison(
  analyzer: ExpressionAnalyzer,
  node: ComparisonLike,
): IrExpression {
  switch (node.kind) {
    case 'Comparison':
      return comparison(analyzer, node);
    case 'Between': {
      const operand = analyzer.typed(node.operand);
      const low = magic(operand, analyzer.analyze(node.low), node.low.span);
      const high = magic(operand, analyzer.analyze(node.high), node.high.span);
      for (const bound of [low, high]) check(operand.type, bound, 'BETWEEN', node.span);
      return {
        kind: 'Between',
        negated: node.negated,
        operand,
        low: coerce(low, operand.type, node.span),
        high: coerce(high, operand.type, node.span),
        type: SqlTypes.boolean,
      };
    }
    case 'InList': {
      const operand = analyzer.typed(node.operand);
      const list = node.values.map((v) => magic(operand, analyzer.analyze(v), v.span));
      commonTypeOf([operand, ...list], node.span, 'IN');
      return {
        kind: 'In',
        negated: node.negated,
        operand,
        list: list.map((e) => coerce(e, e.type, node.span)),
        type: SqlTypes.boolean,
      };
    }
    case 'Like': {
      const operand = coerce(analyzer.analyze(node.operand), SqlTypes.string, node.span);
      const pattern = coerce(analyzer.analyze(node.pattern), SqlTypes.string, node.span);
      if (operand.type.kind !== 'STRING' || pattern.type.kind !== 'STRING') {
        fail(
          AnalysisErrorCodes.typeMismatch,
          `LIKE requires STRING operands, got ${formatSqlType(operand.type)} and ${formatSqlType(pattern.type)}`,
          node.span,
        );
      }
      const escape = node.escape?.kind === 'StringLiteral' ? node.escape.value : null;
      return {
        kind: 'Like',
        negated: node.negated,
        operand,
        pattern,
        escape,
        type: SqlTypes.boolean,
      };
    }
  }
}

function comparison(analyzer: ExpressionAnalyzer, node: Comparison): IrExpression {
  const rawLeft = analyzer.analyze(node.left);
  const rawRight = analyzer.analyze(node.right);
  if (isUntypedNull(rawLeft) || isUntypedNull(rawRight)) {
    const show = (e: IrExpression) => (isUntypedNull(e) ? 'NULL' : formatSqlType(e.type));
    fail(
      AnalysisErrorCodes.nullType,
      `Comparison with NULL not supported: ${show(rawLeft)} ${node.operator} ${show(rawRight)}`,
      node.span,
    );
  }
  const right = magic(rawLeft, rawRight, node.right.span);
  const left = magic(rawRight, rawLeft, node.left.span);
  if (!isComparable(left.type, right.type, node.operator)) {
    fail(
      AnalysisErrorCodes.typeMismatch,
      `Cannot compare ${operandText(node.left)} (${formatSqlType(left.type)}) to ${operandText(node.right)} (${formatSqlType(right.type)}) with ${node.operator}.`,
      node.span,
    );
  }
  if (node.operator === 'IS DISTINCT FROM' || node.operator === 'IS NOT DISTINCT FROM') {
    return {
      kind: 'IsDistinctFrom',
      negated: node.operator === 'IS NOT DISTINCT FROM',
      left,
      right,
      type: SqlTypes.boolean,
    };
  }
  return { kind: 'Comparison', op: node.operator, left, right, type: SqlTypes.boolean };
}

function check(left: SqlType, right: IrExpression, op: string, span: Span): void {
  if (isUntypedNull(right)) return;
  if (!isComparable(left, right.type, op)) {
    fail(
      AnalysisErrorCodes.typeMismatch,
      `Cannot compare ${formatSqlType(left)} to ${formatSqlType(right.type)} with ${op}.`,
      span,
    );
  }
}

const TIME_PSEUDO = new Set(['ROWTIME', 'WINDOWSTART', 'WINDOWEND']);

/** A string literal compared with a time column becomes the matching time literal. */
function magic(target: IrExpression, other: IrExpression, span: Span): IrExpression {
  if (other.kind !== 'Literal' || typeof other.value !== 'string' || other.type.kind !== 'STRING')
    return other;
  const isTimePseudo =
    (target.kind === 'PseudoColumn' && TIME_PSEUDO.has(target.name)) ||
    (target.kind === 'ColumnRef' &&
      /_(ROWTIME|WINDOWSTART|WINDOWEND)$/.test(target.name) &&
      target.type.kind === 'BIGINT');
  if (isTimePseudo || target.type.kind === 'TIMESTAMP') {
    const ms = parseTimestampLiteral(other.value);
    if (ms === undefined)
      fail(AnalysisErrorCodes.typeMismatch, `Failed to parse timestamp '${other.value}'`, span);
    return {
      kind: 'Literal',
      value: isTimePseudo ? String(ms) : ms,
      type: isTimePseudo ? SqlTypes.bigint : SqlTypes.timestamp,
    };
  }
  if (target.type.kind === 'DATE') {
    const days = parseDateLiteral(other.value);
    if (days === undefined)
      fail(AnalysisErrorCodes.typeMismatch, `Failed to parse date '${other.value}'`, span);
    return { kind: 'Literal', value: days, type: SqlTypes.date };
  }
  if (target.type.kind === 'TIME') {
    const ms = parseTimeLiteral(other.value);
    if (ms === undefined)
      fail(AnalysisErrorCodes.typeMismatch, `Failed to parse time '${other.value}'`, span);
    return { kind: 'Literal', value: ms, type: SqlTypes.time };
  }
  return other;
}

function operandText(node: Expression): string {
  return node.kind === 'ColumnRef' ? node.name.name : node.kind;
}
