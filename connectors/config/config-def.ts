import { text } from '../data/text';
import { assertNever } from '../errors';

/**
 * One typed schema per component (Connect's ConfigDef): every key has a type, a default, a doc
 * string and an optional validator. The same definition drives startup validation
 * (`parseConfig`), `PUT /connector-plugins/{type}/config/validate` and the generated docs.
 */
export type ConfigType =
  'BOOLEAN' | 'STRING' | 'INT' | 'LONG' | 'DOUBLE' | 'LIST' | 'CLASS' | 'PASSWORD';
export type Importance = 'HIGH' | 'MEDIUM' | 'LOW';
export type Width = 'NONE' | 'SHORT' | 'MEDIUM' | 'LONG';

export type ConfigValue = boolean | string | number | readonly string[] | null;

/** Returns an error message (without the "Invalid value" prefix) or undefined when valid. */
export type ConfigValidator = {
  readonly describe: string;
  readonly check: (value: ConfigValue) => string | undefined;
};

export interface ConfigKey {
  readonly name: string;
  readonly type: ConfigType;
  /** `undefined` means required: the key has no default. */
  readonly defaultValue?: ConfigValue;
  readonly importance: Importance;
  readonly documentation: string;
  readonly group?: string;
  readonly orderInGroup?: number;
  readonly width?: Width;
  readonly displayName?: string;
  readonly dependents?: readonly string[];
  readonly validator?: ConfigValidator;
  readonly recommendedValues?: readonly string[];
}

export interface ConfigDef {
  readonly keys: readonly ConfigKey[];
  readonly groups: readonly string[];
}

export function configDef(keys: readonly ConfigKey[]): ConfigDef {
  const groups: string[] = [];
  for (const key of keys)
    if (key.group !== undefined && !groups.includes(key.group)) groups.push(key.group);
  return { keys, groups };
}

export function mergeDefs(...defs: readonly ConfigDef[]): ConfigDef {
  const byName = new Map<string, ConfigKey>();
  for (const def of defs) for (const key of def.keys) byName.set(key.name, key);
  return configDef([...byName.values()]);
}

export function oneOf(...values: readonly string[]): ConfigValidator {
  return {
    describe: `[${values.join(', ')}]`,
    check: (value) =>
      value === null || values.includes(String(value))
        ? undefined
        : `String must be one of: ${values.join(', ')}`,
  };
}

export function atLeast(min: number): ConfigValidator {
  return {
    describe: `[${min},...]`,
    check: (value) =>
      value === null || Number(value) >= min ? undefined : `Value must be at least ${min}`,
  };
}

export function nonEmptyString(): ConfigValidator {
  return {
    describe: 'non-empty string',
    check: (value) =>
      value === null || String(value).length > 0 ? undefined : 'String may not be empty',
  };
}

/** Connect accepts config values as strings; numbers and booleans from JSON bodies are stringified. */
export function normaliseProps(raw: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    out[key] =
      typeof value === 'string'
        ? value
        : typeof value === 'object'
          ? JSON.stringify(value)
          : text(value);
  }
  return out;
}

export function parseValue(key: ConfigKey, raw: string): { value?: ConfigValue; error?: string } {
  const invalid = (why: string) => ({
    error: `Invalid value ${raw} for configuration ${key.name}: ${why}`,
  });
  const trimmed = raw.trim();
  switch (key.type) {
    case 'BOOLEAN':
      if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
      return invalid('Expected value to be either true or false');
    case 'INT':
    case 'LONG': {
      if (!/^-?\d+$/.test(trimmed)) return invalid(`Not a number of type ${key.type}`);
      const n = Number(trimmed);
      if (key.type === 'INT' && (n > 2147483647 || n < -2147483648))
        return invalid('Not a number of type INT');
      return { value: n };
    }
    case 'DOUBLE': {
      const n = Number(trimmed);
      return trimmed === '' || Number.isNaN(n)
        ? invalid('Not a number of type DOUBLE')
        : { value: n };
    }
    case 'LIST':
      return { value: trimmed === '' ? [] : trimmed.split(',').map((s) => s.trim()) };
    case 'STRING':
    case 'PASSWORD':
      return { value: raw };
    case 'CLASS':
      return { value: trimmed };
    default:
      return assertNever(key.type);
  }
}

export interface KeyResult {
  readonly key: ConfigKey;
  readonly raw: string | undefined;
  readonly value: ConfigValue | undefined;
  readonly errors: readonly string[];
}

/** Validates every key of `def` against `props`; unknown keys are passed through untouched. */
export function evaluate(def: ConfigDef, props: Readonly<Record<string, string>>): KeyResult[] {
  return def.keys.map((key) => {
    const raw = props[key.name];
    if (raw === undefined) {
      if (key.defaultValue === undefined) {
        return {
          key,
          raw,
          value: undefined,
          errors: [`Missing required configuration "${key.name}" which has no default value.`],
        };
      }
      return { key, raw, value: key.defaultValue, errors: [] };
    }
    const parsed = parseValue(key, raw);
    if (parsed.error !== undefined) return { key, raw, value: undefined, errors: [parsed.error] };
    const value = parsed.value ?? null;
    const why = key.validator?.check(value);
    return {
      key,
      raw,
      value,
      errors:
        why === undefined ? [] : [`Invalid value ${raw} for configuration ${key.name}: ${why}`],
    };
  });
}
