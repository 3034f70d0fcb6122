import {
  applicationId,
  changelogTopicName,
  servicePrefix,
  SqlTypes,
  storeName,
  type FormatSpec,
  type TopologySpec,
} from '../../../topology/spec';

const KAFKA: FormatSpec = { format: 'KAFKA', properties: {} };
const JSON_FORMAT: FormatSpec = { format: 'JSON', properties: {} };

/**
 * `CREATE TABLE <sink> AS SELECT ID, COUNT(*) AS CNT FROM <source> GROUP BY ID`: a source keyed
 * by a STRING `ID`, grouped by its key (no repartition), counted into a changelogged store.
 */
export function countByKeySpec(
  serviceId: string,
  queryId: string,
  source: string,
  sink: string,
): TopologySpec {
  const appId = applicationId(servicePrefix(serviceId), queryId);
  const key = [{ name: 'ID', type: SqlTypes.string }];
  const sourceValue = [{ name: 'V', type: SqlTypes.bigint }];
  const store = storeName('Aggregate/Aggregate', 'Materialize');
  const countCall = {
    kind: 'FunctionCall',
    name: 'COUNT',
    args: [],
    argTypes: [],
    type: SqlTypes.bigint,
  } as const;
  const outValue = [{ name: 'CNT', type: SqlTypes.bigint }];
  return {
    version: 1,
    queryId,
    applicationId: appId,
    sources: [
      {
        name: 'SRC',
        type: 'STREAM',
        topic: source,
        keyFormat: KAFKA,
        valueFormat: JSON_FORMAT,
        keyColumns: key,
        valueColumns: sourceValue,
        timestamp: null,
        window: null,
      },
    ],
    sink: {
      name: 'TOTALS',
      type: 'TABLE',
      topic: sink,
      keyFormat: KAFKA,
      valueFormat: JSON_FORMAT,
      keyColumns: key,
      valueColumns: outValue,
      timestamp: null,
      window: null,
    },
    internalTopics: [
      {
        name: changelogTopicName(appId, store),
        role: 'changelog',
        stepId: 'Aggregate/Aggregate',
        store,
      },
    ],
    steps: [
      {
        kind: 'StreamSource',
        id: 'KsqlTopic/Source',
        sourceName: 'SRC',
        schema: { key, value: sourceValue },
        stores: [],
      },
      {
        kind: 'StreamGroupByKey',
        id: 'Aggregate/GroupBy',
        source: 'KsqlTopic/Source',
        schema: { key, value: sourceValue },
        stores: [],
      },
      {
        kind: 'StreamAggregate',
        id: 'Aggregate/Aggregate',
        source: 'Aggregate/GroupBy',
        schema: { key, value: outValue },
        stores: [
          { name: store, kind: 'keyValue', changelogTopic: changelogTopicName(appId, store) },
        ],
        nonAggregateColumns: [],
        aggregations: [countCall],
      },
      {
        kind: 'TableSink',
        id: 'Aggregate/Sink',
        source: 'Aggregate/Aggregate',
        schema: { key, value: outValue },
        stores: [],
      },
    ],
    config: {},
  };
}
