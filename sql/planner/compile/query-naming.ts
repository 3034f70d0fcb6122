import { applicationId, servicePrefix } from '../../../topology/spec';
import { ConfigKeys, configValue, type AnalyzerConfig } from '../../analyzer/analyzer-config';

/** `CSAS_ORDERS_CLEAN_3`, `CTAS_TOTALS_5`, `INSERTQUERY_7`, `transient_ORDERS_9`: derived, never random. */
export function queryIdFor(
  kind: 'CSAS' | 'CTAS' | 'INSERT' | 'TRANSIENT',
  name: string,
  counter: number,
): string {
  const safe = name.replace(/[^A-Za-z0-9_]/g, '_');
  switch (kind) {
    case 'INSERT':
      return `INSERTQUERY_${counter}`;
    case 'TRANSIENT':
      return `transient_${safe}_${counter}`;
    default:
      return `${kind}_${safe.toUpperCase()}_${counter}`;
  }
}

export function applicationIdFor(config: AnalyzerConfig, queryId: string): string {
  return applicationId(
    servicePrefix(configValue(config, ConfigKeys.serviceId) ?? 'default'),
    queryId,
  );
}

/** The engine settings copied into the spec: the ones that change run-time behaviour. */
export function runtimeConfig(config: AnalyzerConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (
      value !== undefined &&
      (key.startsWith('ksql.functions.') ||
        key.startsWith('ksql.streams.') ||
        key === 'ksql.timestamp.throw.on.invalid')
    ) {
      out[key] = String(value);
    }
  }
  return out;
}
