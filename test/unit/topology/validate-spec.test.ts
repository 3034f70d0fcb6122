import {
  deriveInternalTopics,
  validateTopologySpec,
  type TopologySpec,
} from '../../../topology/spec';
import { T, col, sink, source, spec, streamSourceStep, tableSinkStep } from './spec-fixtures';

const key = [col('K', T.string)];
const value = [col('V', T.bigint)];
const valid: TopologySpec = spec(
  'CTAS_V_1',
  [source('IN', 'in', key, value)],
  sink(key, value, 'TABLE'),
  [
    streamSourceStep('KsqlTopic/Source', 'IN', key, value),
    {
      kind: 'StreamGroupByKey',
      id: 'Aggregate/GroupBy',
      source: 'KsqlTopic/Source',
      schema: { key, value },
      stores: [],
    },
    {
      kind: 'StreamAggregate',
      id: 'Aggregate/Aggregate',
      source: 'Aggregate/GroupBy',
      nonAggregateColumns: [],
      aggregations: [],
      schema: { key, value },
      stores: [
        {
          name: 'Aggregate-Aggregate-Materialize',
          kind: 'keyValue',
          changelogTopic: 'app-Aggregate-Aggregate-Materialize-changelog',
        },
      ],
    },
    tableSinkStep('Aggregate/Aggregate', key, value),
  ],
);

describe('spec validation', () => {
  it('accepts a well-formed spec and derives its internal topics', () => {
    expect(validateTopologySpec(valid)).toEqual([]);
    expect(deriveInternalTopics(valid.steps)).toEqual([
      {
        name: 'app-Aggregate-Aggregate-Materialize-changelog',
        role: 'changelog',
        stepId: 'Aggregate/Aggregate',
        store: 'Aggregate-Aggregate-Materialize',
      },
    ]);
  });

  it('reports forward references, missing stores, unknown sources and a misplaced sink', () => {
    const broken: TopologySpec = {
      ...valid,
      steps: [
        { kind: 'StreamSource', id: 'S', sourceName: 'NOPE', schema: { key, value }, stores: [] },
        { kind: 'TableSink', id: 'Sink', source: 'Agg', schema: { key, value }, stores: [] },
        {
          kind: 'StreamAggregate',
          id: 'Agg',
          source: 'S',
          nonAggregateColumns: [],
          aggregations: [],
          schema: { key, value },
          stores: [],
        },
      ],
    };
    expect(validateTopologySpec(broken)).toEqual([
      "step 'S' reads unknown source 'NOPE'",
      "step 'Sink' reads 'Agg', which is not defined before it",
      "sink 'Sink' is not the last step",
      'the last step is not a sink',
      "step 'Agg' (StreamAggregate) needs 1 store(s)",
    ]);
  });
});
