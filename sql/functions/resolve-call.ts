import type { SqlType } from '../../topology/spec';
import type { ArgType } from './arg-type';
import type { FunctionDefinition, FunctionKind, FunctionSignature } from './function-definition';
import { FunctionResolutionError } from './function-resolution-error';
import { lookupFunction } from './function-registry';
import { matchSignature, type ResolvedLambda } from './signature-matcher';

/**
 * A call bound to one signature. The runtime converts each argument to `argTypes[i]` (implicit
 * widening) before calling the implementation, and passes these types in `CallContext.argTypes`.
 * A lambda argument appears in `argTypes` as its body type; its parameter types are in `lambdas`.
 * An INTERVAL_UNIT argument appears as STRING.
 */
export interface ResolvedCall {
  readonly name: string;
  readonly kind: FunctionKind;
  readonly definition: FunctionDefinition;
  readonly signature: FunctionSignature;
  readonly argTypes: readonly SqlType[];
  readonly lambdas: readonly (ResolvedLambda | undefined)[];
  readonly returnType: SqlType;
}

/** Engine settings that may change resolution (reserved; none does today). */
export type ResolutionConfig = Readonly<Record<string, string>>;

/**
 * Resolves a call the way ksqlDB does: an exact match wins, otherwise the signature needing the
 * least implicit widening, with fixed-arity signatures preferred over variadic ones and the
 * declaration order breaking ties. Throws `FunctionResolutionError`.
 */
export function resolveCall(
  name: string,
  args: readonly ArgType[],
  _config: ResolutionConfig = {},
): ResolvedCall {
  const definition = lookupFunction(name);
  if (!definition) {
    throw new FunctionResolutionError(
      'UNKNOWN_FUNCTION',
      name,
      args,
      `Can't find any functions with the name '${name}'`,
    );
  }
  let best:
    | { signature: FunctionSignature; match: NonNullable<ReturnType<typeof matchSignature>> }
    | undefined;
  for (const signature of definition.signatures) {
    const match = matchSignature(signature, args);
    if (match && (!best || match.cost < best.match.cost)) best = { signature, match };
  }
  if (!best) {
    throw FunctionResolutionError.noMatch(
      definition.declaredName,
      args,
      definition.signatures.map((s) => s.text.split(' => ')[0] ?? s.text),
    );
  }
  return {
    name: definition.name,
    kind: definition.kind,
    definition,
    signature: best.signature,
    argTypes: best.match.argTypes,
    lambdas: best.match.lambdas,
    returnType: best.match.returnType,
  };
}
