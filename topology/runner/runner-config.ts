import { RunnerError } from './runner-error';

/** The runner's settings: ksqlDB/Kafka Streams property names, typed, with defaults. */
export interface RunnerConfig {
  /** `commit.interval.ms`: flush + commit cadence (ksqlDB: 2000). */
  readonly commitIntervalMs: number;
  /** `auto.offset.reset` for source topics of a group without committed offsets (ksqlDB: latest). */
  readonly autoOffsetReset: 'earliest' | 'latest';
  /** `cache.max.bytes.buffering` = 0 forwards every table update (test mode); > 0 coalesces per commit. */
  readonly cacheMaxBytesBuffering: number;
  /**
   * `at_least_once` (default) or `exactly_once_v2` (one Kafka transaction per task per commit,
   * read_committed inputs, fenced Redis flushes; `commit.interval.ms` then defaults to 100).
   */
  readonly processingGuarantee: 'at_least_once' | 'exactly_once_v2';
  /** Dirty entries a store cache holds before it writes down early. */
  readonly maxCachedEntries: number;
  /** Replication factor of internal topics (-1: the broker default). */
  readonly internalReplicationFactor: number;
  /** Longest fetch wait on quiet topics. */
  readonly fetchMaxWaitMs: number;
  /** `session.timeout.ms`: how long a dead instance keeps its tasks before they move. */
  readonly sessionTimeoutMs: number;
  /** `heartbeat.interval.ms` (a third of the session timeout at most). */
  readonly heartbeatIntervalMs: number;
}

const EXACTLY_ONCE_COMMIT_INTERVAL_MS = 100;

interface Setting<K extends keyof RunnerConfig> {
  readonly key: K;
  readonly property: string;
  readonly parse: (text: string) => RunnerConfig[K] | undefined;
  readonly defaultValue: RunnerConfig[K];
  readonly doc: string;
}

const int = (text: string): number | undefined =>
  /^-?\d+$/.test(text.trim()) ? Number(text) : undefined;

export const RUNNER_SETTINGS = [
  {
    key: 'commitIntervalMs',
    property: 'commit.interval.ms',
    parse: int,
    defaultValue: 2_000,
    doc: 'Commit cadence in ms.',
  },
  {
    key: 'autoOffsetReset',
    property: 'auto.offset.reset',
    parse: (t: string) => (t === 'earliest' || t === 'latest' ? t : undefined),
    defaultValue: 'latest',
    doc: 'Where a new query starts reading its sources.',
  },
  {
    key: 'cacheMaxBytesBuffering',
    property: 'cache.max.bytes.buffering',
    parse: int,
    defaultValue: 10_485_760,
    doc: '0 emits every table update; otherwise updates are coalesced per commit.',
  },
  {
    key: 'processingGuarantee',
    property: 'processing.guarantee',
    parse: (t: string) =>
      t === 'at_least_once' || t === 'exactly_once_v2'
        ? t
        : // Kafka's deprecated names of exactly-once map to the current one.
          t === 'exactly_once' || t === 'exactly_once_beta'
          ? ('exactly_once_v2' as const)
          : undefined,
    defaultValue: 'at_least_once',
    doc: 'at_least_once or exactly_once_v2.',
  },
  {
    key: 'maxCachedEntries',
    property: 'brook.store.cache.max.entries',
    parse: int,
    defaultValue: 10_000,
    doc: 'Store cache size.',
  },
  {
    key: 'internalReplicationFactor',
    property: 'replication.factor',
    parse: int,
    defaultValue: -1,
    doc: 'Replication factor of repartition and changelog topics.',
  },
  {
    key: 'fetchMaxWaitMs',
    property: 'fetch.max.wait.ms',
    parse: int,
    defaultValue: 500,
    doc: 'Fetch wait in ms.',
  },
  {
    key: 'sessionTimeoutMs',
    property: 'session.timeout.ms',
    parse: int,
    defaultValue: 30_000,
    doc: 'Consumer group session timeout in ms.',
  },
  {
    key: 'heartbeatIntervalMs',
    property: 'heartbeat.interval.ms',
    parse: int,
    defaultValue: 3_000,
    doc: 'Consumer group heartbeat interval in ms.',
  },
] as const satisfies readonly Setting<keyof RunnerConfig>[];

/**
 * Reads the settings from properties (the spec's config, then the caller's overrides, with and
 * without ksqlDB's `ksql.streams.` prefix). An invalid value fails fast, naming the property.
 */
export function runnerConfig(
  queryId: string,
  ...sources: readonly Readonly<Record<string, string>>[]
): RunnerConfig {
  const out: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const setting of RUNNER_SETTINGS) {
    let value: unknown = setting.defaultValue;
    for (const props of sources) {
      const text = props[`ksql.streams.${setting.property}`] ?? props[setting.property];
      if (text === undefined) continue;
      given.add(setting.key);
      const parsed = setting.parse(text);
      if (parsed === undefined) {
        throw new RunnerError('INVALID_SPEC', `invalid ${setting.property}: '${text}'`, false, {
          queryId,
        });
      }
      value = parsed;
    }
    out[setting.key] = value;
  }
  // As Kafka Streams: transactions commit every 100 ms unless told otherwise.
  if (out['processingGuarantee'] === 'exactly_once_v2' && !given.has('commitIntervalMs'))
    out['commitIntervalMs'] = EXACTLY_ONCE_COMMIT_INTERVAL_MS;
  return out as unknown as RunnerConfig;
}
