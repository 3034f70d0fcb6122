import type { ConfigDef, ConfigKey, ConfigValue } from './config-def';

function shown(value: ConfigValue | undefined): string {
  if (value === undefined) return '(required)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? '""' : `"${value.join(',')}"`;
  return `\`${String(value)}\``;
}

function row(key: ConfigKey): string {
  const valid = key.validator === undefined ? '' : ` Valid values: ${key.validator.describe}.`;
  return `| \`${key.name}\` | ${key.type} | ${shown(key.defaultValue)} | ${key.importance} | ${key.documentation.replace(/\|/g, '\\|')}${valid} |`;
}

/** Markdown reference of a connector's settings, grouped as the validate endpoint groups them. */
export function renderConfigDocs(title: string, def: ConfigDef): string {
  const groups = [
    ...def.groups,
    ...(def.keys.some((k) => k.group === undefined) ? [undefined] : []),
  ];
  const sections = groups.map((group) => {
    const keys = def.keys
      .filter((k) => k.group === group)
      .sort((a, b) => (a.orderInGroup ?? 0) - (b.orderInGroup ?? 0));
    return [
      `### ${group ?? 'Other'}`,
      '',
      '| Key | Type | Default | Importance | Description |',
      '|---|---|---|---|---|',
      ...keys.map(row),
    ].join('\n');
  });
  return [`## ${title}`, '', ...sections].join('\n\n') + '\n';
}
