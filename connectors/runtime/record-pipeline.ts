import type { ParsedConfig } from '../config';
import type { ConnectRecord } from '../data/connect-record';
import { BadConfigError } from '../errors';
import type { Converter, ConverterDeps } from '../plugins/converter';
import type { ErrorPolicy, FailedRecord } from '../plugins/error-policy';
import { findConverter, findTransformation, type PluginRegistry } from '../plugins/plugin-registry';
import type { Props } from '../plugins/source-connector';
import type { Transformation } from '../plugins/transformation';

export interface RecordPipeline {
  readonly key: Converter;
  readonly value: Converter;
  readonly transforms: readonly Transformation[];
}

/** Props under `prefix` with the prefix removed (`value.converter.schemas.enable` -> `schemas.enable`). */
export function subProps(props: Props, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(props))
    if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

function converter(
  plugins: PluginRegistry,
  worker: ParsedConfig,
  props: Props,
  which: 'key' | 'value',
  deps: ConverterDeps,
): Converter {
  const className = props[`${which}.converter`] ?? worker.string(`${which}.converter`);
  const plugin = findConverter(plugins, className);
  if (plugin === undefined) {
    throw new BadConfigError(
      `Invalid value ${className} for configuration ${which}.converter: Class ${className} could not be found.`,
    );
  }
  const instance = plugin.create(deps);
  // The worker's converter settings are the defaults; the connector's own override them.
  instance.configure(
    {
      ...subProps(worker.props, `${which}.converter.`),
      ...workerDefaults(worker, which),
      ...subProps(props, `${which}.converter.`),
    },
    which === 'key',
  );
  return instance;
}

function workerDefaults(worker: ParsedConfig, which: 'key' | 'value'): Record<string, string> {
  return {
    'schema.registry.url': worker.string(`${which}.converter.schema.registry.url`),
    ...subProps(worker.props, `${which}.converter.`),
  };
}

export function transformChain(plugins: PluginRegistry, props: Props): Transformation[] {
  const aliases = (props['transforms'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return aliases.map((alias) => {
    const className = props[`transforms.${alias}.type`];
    if (className === undefined)
      throw new BadConfigError(
        `Missing required configuration "transforms.${alias}.type" which has no default value.`,
      );
    const plugin = findTransformation(plugins, className);
    if (plugin === undefined)
      throw new BadConfigError(
        `Invalid value ${className} for configuration transforms.${alias}.type: Class ${className} could not be found.`,
      );
    const t = plugin.create();
    t.configure(subProps(props, `transforms.${alias}.`));
    return t;
  });
}

export function recordPipeline(
  plugins: PluginRegistry,
  worker: ParsedConfig,
  props: Props,
  deps: ConverterDeps = {},
): RecordPipeline {
  return {
    key: converter(plugins, worker, props, 'key', deps),
    value: converter(plugins, worker, props, 'value', deps),
    transforms: transformChain(plugins, props),
  };
}

export function applyTransforms<R extends ConnectRecord>(
  transforms: readonly Transformation[],
  record: R,
): R | null {
  let current: R | null = record;
  for (const t of transforms) {
    if (current === null) return null;
    current = t.apply(current);
  }
  return current;
}

/**
 * Runs one stage of one record, going through the error policy only when the stage fails: the
 * policy then runs it again under its retries and tolerance. Stages are pure conversions or
 * transforms, so the extra attempt changes nothing, and the common path skips the policy's
 * per-record closures and timers (bench/w5 runs three stages per record on each side).
 */
export async function runStage<T>(
  policy: ErrorPolicy,
  failed: () => FailedRecord,
  operation: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await operation();
  } catch {
    return policy.execute(failed(), operation);
  }
}
