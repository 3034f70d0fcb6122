import type { ConfigDef, ConfigKey, ConfigValue, KeyResult } from './config-def';
import { evaluate } from './config-def';

/** One entry of Connect's `PUT /connector-plugins/{type}/config/validate` answer. */
export interface ConfigInfo {
  readonly definition: {
    readonly name: string;
    readonly type: string;
    readonly required: boolean;
    readonly default_value: string | null;
    readonly importance: string;
    readonly documentation: string;
    readonly group: string | null;
    readonly width: string;
    readonly display_name: string;
    readonly dependents: readonly string[];
    readonly order: number;
  };
  readonly value: {
    readonly name: string;
    readonly value: string | null;
    readonly recommended_values: readonly string[];
    readonly errors: readonly string[];
    readonly visible: boolean;
  };
}

export interface ConfigInfos {
  readonly name: string;
  readonly error_count: number;
  readonly groups: readonly string[];
  readonly configs: readonly ConfigInfo[];
}

function show(value: ConfigValue | undefined, key: ConfigKey): string | null {
  if (value === undefined || value === null) return null;
  if (key.type === 'PASSWORD') return '[hidden]';
  return Array.isArray(value) ? value.join(',') : String(value);
}

function info(result: KeyResult, extra: readonly string[]): ConfigInfo {
  const { key } = result;
  return {
    definition: {
      name: key.name,
      type: key.type,
      required: key.defaultValue === undefined,
      default_value: key.defaultValue === undefined ? null : (show(key.defaultValue, key) ?? ''),
      importance: key.importance,
      documentation: key.documentation,
      group: key.group ?? null,
      width: key.width ?? 'NONE',
      display_name: key.displayName ?? key.name,
      dependents: key.dependents ?? [],
      order: key.orderInGroup ?? -1,
    },
    value: {
      name: key.name,
      value:
        result.raw !== undefined && key.type !== 'PASSWORD' ? result.raw : show(result.value, key),
      recommended_values: key.recommendedValues ?? [],
      errors: [...result.errors, ...extra],
      visible: true,
    },
  };
}

/** Evaluates `props` against `def`, adding the connector's own (I/O) errors keyed by config name. */
export function validateResponse(
  className: string,
  def: ConfigDef,
  props: Readonly<Record<string, string>>,
  extraErrors: Readonly<Record<string, readonly string[]>> = {},
): ConfigInfos {
  const configs = evaluate(def, props).map((r) => info(r, extraErrors[r.key.name] ?? []));
  return {
    name: className,
    error_count: configs.reduce((n, c) => n + c.value.errors.length, 0),
    groups: def.groups,
    configs,
  };
}

export function allErrors(infos: ConfigInfos): string[] {
  return infos.configs.flatMap((c) => c.value.errors);
}
