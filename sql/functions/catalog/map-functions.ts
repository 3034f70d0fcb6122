import { scalar, type FunctionDefinition } from '../function-definition';

const M = 'MAP';

export const mapFunctions: readonly FunctionDefinition[] = [
  scalar(M, 'The keys of a map.', 'map_keys(MAP<K, V> map) => ARRAY<K>'),
  scalar(M, 'The values of a map.', 'map_values(MAP<K, V> map) => ARRAY<V>'),
  scalar(
    M,
    'Merges two maps; the second wins on equal keys.',
    'map_union(MAP<K, V> first, MAP<K, V> second) => MAP<K, V>',
  ),
  scalar(
    M,
    'Builds a map from an array of keys and an array of values.',
    'as_map(ARRAY<STRING> keys, ARRAY<T> values) => MAP<STRING, T>',
  ),
];
