/**
 * The engine settings the analyzer and planner read (ksqlDB property names). Unknown keys are
 * ignored, so the engine may pass its whole property map.
 */
export type AnalyzerConfig = Readonly<Record<string, string | undefined>>;

export const ConfigKeys = {
  defaultKeyFormat: 'ksql.persistence.default.format.key',
  defaultValueFormat: 'ksql.persistence.default.format.value',
  wrapSingleValues: 'ksql.persistence.wrap.single.values',
  outputTopicPrefix: 'ksql.output.topic.name.prefix',
  sinkPartitions: 'ksql.sink.partitions',
  sinkReplicas: 'ksql.sink.replicas',
  newQueryPlanner: 'ksql.new.query.planner.enabled',
  serviceId: 'ksql.service.id',
} as const;

export function configValue(config: AnalyzerConfig, key: string): string | undefined {
  const value = config[key];
  return value === undefined || value === '' ? undefined : String(value);
}
