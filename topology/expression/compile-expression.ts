import {
  assertNever,
  type Expression,
  type FunctionCall,
  type Literal,
  type PseudoColumnRef,
} from '../spec';
import type { CallContext } from '../functions';
import type { CompileContext, CompileOptions } from './compile-context';
import { compileOperator } from './compile-operators';
import { compileStructure } from './compile-structures';
import type { EvalRow, Evaluator, LambdaEnv } from './eval-row';
import { ExpressionCompileError, ExpressionError } from './expression-error';
import Decimal from 'decimal.js';

/**
 * Compiles an expression once into a closure tree; per record only closures run. The returned
 * evaluator never throws for a bad value: the failure goes to `onError` and the result is NULL
 * (ksqlDB's behaviour for a failing select expression or predicate).
 */
export function compileExpression(
  expression: Expression,
  options: CompileOptions,
): (row: EvalRow) => unknown {
  const ctx: CompileContext = { ...options, compile: (e) => compileNode(e, ctx) };
  const evaluate = ctx.compile(expression);
  return (row) => {
    try {
      return evaluate(row, null);
    } catch (error) {
      options.onError(asExpressionError(error, expression.kind), row);
      return null;
    }
  };
}

function asExpressionError(error: unknown, kind: string): ExpressionError {
  if (error instanceof ExpressionError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ExpressionError(message, kind, { cause: error });
}

function compileNode(e: Expression, ctx: CompileContext): Evaluator {
  switch (e.kind) {
    case 'ColumnRef':
      return columnRef(e.name, ctx);
    case 'PseudoColumn':
      return pseudoColumn(e);
    case 'LambdaVariable':
      return lambdaVariable(e.name);
    case 'Literal': {
      const value = literalValue(e);
      return () => value;
    }
    case 'FunctionCall':
      return functionCall(e, ctx);
    case 'Arithmetic':
    case 'Negate':
    case 'Comparison':
    case 'IsDistinctFrom':
    case 'LogicalBinary':
    case 'Not':
    case 'Case':
    case 'Cast':
    case 'In':
    case 'Between':
    case 'Like':
    case 'IsNull':
      return compileOperator(e, ctx);
    case 'Subscript':
    case 'Dereference':
    case 'StructConstructor':
    case 'ArrayConstructor':
    case 'MapConstructor':
    case 'Lambda':
      return compileStructure(e, ctx);
    default:
      return assertNever(e, 'expression');
  }
}

function columnRef(name: string, ctx: CompileContext): Evaluator {
  const keyIndex = ctx.schema.key.findIndex((c) => c.name === name);
  if (keyIndex >= 0) return (row) => row.key[keyIndex] ?? null;
  const valueIndex = ctx.schema.value.findIndex((c) => c.name === name);
  if (valueIndex >= 0) return (row) => row.value[valueIndex] ?? null;
  throw new ExpressionCompileError(`unknown column '${name}'`);
}

function pseudoColumn(e: PseudoColumnRef): Evaluator {
  const asType = (n: number): unknown => (e.type.kind === 'BIGINT' ? BigInt(n) : n);
  switch (e.name) {
    case 'ROWTIME':
      return (row) => asType(row.timestamp);
    case 'ROWPARTITION':
      return (row) => asType(row.partition);
    case 'ROWOFFSET':
      return (row) => asType(row.offset);
    case 'WINDOWSTART':
      return (row) => (row.window ? asType(row.window.start) : null);
    case 'WINDOWEND':
      return (row) => (row.window ? asType(row.window.end) : null);
    default:
      return assertNever(e.name, 'pseudo column');
  }
}

function lambdaVariable(name: string): Evaluator {
  return (_row, env) => {
    for (let scope: LambdaEnv | null = env; scope; scope = scope.parent) {
      const i = scope.names.indexOf(name);
      if (i >= 0) return scope.values[i] ?? null;
    }
    throw new ExpressionError(`lambda variable '${name}' is not in scope`, 'LambdaVariable');
  };
}

/** Decodes a literal's JSON encoding (see `Literal` in the spec) into the runtime representation. */
export function literalValue(e: Literal): unknown {
  if (e.value === null) return null;
  switch (e.type.kind) {
    case 'BIGINT':
      return BigInt(e.value);
    case 'DECIMAL':
      return new Decimal(String(e.value));
    case 'BYTES':
      return Buffer.from(String(e.value), 'base64');
    default:
      return e.value;
  }
}

function functionCall(e: FunctionCall, ctx: CompileContext): Evaluator {
  const fn = ctx.functions.scalar(e.name);
  if (!fn) throw new ExpressionCompileError(`unknown function '${e.name}'`);
  const args = e.args.map((a) => ctx.compile(a));
  const callContext: CallContext = { argTypes: e.argTypes, returnType: e.type, config: ctx.config };
  return (row, env) => {
    const values = args.map((a) => a(row, env));
    try {
      const result = fn.call(values, callContext);
      return result === undefined ? null : result;
    } catch (error) {
      // A failing call is NULL where it stands (ksqlDB: MAP('a':=bad(x), 'b':=1) keeps 'b').
      ctx.onError(asExpressionError(error, 'FunctionCall'), row);
      return null;
    }
  };
}
