import type {
  FunctionCategory,
  FunctionDefinition,
  FunctionSignature,
} from './function-definition';
import { listFunctions, lookupFunction } from './function-registry';
import { formatParamType } from './param-type';

/** One row of SHOW FUNCTIONS. */
export interface FunctionSummary {
  readonly name: string;
  readonly type: 'SCALAR' | 'AGGREGATE' | 'TABLE';
  readonly category: FunctionCategory;
}

/** DESCRIBE FUNCTION, shaped like ksqlDB's REST `FunctionDescriptionList`. */
export interface FunctionDescription {
  readonly name: string;
  readonly description: string;
  readonly author: string;
  readonly version: string;
  readonly path: string;
  readonly type: FunctionSummary['type'];
  readonly category: FunctionCategory;
  readonly functions: readonly FunctionVariation[];
}

export interface FunctionVariation {
  readonly arguments: readonly {
    name: string;
    type: string;
    description: string;
    isVariadic: boolean;
  }[];
  readonly returnType: string;
  readonly description: string;
  /** The declaration text, e.g. `substring(STRING str, INT pos) => STRING`. */
  readonly signature: string;
}

const typeOf = (def: FunctionDefinition): FunctionSummary['type'] =>
  def.kind === 'scalar' ? 'SCALAR' : def.kind === 'aggregate' ? 'AGGREGATE' : 'TABLE';

export function showFunctions(): readonly FunctionSummary[] {
  return listFunctions().map((def) => ({
    name: def.name,
    type: typeOf(def),
    category: def.category,
  }));
}

export function describeFunction(name: string): FunctionDescription | undefined {
  const def = lookupFunction(name);
  if (!def) return undefined;
  return {
    name: def.name,
    description: def.description,
    author: 'Brook',
    version: '',
    path: 'internal',
    type: typeOf(def),
    category: def.category,
    functions: def.signatures.map((sig) => variation(def, sig)),
  };
}

function variation(def: FunctionDefinition, sig: FunctionSignature): FunctionVariation {
  const last = sig.params.length - 1;
  return {
    arguments: sig.params.map((p, i) => ({
      name: p.name,
      type: formatParamType(p.type) + (sig.variadic && i === last ? '[]' : ''),
      description: '',
      isVariadic: sig.variadic && i === last,
    })),
    returnType: formatParamType(sig.returns),
    description: sig.description ?? def.description,
    signature: sig.text,
  };
}
