import { SqlTypes, sameSqlType, type SqlType } from '../../topology/spec';
import type { ArgType } from './arg-type';
import type { FunctionSignature } from './function-definition';
import type { ParamType } from './param-type';
import { MAX_DECIMAL_PRECISION, commonSupertype, decimalOf, widenCost } from './type-widening';

export interface ResolvedLambda {
  readonly params: readonly SqlType[];
  readonly returns: SqlType;
}

export interface SignatureMatch {
  readonly cost: number;
  readonly argTypes: readonly SqlType[];
  readonly lambdas: readonly (ResolvedLambda | undefined)[];
  readonly returnType: SqlType;
}

interface Binding {
  type: SqlType;
  /** Bound inside ARRAY/MAP: such a binding cannot widen any more. */
  nested: boolean;
}

type Bindings = Map<string, Binding>;

export function paramAt(sig: FunctionSignature, index: number): ParamType | undefined {
  const last = sig.params.length - 1;
  if (index <= last) return sig.params[index]?.type;
  return sig.variadic ? sig.params[last]?.type : undefined;
}

function arityMatches(sig: FunctionSignature, count: number): boolean {
  return sig.variadic ? count >= sig.params.length - 1 : count === sig.params.length;
}

/** Tries one signature; undefined when the arguments do not fit it. */
export function matchSignature(
  sig: FunctionSignature,
  args: readonly ArgType[],
): SignatureMatch | undefined {
  if (!arityMatches(sig, args.length)) return undefined;
  const bindings: Bindings = new Map();
  let cost = sig.variadic ? 0.5 : 0;
  for (const [i, arg] of args.entries()) {
    const param = paramAt(sig, i);
    if (!param || arg.kind === 'LAMBDA') continue;
    const c = matchParam(param, arg, bindings, false);
    if (c === undefined) return undefined;
    cost += c;
  }
  const lambdas = resolveLambdas(sig, args, bindings);
  if (!lambdas) return undefined;
  const argTypes: SqlType[] = [];
  for (const [i, arg] of args.entries()) {
    const param = paramAt(sig, i);
    if (!param) return undefined;
    const lambda = lambdas[i];
    const type = lambda ? lambda.returns : resolveParam(param, arg, bindings);
    if (!type) return undefined;
    argTypes.push(type);
  }
  const returnType = sig.returnType
    ? sig.returnType(argTypes)
    : resolveReturn(sig.returns, bindings, argTypes);
  return returnType ? { cost, argTypes, lambdas, returnType } : undefined;
}

function matchParam(
  param: ParamType,
  arg: ArgType,
  bindings: Bindings,
  nested: boolean,
): number | undefined {
  if (arg.kind === 'NULL') return nested ? undefined : 0;
  if (arg.kind === 'LAMBDA') return undefined;
  if (arg.kind === 'INTERVAL_UNIT') return param.kind === 'intervalUnit' ? 0 : undefined;
  switch (param.kind) {
    case 'concrete':
      return nested ? (sameSqlType(param.type, arg) ? 0 : undefined) : widenCost(arg, param.type);
    case 'anyDecimal':
      if (arg.kind === 'DECIMAL') return 0;
      return !nested && (arg.kind === 'INTEGER' || arg.kind === 'BIGINT')
        ? (widenCost(arg, decimalOf(arg)) ?? 1)
        : undefined;
    case 'anyStruct':
      return arg.kind === 'STRUCT' ? 0 : undefined;
    case 'intervalUnit':
      return undefined;
    case 'generic':
      return bindGeneric(param.name, arg, bindings, nested);
    case 'array':
      return arg.kind === 'ARRAY'
        ? matchParam(param.element, arg.element, bindings, true)
        : undefined;
    case 'map': {
      if (arg.kind !== 'MAP') return undefined;
      const k = matchParam(param.key, arg.key, bindings, true);
      const v = k === undefined ? undefined : matchParam(param.value, arg.value, bindings, true);
      return k === undefined || v === undefined ? undefined : k + v;
    }
    case 'lambda':
      return undefined;
  }
}

function bindGeneric(
  name: string,
  arg: SqlType,
  bindings: Bindings,
  nested: boolean,
): number | undefined {
  const bound = bindings.get(name);
  if (!bound) {
    bindings.set(name, { type: arg, nested });
    return 0;
  }
  if (sameSqlType(bound.type, arg)) {
    bound.nested ||= nested;
    return 0;
  }
  const common = commonSupertype(bound.type, arg);
  if (!common) return undefined;
  if (sameSqlType(common, bound.type)) return nested ? undefined : 1;
  if (bound.nested || (nested && !sameSqlType(common, arg))) return undefined;
  bindings.set(name, { type: common, nested: bound.nested || nested });
  return 1;
}

