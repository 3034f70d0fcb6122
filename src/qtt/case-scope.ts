import type { QttCase } from './qtt-case';

/** Formats Brook does not serialise yet: their cases are skipped, never failed. */
export const OUT_OF_SCOPE_FORMATS = ['PROTOBUF', 'PROTOBUF_NOSR', 'JSON_SR'] as const;

/**
 * How the runner treats each ksqlDB property the corpus sets. `engine`: passed to the engine
 * as a statement property (the analyzer, planner or runtime reads it). `runner`: changes how
 * the runner compares. `neutral`: a ksqlDB switch whose both settings mean the same in Brook.
 * A property outside this table makes the case skipped, with the property named.
 */
const PROPERTIES: Readonly<Record<string, 'engine' | 'runner' | 'neutral'>> = {
  'ksql.persistence.default.format.key': 'engine',
  'ksql.persistence.default.format.value': 'engine',
  'ksql.persistence.wrap.single.values': 'engine',
  'ksql.output.topic.name.prefix': 'engine',
  'ksql.sink.partitions': 'engine',
  'ksql.sink.replicas': 'engine',
  'ksql.functions.substring.legacy.args': 'engine',
  'ksql.functions.collect_list.limit': 'engine',
  'ksql.functions.collect_set.limit': 'engine',
  'ksql.timestamp.throw.on.invalid': 'engine',
  // The analyzer follows the new planner's key rules when it is on.
  'ksql.new.query.planner.enabled': 'engine',
  // EMIT FINAL in the driver closes windows on stream time only: no wall-clock interval exists.
  'ksql.streams.__emit.interval.ms.kstreams.windowed.aggregation__': 'neutral',
  'use.exact.numeric.comparison': 'runner',
};

export type CaseScope =
  | {
      readonly kind: 'run';
      readonly engineProperties: Readonly<Record<string, string>>;
      readonly exactNumbers: boolean;
    }
  | { readonly kind: 'skip'; readonly reason: string };

/** Decides whether Brook can run a case, and with which engine properties. */
export function caseScope(c: QttCase): CaseScope {
  const format = outOfScopeFormat(c);
  if (format !== undefined) return { kind: 'skip', reason: `format ${format} is out of scope` };
  const engineProperties: Record<string, string> = {};
  for (const [name, value] of Object.entries(c.properties)) {
    const role = PROPERTIES[name];
    if (role === undefined)
      return { kind: 'skip', reason: `property ${name} has no meaning in Brook` };
    if (role === 'engine') engineProperties[name] = value;
  }
  return {
    kind: 'run',
    engineProperties,
    exactNumbers: c.properties['use.exact.numeric.comparison'] !== 'false',
  };
}

function outOfScopeFormat(c: QttCase): string | undefined {
  const named = (text: string | undefined): string | undefined =>
    OUT_OF_SCOPE_FORMATS.find((f) => text?.toUpperCase() === f);
  const fromCase = named(c.format);
  if (fromCase !== undefined) return fromCase;
  for (const statement of c.statements) {
    for (const m of statement.matchAll(/\b(?:KEY_|VALUE_)?FORMAT\s*=\s*'([A-Za-z_]+)'/gi)) {
      const hit = named(m[1]);
      if (hit !== undefined) return hit;
    }
  }
  for (const topic of c.topics) {
    const hit = named(topic.keyFormat) ?? named(topic.valueFormat);
    if (hit !== undefined) return hit;
  }
  for (const [name, value] of Object.entries(c.properties)) {
    if (name.startsWith('ksql.persistence.default.format.')) {
      const hit = named(value);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}
