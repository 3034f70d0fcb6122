import { SqlTypes, formatSqlType, type Expression as IrExpression } from '../../topology/spec';
import { assertNever, type Expression } from '../ast';
import { AnalysisErrorCodes, fail } from './analysis-error';
import { coerce, commonTypeOf } from './coercion';
import {
  analyzeArrayConstructor,
  analyzeMapConstructor,
  analyzeStructConstructor,
} from './constructor-analysis';
import { analyzeComparison } from './comparison-analysis';
import type { ExpressionContext } from './expression-context';
import { analyzeFunctionCall } from './function-call-analysis';
import { analyzeLiteral, isUntypedNull } from './literal-analysis';
import { resolveType } from './resolve-type';
import { arithmeticResultType, isCastable } from './types';
import type { Catalog } from '../catalog';

/**
 * Turns an AST expression into the typed IR of `topology/spec`: names resolved against the
 * scope, types inferred with ksqlDB's rules, aggregate and table-function calls handed to the
 * context's hooks.
 */
export class ExpressionAnalyzer {
  constructor(
    readonly catalog: Catalog,
    readonly ctx: ExpressionContext,
  ) {}

  with(ctx: Partial<ExpressionContext>): ExpressionAnalyzer {
    return new ExpressionAnalyzer(this.catalog, { ...this.ctx, ...ctx });
  }

  /** Analyses and rejects an expression whose type is an unresolved NULL. */
  typed(node: Expression): IrExpression {
    const expr = this.analyze(node);
    if (isUntypedNull(expr)) {
      fail(
        AnalysisErrorCodes.nullType,
        "Can't infer a type of null. Please explicitly cast it to a required type, e.g. CAST(null AS VARCHAR).",
        node.span,
      );
    }
    return expr;
  }

  boolean(node: Expression, what: string): IrExpression {
    const expr = this.analyze(node);
    if (isUntypedNull(expr)) return coerce(expr, SqlTypes.boolean, node.span);
    if (expr.type.kind !== 'BOOLEAN') {
      fail(
        AnalysisErrorCodes.typeMismatch,
        `Type error in ${what}: Expected BOOLEAN, got ${formatSqlType(expr.type)}`,
        node.span,
      );
    }
    return expr;
  }

  analyze(node: Expression): IrExpression {
    const substituted = this.ctx.substitute?.(node);
    if (substituted) return substituted;
    switch (node.kind) {
      case 'StringLiteral':
      case 'IntegerLiteral':
      case 'DecimalLiteral':
      case 'DoubleLiteral':
      case 'BooleanLiteral':
      case 'NullLiteral':
        return analyzeLiteral(node);
      case 'ColumnRef':
        return this.columnRef(node);
      case 'Arithmetic':
        return this.arithmetic(node);
      case 'UnaryArithmetic': {
        const operand = this.typed(node.operand);
        if (node.operator === '+') return operand;
        if (!arithmeticResultType('-', operand.type, SqlTypes.integer)) {
          fail(
            AnalysisErrorCodes.typeMismatch,
            `Unsupported type for negation: ${formatSqlType(operand.type)}`,
            node.span,
          );
        }
        return { kind: 'Negate', operand, type: operand.type };
      }
      case 'Comparison':
        return analyzeComparison(this, node);
      case 'Logical':
        return {
          kind: 'LogicalBinary',
          op: node.operator,
          left: this.boolean(node.left, node.operator),
          right: this.boolean(node.right, node.operator),
          type: SqlTypes.boolean,
        };
      case 'Not':
        return { kind: 'Not', operand: this.boolean(node.operand, 'NOT'), type: SqlTypes.boolean };
      case 'IsNull':
        return {
          kind: 'IsNull',
          negated: node.negated,
          operand: this.analyze(node.operand),
          type: SqlTypes.boolean,
        };
      case 'Between':
      case 'InList':
      case 'Like':
        return analyzeComparison(this, node);
      case 'Case':
        return this.caseExpression(node);
      case 'Cast': {
        const type = resolveType(node.type, this.catalog);
        const operand = this.analyze(node.operand);
        if (isUntypedNull(operand)) return coerce(operand, type, node.span);
        if (!isCastable(operand.type, type)) {
          fail(
            AnalysisErrorCodes.typeMismatch,
            `Cast of ${formatSqlType(operand.type)} to ${formatSqlType(type)} is not supported`,
            node.span,
          );
        }
        return { kind: 'Cast', operand, type };
      }
      case 'Dereference':
        return this.dereference(node);
      case 'Subscript':
        return this.subscript(node);
      case 'StructConstructor':
        return analyzeStructConstructor(this, node);
      case 'ArrayConstructor':
        return analyzeArrayConstructor(this, node);
      case 'MapConstructor':
        return analyzeMapConstructor(this, node);
      case 'FunctionCall':
        return analyzeFunctionCall(this, node);
      case 'Lambda':
        return fail(
          AnalysisErrorCodes.invalidExpression,
          'A lambda is only allowed as a function argument',
          node.span,
        );
      case 'TimeUnitArg':
        return { kind: 'Literal', value: node.unit, type: SqlTypes.string };
      default:
        return assertNever(node, 'expression');
    }
  }