/** Lambdas are typed after the other arguments bound the generics their parameters use. */
function resolveLambdas(
  sig: FunctionSignature,
  args: readonly ArgType[],
  bindings: Bindings,
): (ResolvedLambda | undefined)[] | undefined {
  const lambdas: (ResolvedLambda | undefined)[] = args.map(() => undefined);
  for (const [i, arg] of args.entries()) {
    const param = paramAt(sig, i);
    if (arg.kind !== 'LAMBDA') {
      if (param?.kind === 'lambda') return undefined;
      continue;
    }
    if (param?.kind !== 'lambda' || param.params.length !== arg.arity) return undefined;
    const resolved = typeLambda(param, arg.bodyType, bindings);
    if (!resolved) return undefined;
    lambdas[i] = resolved;
  }
  return lambdas;
}

/**
 * Types a lambda under the current bindings. When its body's type widens a generic that its own
 * parameters use (REDUCE's state: `0` is INT, `s + x` is BIGINT), the lambda is typed once more
 * with the widened parameters.
 */
function typeLambda(
  param: Extract<ParamType, { kind: 'lambda' }>,
  bodyType: (paramTypes: readonly SqlType[]) => SqlType,
  bindings: Bindings,
): ResolvedLambda | undefined {
  for (let attempt = 0; attempt < 2; attempt++) {
    const params = param.params.map((p) => substitute(p, bindings));
    if (params.some((p) => p === undefined)) return undefined;
    const paramTypes = params as SqlType[];
    const returns = bodyType(paramTypes);
    if (matchParam(param.returns, returns, bindings, false) === undefined) return undefined;
    const after = param.params.map((p) => substitute(p, bindings));
    const stable = paramTypes.every((t, i) => after[i] !== undefined && sameSqlType(t, after[i]));
    if (stable)
      return { params: paramTypes, returns: substitute(param.returns, bindings) ?? returns };
  }
  return undefined;
}

function resolveParam(param: ParamType, arg: ArgType, bindings: Bindings): SqlType | undefined {
  if (arg.kind === 'NULL' && param.kind === 'anyDecimal')
    return SqlTypes.decimal(MAX_DECIMAL_PRECISION, 0);
  if (arg.kind === 'NULL' || arg.kind === 'LAMBDA') return substitute(param, bindings);
  if (arg.kind === 'INTERVAL_UNIT') return SqlTypes.string;
  switch (param.kind) {
    case 'anyDecimal':
      return decimalOf(arg);
    case 'anyStruct':
      return arg;
    case 'array':
      return arg.kind === 'ARRAY'
        ? mapOpt(resolveParam(param.element, arg.element, bindings), SqlTypes.array)
        : undefined;
    case 'map': {
      if (arg.kind !== 'MAP') return undefined;
      const key = resolveParam(param.key, arg.key, bindings);
      const value = resolveParam(param.value, arg.value, bindings);
      return key && value ? SqlTypes.map(key, value) : undefined;
    }
    default:
      return substitute(param, bindings);
  }
}

function mapOpt<A, B>(value: A | undefined, f: (a: A) => B): B | undefined {
  return value === undefined ? undefined : f(value);
}

/** A parameter type with its generics replaced; undefined while a generic is still unknown. */
export function substitute(param: ParamType, bindings: Bindings): SqlType | undefined {
  switch (param.kind) {
    case 'concrete':
      return param.type;
    case 'anyDecimal':
      return undefined;
    case 'anyStruct':
      return SqlTypes.struct([]);
    case 'intervalUnit':
      return SqlTypes.string;
    case 'generic':
      return bindings.get(param.name)?.type;
    case 'array':
      return mapOpt(substitute(param.element, bindings), SqlTypes.array);
    case 'map': {
      const key = substitute(param.key, bindings);
      const value = substitute(param.value, bindings);
      return key && value ? SqlTypes.map(key, value) : undefined;
    }
    case 'lambda':
      return substitute(param.returns, bindings);
  }
}

function resolveReturn(
  returns: ParamType,
  bindings: Bindings,
  argTypes: readonly SqlType[],
): SqlType | undefined {
  if (returns.kind === 'anyDecimal') return argTypes.find((t) => t.kind === 'DECIMAL');
  return substitute(returns, bindings);
}
