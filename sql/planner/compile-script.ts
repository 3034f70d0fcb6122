import { parseScript, type ScriptStatement } from '../parser';
import type { AnalyzerConfig } from '../analyzer/analyzer-config';
import { InMemoryCatalog, type SchemaInference } from '../catalog';
import { applyToCatalog } from './compile/apply-to-catalog';
import type { CompiledStatement } from './compile/compiled-statement';
import { compileStatement } from './compile/compile-statement';

export interface CompiledScriptStatement {
  readonly parsed: ScriptStatement;
  readonly compiled: CompiledStatement;
}

export interface CompileScriptOptions {
  readonly catalog?: InMemoryCatalog;
  readonly config?: AnalyzerConfig;
  readonly schemaInference?: SchemaInference;
  /** The first query counter (each statement uses the next number). */
  readonly firstQueryCounter?: number;
  /** Called after each statement compiles, before the next one is compiled. */
  readonly onCompiled?: (statement: CompiledScriptStatement) => void;
}

/**
 * Parses and compiles a whole script offline, statement by statement, applying each catalog
 * change before the next statement (the DDL defines the catalog). Stops at the first error,
 * which it throws (a SqlError whose span points into `script`).
 */
export function compileScript(
  script: string,
  options: CompileScriptOptions = {},
): CompiledScriptStatement[] {
  const catalog = options.catalog ?? new InMemoryCatalog();
  const config: Record<string, string | undefined> = { ...(options.config ?? {}) };
  const out: CompiledScriptStatement[] = [];
  let counter = options.firstQueryCounter ?? 0;
  for (const parsed of parseScript(script)) {
    const statement = parsed.statement;
    if (statement.kind === 'SetProperty') config[statement.name] = statement.value;
    if (statement.kind === 'UnsetProperty') delete config[statement.name];
    const compiled = compileStatement(statement, {
      catalog,
      config,
      queryCounter: counter,
      sql: parsed.text,
      ...(options.schemaInference ? { schemaInference: options.schemaInference } : {}),
    });
    if (compiled.kind === 'PersistentQuery' || compiled.kind === 'TransientQuery') counter++;
    applyToCatalog(catalog, compiled);
    out.push({ parsed, compiled });
    options.onCompiled?.({ parsed, compiled });
  }
  return out;
}
