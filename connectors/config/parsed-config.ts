import { BadConfigError } from '../errors';
import { evaluate, type ConfigDef, type ConfigValue } from './config-def';

/** Typed access to a validated config; only keys declared in the def can be read. */
export interface ParsedConfig {
  readonly props: Readonly<Record<string, string>>;
  string(name: string): string;
  optionalString(name: string): string | null;
  int(name: string): number;
  bool(name: string): boolean;
  list(name: string): readonly string[];
}

/** Parses `props` against `def`, throwing Connect's "configuration is invalid" error on failure. */
export function parseConfig(
  def: ConfigDef,
  props: Readonly<Record<string, string>>,
  extraErrors: readonly string[] = [],
): ParsedConfig {
  const results = evaluate(def, props);
  const errors = [...results.flatMap((r) => r.errors), ...extraErrors];
  if (errors.length > 0) throw invalidConfig(errors);
  const values = new Map<string, ConfigValue>(results.map((r) => [r.key.name, r.value ?? null]));
  const get = (name: string): ConfigValue => {
    if (!values.has(name)) throw new BadConfigError(`Unknown configuration ${name}`);
    return values.get(name) ?? null;
  };
  return {
    props,
    string: (name) => String(get(name) ?? ''),
    optionalString: (name) => {
      const v = get(name);
      return v === null || v === '' ? null : String(v);
    },
    int: (name) => Number(get(name)),
    bool: (name) => get(name) === true,
    list: (name) => {
      const v = get(name);
      return Array.isArray(v) ? (v as readonly string[]) : [];
    },
  };
}

export function invalidConfig(errors: readonly string[]): BadConfigError {
  return new BadConfigError(
    `Connector configuration is invalid and contains the following ${errors.length} error(s):\n${errors.join('\n')}\n` +
      'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
    errors,
  );
}
