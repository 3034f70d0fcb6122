import { changelogTopicName, SqlTypes, type Step, type TopologySpec } from '../../../topology/spec';
import { RunnerError, taskLayout } from '../../../topology/runner';

const key = [{ name: 'K', type: SqlTypes.string }];
const value = [{ name: 'V', type: SqlTypes.bigint }];
const schema = { key, value };
const fmt = { format: 'JSON' as const, properties: {} };
const source = (name: string, topic: string) => ({
  name,
  type: 'STREAM' as const,
  topic,
  keyFormat: fmt,
  valueFormat: fmt,
  keyColumns: key,
  valueColumns: value,
  timestamp: null,
  window: null,
});

/** Two sources joined after one of them is re-keyed (a repartition), then aggregated. */
function joinSpec(): TopologySpec {
  const app = '_brook-t-query_CSAS_J_1';
  const steps: Step[] = [
    { kind: 'StreamSource', id: 'L/Source', sourceName: 'L', schema, stores: [] },
    { kind: 'StreamSource', id: 'R/Source', sourceName: 'R', schema, stores: [] },
    {
      kind: 'StreamSelectKey',
      id: 'L/PartitionBy',
      source: 'L/Source',
      schema,
      stores: [],
      keyExpressions: [],
      repartition: { topic: `${app}-L-PartitionBy-repartition` },
    },
    {
      kind: 'StreamStreamJoin',
      id: 'Join',
      left: 'L/PartitionBy',
      right: 'R/Source',
      schema,
      joinType: 'INNER',
      beforeMs: 10,
      afterMs: 10,
      graceMs: null,
      stores: [
        { name: 'Join-left', kind: 'window', changelogTopic: changelogTopicName(app, 'Join-left') },
        {
          name: 'Join-right',
          kind: 'window',
          changelogTopic: changelogTopicName(app, 'Join-right'),
        },
      ],
    },
    { kind: 'StreamSink', id: 'Sink', source: 'Join', schema, stores: [] },
  ];
  return {
    version: 1,
    queryId: 'CSAS_J_1',
    applicationId: app,
    sources: [source('L', 'left-topic'), source('R', 'right-topic')],
    sink: { ...source('OUT', 'out-topic'), type: 'STREAM' },
    internalTopics: [],
    steps,
    config: {},
  };
}

describe('task layout', () => {
  test('a repartition topic takes the partition count of the sub-topology that reads it', () => {
    const layout = taskLayout(
      joinSpec(),
      new Map([
        ['left-topic', 6],
        ['right-topic', 4],
      ]),
      1,
    );
    expect(layout.subTopologies).toHaveLength(2);
    const reader = layout.subTopologyOfTopic.get(
      '_brook-t-query_CSAS_J_1-L-PartitionBy-repartition',
    );
    expect(layout.subTopologyOfTopic.get('right-topic')).toBe(reader);
    expect(layout.partitions.get(reader!)).toBe(4);
    expect(layout.partitions.get(layout.subTopologyOfTopic.get('left-topic')!)).toBe(6);
    expect(layout.internalTopics).toEqual([
      {
        name: '_brook-t-query_CSAS_J_1-L-PartitionBy-repartition',
        partitions: 4,
        replicationFactor: 1,
      },
      {
        name: '_brook-t-query_CSAS_J_1-Join-left-changelog',
        partitions: 4,
        replicationFactor: 1,
        cleanupPolicy: 'compact',
      },
      {
        name: '_brook-t-query_CSAS_J_1-Join-right-changelog',
        partitions: 4,
        replicationFactor: 1,
        cleanupPolicy: 'compact',
      },
    ]);
  });

  test('sources of one task with different partition counts are rejected', () => {
    const spec = joinSpec();
    const direct: TopologySpec = {
      ...spec,
      steps: spec.steps
        .map((s) => (s.kind === 'StreamStreamJoin' ? { ...s, left: 'L/Source' } : s))
        .filter((s) => s.id !== 'L/PartitionBy'),
    };
    const error = (() => {
      try {
        taskLayout(
          direct,
          new Map([
            ['left-topic', 6],
            ['right-topic', 4],
          ]),
          1,
        );
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('NOT_CO_PARTITIONED');
  });

  test('a missing source topic is a retriable TOPIC_MISSING error', () => {
    let error: unknown = null;
    try {
      taskLayout(joinSpec(), new Map([['left-topic', 6]]), 1);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'TOPIC_MISSING', retriable: true });
  });
});
