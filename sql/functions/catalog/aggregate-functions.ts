import { aggregate, type FunctionDefinition } from '../function-definition';
import { sameDecimal } from './decimal-rules';

const NUMERIC = ['INT', 'BIGINT', 'DOUBLE'] as const;
const COMPARABLE = [
  'INT',
  'BIGINT',
  'DOUBLE',
  'STRING',
  'BYTES',
  'DATE',
  'TIME',
  'TIMESTAMP',
] as const;

const minMax = (name: string, description: string) =>
  aggregate(description, ...COMPARABLE.map((t) => `${name}(${t} column) => ${t}`), [
    `${name}(DECIMAL column) => DECIMAL`,
    { returnType: sameDecimal },
  ]);

const byOffset = (name: string, which: string) =>
  aggregate(
    `The ${which} value of the column by offset, or an array of the ${which} n values; NULLs are ignored unless ignoreNulls is false.`,
    `${name}(T column) => T`,
    [`${name}(T column, BOOLEAN ignoreNulls) => T`, { literalParams: [1] }],
    [`${name}(T column, INT n) => ARRAY<T>`, { literalParams: [1] }],
    [`${name}(T column, INT n, BOOLEAN ignoreNulls) => ARRAY<T>`, { literalParams: [1, 2] }],
  );

export const aggregateFunctions: readonly FunctionDefinition[] = [
  aggregate(
    'The number of rows (COUNT(*)), or of rows where the column is not NULL.',
    'count() => BIGINT',
    'count(T column) => BIGINT',
  ),
  aggregate(
    'The approximate number of distinct non-NULL values.',
    'count_distinct(T column) => BIGINT',
  ),
  aggregate(
    'The sum of the non-NULL values; DECIMAL sums keep the column type and fail on overflow.',
    ...NUMERIC.map((t) => `sum(${t} column) => ${t}`),
    ['sum(DECIMAL column) => DECIMAL', { returnType: sameDecimal }],
  ),
  aggregate(
    'The sum of every element of the arrays.',
    ...NUMERIC.map((t) => `sum_list(ARRAY<${t}> column) => ${t}`),
  ),
  aggregate(
    'The average of the non-NULL values.',
    ...NUMERIC.map((t) => `avg(${t} column) => DOUBLE`),
    'avg(DECIMAL column) => DOUBLE',
  ),
  minMax('min', 'The smallest non-NULL value.'),
  minMax('max', 'The largest non-NULL value.'),
  aggregate(
    'The values, NULLs included, in arrival order (limited by ksql.functions.collect_list.limit).',
    'collect_list(T column) => ARRAY<T>',
  ),
  aggregate(
    'The distinct values in arrival order (limited by ksql.functions.collect_set.limit).',
    'collect_set(T column) => ARRAY<T>',
  ),
  byOffset('earliest_by_offset', 'earliest'),
  byOffset('latest_by_offset', 'latest'),
  aggregate('The k largest values, in descending order.', [
    'topk(T column, INT k) => ARRAY<T>',
    { literalParams: [1] },
  ]),
  aggregate('The k largest distinct values, in descending order.', [
    'topkdistinct(T column, INT k) => ARRAY<T>',
    { literalParams: [1] },
  ]),
  aggregate(
    'The number of occurrences of each distinct string.',
    'histogram(STRING column) => MAP<STRING, BIGINT>',
  ),
  aggregate(
    'The sample standard deviation.',
    ...NUMERIC.map((t) => `stddev_samp(${t} column) => DOUBLE`),
  ),
  aggregate(
    'The sample standard deviation (STDDEV_SAMP under its other name).',
    ...NUMERIC.map((t) => `stddev_sample(${t} column) => DOUBLE`),
  ),
  aggregate(
    'The Pearson correlation of two columns over rows where both are non-NULL; NaN for fewer than two.',
    'correlation(DOUBLE x, DOUBLE y) => DOUBLE',
  ),
  aggregate(
    'The population standard deviation.',
    ...NUMERIC.map((t) => `stddev_pop(${t} column) => DOUBLE`),
  ),
];