  private columnRef(node: Extract<Expression, { kind: 'ColumnRef' }>): IrExpression {
    const lambdaType =
      node.source === undefined ? this.ctx.lambdaParams?.get(node.name.name) : undefined;
    if (lambdaType) return { kind: 'LambdaVariable', name: node.name.name, type: lambdaType };
    const resolved = this.ctx.scope.resolve(node, this.ctx.clause);
    if (resolved.pseudo && !(this.ctx.scope.isJoin && resolved.source)) {
      return { kind: 'PseudoColumn', name: resolved.pseudo, type: resolved.type };
    }
    return { kind: 'ColumnRef', name: resolved.internalName, type: resolved.type };
  }

  private arithmetic(node: Extract<Expression, { kind: 'Arithmetic' }>): IrExpression {
    const left = this.typedOperand(node.left, node.right);
    const right = this.typedOperand(node.right, node.left);
    if (
      node.operator === '||' ||
      (node.operator === '+' && left.type.kind === 'STRING' && right.type.kind === 'STRING')
    ) {
      if (left.type.kind !== 'STRING' || right.type.kind !== 'STRING') {
        fail(
          AnalysisErrorCodes.typeMismatch,
          `Unsupported arithmetic types. ${formatSqlType(left.type)} ${formatSqlType(right.type)}`,
          node.span,
        );
      }
      return {
        kind: 'FunctionCall',
        name: 'CONCAT',
        args: [left, right],
        argTypes: [left.type, right.type],
        type: SqlTypes.string,
      };
    }
    const type = arithmeticResultType(node.operator, left.type, right.type);
    if (!type) {
      fail(
        AnalysisErrorCodes.typeMismatch,
        `Error processing expression: ${formatSqlType(left.type)} ${node.operator} ${formatSqlType(right.type)}. Unsupported arithmetic types. ${formatSqlType(left.type)} ${formatSqlType(right.type)}`,
        node.span,
      );
    }
    return { kind: 'Arithmetic', op: node.operator, left, right, type };
  }

  /** An operand; an untyped NULL takes the other operand's type. */
  typedOperand(node: Expression, other: Expression): IrExpression {
    const expr = this.analyze(node);
    if (!isUntypedNull(expr)) return expr;
    const otherExpr = this.analyze(other);
    if (isUntypedNull(otherExpr)) return expr;
    return coerce(expr, otherExpr.type, node.span);
  }

  private caseExpression(node: Extract<Expression, { kind: 'Case' }>): IrExpression {
    const operand = node.operand ? this.typed(node.operand) : undefined;
    const whens = node.whens.map((w): { condition: IrExpression; result: IrExpression } => ({
      condition: operand
        ? {
            kind: 'Comparison',
            op: '=',
            left: operand,
            right: coerce(this.analyze(w.condition), operand.type, w.condition.span),
            type: SqlTypes.boolean,
          }
        : this.boolean(w.condition, 'WHEN'),
      result: this.analyze(w.result),
    }));
    const elseExpr = node.else ? this.analyze(node.else) : undefined;
    const results = [...whens.map((w) => w.result), ...(elseExpr ? [elseExpr] : [])];
    const type = commonTypeOf(results, node.span, 'Invalid Case expression');
    if (!type)
      fail(
        AnalysisErrorCodes.nullType,
        'Invalid Case expression. All case branches have NULL type',
        node.span,
      );
    return {
      kind: 'Case',
      whens: whens.map((w, i) => ({
        condition: w.condition,
        result: coerce(w.result, type, node.whens[i]?.span ?? node.span),
      })),
      else: elseExpr ? coerce(elseExpr, type, node.span) : null,
      type,
    };
  }

  private dereference(node: Extract<Expression, { kind: 'Dereference' }>): IrExpression {
    const base = this.typed(node.base);
    if (base.type.kind !== 'STRUCT') {
      fail(
        AnalysisErrorCodes.typeMismatch,
        `Can't dereference field '${node.field.name}': expected a STRUCT, got ${formatSqlType(base.type)}`,
        node.span,
      );
    }
    const field = base.type.fields.find((f) => f.name === node.field.name);
    if (!field)
      fail(
        AnalysisErrorCodes.unknownColumn,
        `Could not find field '${node.field.name}' in '${formatSqlType(base.type)}'.`,
        node.field.span,
      );
    return { kind: 'Dereference', base, field: field.name, type: field.type };
  }

  private subscript(node: Extract<Expression, { kind: 'Subscript' }>): IrExpression {
    const base = this.typed(node.base);
    const index = this.analyze(node.index);
    if (base.type.kind === 'ARRAY') {
      const idx = coerce(index, SqlTypes.integer, node.index.span);
      if (idx.type.kind !== 'INTEGER')
        fail(
          AnalysisErrorCodes.typeMismatch,
          `Array index must be INTEGER, got ${formatSqlType(idx.type)}`,
          node.index.span,
        );
      return { kind: 'Subscript', base, index: idx, type: base.type.element };
    }
    if (base.type.kind === 'MAP') {
      return {
        kind: 'Subscript',
        base,
        index: coerce(index, base.type.key, node.index.span),
        type: base.type.value,
      };
    }
    return fail(
      AnalysisErrorCodes.typeMismatch,
      `Can't subscript a value of type ${formatSqlType(base.type)}`,
      node.span,
    );
  }
}
