import type { Span, Statement } from '../ast';
import { type ParseOptions, parseStatement } from './parse';
import { normaliseVariables, splitStatements, substituteVariables, type Variables } from './script';

export interface ScriptOptions extends Omit<ParseOptions, 'origin'> {
  /** Variables defined before the script runs (the session's DEFINEs). */
  readonly variables?: Variables;
}

export interface ScriptStatement {
  readonly statement: Statement;
  /** The statement text after variable substitution (what was parsed). */
  readonly text: string;
  /** The statement text as written in the script. */
  readonly rawText: string;
  /** Where `rawText` is in the script. */
  readonly span: Span;
  /** Variables in force after this statement (DEFINE/UNDEFINE change them). */
  readonly variables: ReadonlyMap<string, string>;
}

/**
 * Splits, substitutes `${var}` (DEFINE/UNDEFINE in the script apply to later statements) and
 * parses a script. Node spans point into the script; after a substituted variable in the same
 * statement they are shifted by the length difference of the substitution.
 */
export function parseScript(script: string, options: ScriptOptions = {}): ScriptStatement[] {
  let variables = normaliseVariables(options.variables ?? {});
  const parsed: ScriptStatement[] = [];
  for (const segment of splitStatements(script)) {
    const origin = segment.span.start;
    const text = substituteVariables(segment.text, variables, origin);
    const statement = parseStatement(text, { ...options, origin });
    if (statement.kind === 'DefineVariable') {
      variables = new Map(variables).set(statement.name.text.toUpperCase(), statement.value);
    } else if (statement.kind === 'UndefineVariable') {
      variables = new Map(variables);
      variables.delete(statement.name.text.toUpperCase());
    }
    parsed.push({ statement, text, rawText: segment.text, span: segment.span, variables });
  }
  return parsed;
}
