import type { StatementContext } from '../engine-port';

/**
 * The properties and variables in force while one request's script runs. They start from the
 * server's properties and the request's context; SET/UNSET and DEFINE/UNDEFINE in the script
 * change them for the statements after it, and for nothing else (ksqlDB's REST semantics: the
 * client keeps session state and sends it with every request).
 */
export class ScriptSession {
  private readonly overrides = new Map<string, string>();
  private readonly variables = new Map<string, string>();

  constructor(
    private readonly serverProperties: Readonly<Record<string, string>>,
    context: StatementContext,
  ) {
    for (const [k, v] of Object.entries(context.streamsProperties)) this.overrides.set(k, stringify(v));
    for (const [k, v] of Object.entries(context.sessionVariables)) this.variables.set(k.toUpperCase(), stringify(v));
  }

  set(name: string, value: string): void {
    this.overrides.set(name, value);
  }

  unset(name: string): void {
    this.overrides.delete(name);
  }

  define(name: string, value: string): void {
    this.variables.set(name.toUpperCase(), value);
  }

  undefine(name: string): boolean {
    return this.variables.delete(name.toUpperCase());
  }

  variableMap(): ReadonlyMap<string, string> {
    return this.variables;
  }

  overriddenNames(): readonly string[] {
    return [...this.overrides.keys()];
  }

  /** Server properties with the session's overrides on top. */
  properties(): Readonly<Record<string, string>> {
    return { ...this.serverProperties, ...Object.fromEntries(this.overrides) };
  }

  property(name: string): string | undefined {
    return this.overrides.get(name) ?? this.serverProperties[name];
  }

  serverDefaults(): Readonly<Record<string, string>> {
    return this.serverProperties;
  }
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
