import { BadRequestError } from '../errors';
import type { ConverterPlugin } from './converter';
import type { SinkConnectorPlugin } from './sink-connector';
import type { SourceConnectorPlugin } from './source-connector';
import type { TransformationPlugin } from './transformation';

export type ConnectorPlugin = SourceConnectorPlugin | SinkConnectorPlugin;

/**
 * The classes a worker can instantiate, looked up by Connect class name. A new connector, SMT or
 * converter is added by registering its plugin here; the runtime never changes for it.
 */
export interface PluginRegistry {
  readonly connectors: readonly ConnectorPlugin[];
  readonly transformations: readonly TransformationPlugin[];
  readonly converters: readonly ConverterPlugin[];
}

export function pluginRegistry(parts: Partial<PluginRegistry>): PluginRegistry {
  return {
    connectors: parts.connectors ?? [],
    transformations: parts.transformations ?? [],
    converters: parts.converters ?? [],
  };
}

export function mergeRegistries(...registries: readonly PluginRegistry[]): PluginRegistry {
  return {
    connectors: registries.flatMap((r) => r.connectors),
    transformations: registries.flatMap((r) => r.transformations),
    converters: registries.flatMap((r) => r.converters),
  };
}

/** Connect accepts the full class name, the simple name, or the simple name without "Connector". */
function matches(className: string, wanted: string): boolean {
  const simple = className.slice(className.lastIndexOf('.') + 1);
  return wanted === className || wanted === simple || `${wanted}Connector` === simple;
}

export function findConnectorPlugin(
  registry: PluginRegistry,
  wanted: string,
): ConnectorPlugin | undefined {
  return registry.connectors.find((p) => matches(p.className, wanted));
}

export function requireConnectorPlugin(registry: PluginRegistry, wanted: string): ConnectorPlugin {
  const plugin = findConnectorPlugin(registry, wanted);
  if (plugin !== undefined) return plugin;
  const available = registry.connectors.map((p) => p.className).join(', ');
  throw new BadRequestError(
    `Failed to find any class that implements Connector and which name matches ${wanted}, available connectors are: ${available}`,
  );
}

export function findTransformation(
  registry: PluginRegistry,
  wanted: string,
): TransformationPlugin | undefined {
  return registry.transformations.find((p) => matches(p.className, wanted));
}

export function findConverter(
  registry: PluginRegistry,
  wanted: string,
): ConverterPlugin | undefined {
  return registry.converters.find((p) => matches(p.className, wanted));
}
