import {
  commonConnectorConfig,
  commonSinkConfig,
  configDef,
  mergeDefs,
  validateResponse,
  type ConfigDef,
  type ConfigInfos,
  type ConfigKey,
} from '../config';
import { text } from '../data/text';
import {
  findConverter,
  findTransformation,
  requireConnectorPlugin,
  type ConnectorPlugin,
  type PluginRegistry,
} from '../plugins/plugin-registry';
import type { Props } from '../plugins/source-connector';

/** Keys `transforms.<alias>.type` plus each transformation's own keys, prefixed, as Connect adds them. */
function transformKeys(plugins: PluginRegistry, props: Props): ConfigKey[] {
  const aliases = (props['transforms'] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return aliases.flatMap((alias, i) => {
    const group = `Transforms: ${alias}`;
    const typeKey: ConfigKey = {
      name: `transforms.${alias}.type`,
      type: 'CLASS',
      importance: 'HIGH',
      group,
      orderInGroup: 0,
      documentation: 'Class for the transformation.',
      validator: {
        describe: 'a transformation class',
        check: (value) =>
          value === null || findTransformation(plugins, String(value)) !== undefined
            ? undefined
            : `Class ${String(value)} could not be found.`,
      },
    };
    const plugin = findTransformation(plugins, props[`transforms.${alias}.type`] ?? '');
    const own = (plugin?.configDef.keys ?? []).map((k) => ({
      ...k,
      name: `transforms.${alias}.${k.name}`,
      group,
      orderInGroup: i + 1,
    }));
    return [typeKey, ...own];
  });
}

/** `key.converter` / `value.converter` checked against the registered converters. */
function converterKeys(plugins: PluginRegistry): ConfigKey[] {
  return (['key', 'value'] as const).map((which) => {
    const base = commonConnectorConfig.keys.find((k) => k.name === `${which}.converter`)!;
    return {
      ...base,
      validator: {
        describe: 'a converter class',
        check: (value) =>
          value === null || findConverter(plugins, text(value)) !== undefined
            ? undefined
            : `Class ${text(value)} could not be found.`,
      },
    };
  });
}

export function connectorConfigDef(
  plugins: PluginRegistry,
  plugin: ConnectorPlugin,
  props: Props,
): ConfigDef {
  const transforms = configDef([...converterKeys(plugins), ...transformKeys(plugins, props)]);
  return plugin.kind === 'sink'
    ? mergeDefs(commonConnectorConfig, commonSinkConfig, transforms, plugin.configDef)
    : mergeDefs(commonConnectorConfig, transforms, plugin.configDef);
}

function sinkTopicErrors(props: Props): Record<string, string[]> {
  const topics = (props['topics'] ?? '').trim();
  const regex = (props['topics.regex'] ?? '').trim();
  if (topics !== '' && regex !== '') {
    const message = 'topics and topics.regex are mutually exclusive options, but both are set.';
    return { topics: [message], 'topics.regex': [message] };
  }
  if (topics === '' && regex === '') {
    const message = 'Must configure one of topics or topics.regex';
    return { topics: [message], 'topics.regex': [message] };
  }
  if (regex !== '') {
    try {
      new RegExp(regex);
    } catch (error) {
      return {
        'topics.regex': [`Invalid value ${regex} for configuration topics.regex: ${String(error)}`],
      };
    }
  }
  return {};
}

/** Connect's config validation: the ConfigDef, then the connector's own checks (connections). */
export async function validateConnectorConfig(
  plugins: PluginRegistry,
  className: string,
  props: Props,
): Promise<ConfigInfos> {
  const plugin = requireConnectorPlugin(plugins, className);
  const def = connectorConfigDef(plugins, plugin, props);
  const extra: Record<string, string[]> = plugin.kind === 'sink' ? sinkTopicErrors(props) : {};
  const base = validateResponse(plugin.className, def, props, extra);
  if (base.error_count > 0) return base;
  const own = (await plugin.createConnector().validate?.(props)) ?? {};
  return Object.keys(own).length === 0 ? base : validateResponse(plugin.className, def, props, own);
}
