import type { SqlType } from '../../topology/spec';
import type { ParamType } from './param-type';
import { parseSignature, type ParsedParam } from './signature-text';

export type FunctionKind = 'scalar' | 'aggregate' | 'table';

export type FunctionCategory =
  | 'STRING'
  | 'MATHEMATICAL'
  | 'DATE / TIME'
  | 'ARRAY'
  | 'MAP'
  | 'LAMBDA'
  | 'JSON'
  | 'CONDITIONAL'
  | 'CONVERSIONS'
  | 'REGULAR EXPRESSION'
  | 'URL'
  | 'OTHER'
  | 'AGGREGATE'
  | 'TABLE';

/**
 * Computes the return type from the resolved argument types (after widening; a lambda argument
 * appears as its body type, a unit keyword as STRING). Used where the type is not expressible
 * in signature text: DECIMAL precision rules, SUM of DECIMAL, ROUND of DECIMAL, ...
 */
export type ReturnTypeRule = (args: readonly SqlType[]) => SqlType;

export interface FunctionSignature {
  /** The declaration, e.g. `substring(STRING str, INT pos) => STRING`; printed by DESCRIBE FUNCTION. */
  readonly text: string;
  readonly params: readonly ParsedParam[];
  /** The last parameter repeats zero or more times. */
  readonly variadic: boolean;
  readonly returns: ParamType;
  readonly returnType?: ReturnTypeRule;
  readonly description?: string;
  /**
   * Indexes of parameters that must be literals: aggregate parameters fixed per query, such as
   * the `n` of TOPK or the `ignoreNulls` of LATEST_BY_OFFSET. The analyzer enforces it.
   */
  readonly literalParams?: readonly number[];
}

export interface FunctionDefinition {
  /** Upper-case, as SHOW FUNCTIONS prints it. */
  readonly name: string;
  /**
   * The name as its signatures spell it, which ksqlDB's resolution messages quote
   * (`Function 'dateadd' ...` but `Function 'COALESCE' ...`).
   */
  readonly declaredName: string;
  readonly kind: FunctionKind;
  readonly category: FunctionCategory;
  readonly description: string;
  readonly signatures: readonly FunctionSignature[];
}

export interface SignatureOptions {
  readonly returnType?: ReturnTypeRule;
  readonly description?: string;
  readonly literalParams?: readonly number[];
}

export type SignatureDecl = string | readonly [string, SignatureOptions];

export function signature(text: string, options: SignatureOptions = {}): FunctionSignature {
  const parsed = parseSignature(text);
  return {
    text,
    params: parsed.params,
    variadic: parsed.variadic,
    returns: parsed.returns,
    ...options,
  };
}

export function defineFunction(
  kind: FunctionKind,
  category: FunctionCategory,
  description: string,
  decls: readonly SignatureDecl[],
): FunctionDefinition {
  const signatures = decls.map((d) =>
    typeof d === 'string' ? signature(d) : signature(d[0], d[1]),
  );
  const spellings = signatures.map((s) => parseSignature(s.text).name);
  const names = new Set(spellings.map((n) => n.toUpperCase()));
  const [name] = [...names];
  const [declaredName] = spellings;
  if (names.size !== 1 || name === undefined || declaredName === undefined) {
    throw new Error(`Signatures of one function must share a name: ${[...names].join(', ')}`);
  }
  return { name, declaredName, kind, category, description, signatures };
}

export const scalar = (
  category: FunctionCategory,
  description: string,
  ...decls: SignatureDecl[]
) => defineFunction('scalar', category, description, decls);

export const aggregate = (description: string, ...decls: SignatureDecl[]) =>
  defineFunction('aggregate', 'AGGREGATE', description, decls);

export const tableFn = (description: string, ...decls: SignatureDecl[]) =>
  defineFunction('table', 'TABLE', description, decls);
