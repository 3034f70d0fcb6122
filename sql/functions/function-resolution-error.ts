import type { ArgType } from './arg-type';
import { formatArgType } from './arg-type';

export type FunctionResolutionErrorCode =
  'UNKNOWN_FUNCTION' | 'NO_MATCHING_SIGNATURE' | 'CANNOT_INFER_TYPE' | 'WRONG_FUNCTION_KIND';

/**
 * Why a call does not resolve. Pure data plus a ksqlDB-style message; the analyzer wraps it
 * into a SqlError carrying the call's span.
 */
export class FunctionResolutionError extends Error {
  readonly retriable = false;
  constructor(
    readonly code: FunctionResolutionErrorCode,
    readonly functionName: string,
    readonly argTypes: readonly ArgType[],
    message: string,
    readonly alternatives: readonly string[] = [],
  ) {
    super(message);
    this.name = 'FunctionResolutionError';
  }

  /** `name` as the function declares it: ksqlDB quotes the declared spelling. */
  static noMatch(name: string, args: readonly ArgType[], alternatives: readonly string[]) {
    const params = args.map(formatArgType).join(', ');
    const lines = [`Function '${name}' does not accept parameters (${params}).`];
    if (alternatives.length > 0) lines.push('Valid alternatives are:', ...alternatives);
    return new FunctionResolutionError(
      'NO_MATCHING_SIGNATURE',
      name,
      args,
      lines.join('\n'),
      alternatives,
    );
  }
}
