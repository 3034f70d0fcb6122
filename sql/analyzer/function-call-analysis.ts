import type {
  Expression as IrExpression,
  FunctionCall as IrFunctionCall,
} from '../../topology/spec';
import type { FunctionCall, Lambda } from '../ast';
import {
  FunctionResolutionError,
  IntervalUnitArg,
  NullArg,
  lambdaArg,
  lookupFunction,
  resolveCall,
  type ArgType,
  type ResolvedCall,
} from '../functions';
import { AnalysisErrorCodes, fail } from './analysis-error';
import { coerce } from './coercion';
import type { ExpressionAnalyzer } from './expression-analyzer';
import { isUntypedNull } from './literal-analysis';

/**
 * A function call as IR. Arguments are analysed once (nested calls stay linear), the signature
 * is resolved from their types, literals are coerced to the parameter types. Aggregate and
 * table-function calls go to the context's hooks, which replace them by column references.
 */
export function analyzeFunctionCall(
  analyzer: ExpressionAnalyzer,
  node: FunctionCall,
): IrExpression {
  const kind = lookupFunction(node.name.name)?.kind;
  const special = kind === 'aggregate' || kind === 'table';
  const hook =
    kind === 'aggregate'
      ? analyzer.ctx.onAggregate
      : kind === 'table'
        ? analyzer.ctx.onTableFunction
        : undefined;
  if (kind === 'aggregate' && !hook) {
    fail(
      AnalysisErrorCodes.aggregation,
      `Aggregate functions can not be used in ${analyzer.ctx.clause}: ${node.name.name}`,
      node.span,
    );
  }
  if (kind === 'table' && !hook) {
    fail(
      AnalysisErrorCodes.invalidExpression,
      `Table functions can only be used in the SELECT list: ${node.name.name}`,
      node.span,
    );
  }
  const argAnalyzer = special
    ? analyzer.with({
        onAggregate: undefined,
        onTableFunction: undefined,
        substitute: undefined,
        clause: 'function arguments',
      })
    : analyzer;
  const analyzed = node.args.map((arg) =>
    arg.kind === 'Lambda' ? undefined : argAnalyzer.analyze(arg),
  );
  const argTypes: ArgType[] = node.args.map((arg, i) => {
    if (arg.kind === 'Lambda')
      return lambdaArg(arg.params.length, (types) => lambdaBody(argAnalyzer, arg, types).type);
    if (arg.kind === 'TimeUnitArg') return IntervalUnitArg;
    const ir = analyzed[i];
    return !ir || isUntypedNull(ir) ? NullArg : ir.type;
  });
  const resolved = resolve(analyzer, node, argTypes);
  const args = node.args.map((arg, i): IrExpression => {
    const type = resolved.argTypes[i] ?? { kind: 'STRING' };
    if (arg.kind === 'Lambda') {
      const params = resolved.lambdas[i]?.params ?? [];
      const body = lambdaBody(argAnalyzer, arg, params);
      return {
        kind: 'Lambda',
        params: arg.params.map((p, j) => ({ name: p.name, type: params[j] ?? type })),
        body,
        type: body.type,
      };
    }
    const ir = analyzed[i]!;
    return isUntypedNull(ir) || ir.kind === 'Literal' ? coerce(ir, type, arg.span) : ir;
  });
  const call: IrFunctionCall = {
    kind: 'FunctionCall',
    name: resolved.name,
    args,
    argTypes: resolved.argTypes,
    type: resolved.returnType,
  };
  return hook ? hook(call, node) : call;
}

function lambdaBody(
  analyzer: ExpressionAnalyzer,
  lambda: Lambda,
  types: readonly IrExpression['type'][],
): IrExpression {
  const params = new Map(analyzer.ctx.lambdaParams ?? []);
  lambda.params.forEach((p, i) => params.set(p.name, types[i] ?? { kind: 'STRING' }));
  return analyzer.with({ lambdaParams: params }).typed(lambda.body);
}

function resolve(
  analyzer: ExpressionAnalyzer,
  node: FunctionCall,
  args: readonly ArgType[],
): ResolvedCall {
  const config: Record<string, string> = {};
  for (const [k, v] of Object.entries(analyzer.ctx.config)) if (v !== undefined) config[k] = v;
  try {
    return resolveCall(node.name.name, args, config);
  } catch (error) {
    if (error instanceof FunctionResolutionError) {
      const code =
        error.code === 'UNKNOWN_FUNCTION'
          ? AnalysisErrorCodes.unknownFunction
          : AnalysisErrorCodes.functionSignature;
      fail(code, error.message, node.span, { cause: error });
    }
    throw error;
  }
}
