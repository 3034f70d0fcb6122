import { SqlTypes } from '../../../topology/spec';
import { scalar, type FunctionDefinition } from '../function-definition';

const A = 'ARRAY';

export const arrayFunctions: readonly FunctionDefinition[] = [
  scalar(
    A,
    'Whether the array contains the value.',
    'array_contains(ARRAY<T> array, T value) => BOOLEAN',
  ),
  scalar(
    A,
    'The distinct elements, in order of first occurrence.',
    'array_distinct(ARRAY<T> array) => ARRAY<T>',
  ),
  scalar(
    A,
    'The distinct elements of the first array that are not in the second.',
    'array_except(ARRAY<T> left, ARRAY<T> right) => ARRAY<T>',
  ),
  scalar(
    A,
    'The distinct elements present in both arrays.',
    'array_intersect(ARRAY<T> left, ARRAY<T> right) => ARRAY<T>',
  ),
  scalar(
    A,
    'The distinct elements of both arrays.',
    'array_union(ARRAY<T> left, ARRAY<T> right) => ARRAY<T>',
  ),
  scalar(
    A,
    'The elements of both arrays, duplicates kept.',
    'array_concat(ARRAY<T> left, ARRAY<T> right) => ARRAY<T>',
  ),
  scalar(
    A,
    "Joins the elements' text with a delimiter (default ',').",
    'array_join(ARRAY<T> array) => STRING',
    'array_join(ARRAY<T> array, STRING delimiter) => STRING',
  ),
  scalar(A, 'The number of elements.', 'array_length(ARRAY<T> array) => INT'),
  scalar(A, 'The largest non-NULL element.', 'array_max(ARRAY<T> array) => T'),
  scalar(A, 'The smallest non-NULL element.', 'array_min(ARRAY<T> array) => T'),
  scalar(
    A,
    'The array without the elements equal to the value.',
    'array_remove(ARRAY<T> array, T value) => ARRAY<T>',
  ),
  scalar(
    A,
    "Sorts 'ASC' (default) or 'DESC'; NULLs last.",
    'array_sort(ARRAY<T> array) => ARRAY<T>',
    'array_sort(ARRAY<T> array, STRING direction) => ARRAY<T>',
  ),
  scalar(
    A,
    'The elements from a 1-based start to an end position, inclusive.',
    'slice(ARRAY<T> array, INT from, INT to) => ARRAY<T>',
  ),
  scalar(
    A,
    'The integers from start to end inclusive, by a step.',
    'generate_series(INT start, INT end) => ARRAY<INT>',
    'generate_series(INT start, INT end, INT step) => ARRAY<INT>',
    'generate_series(BIGINT start, BIGINT end) => ARRAY<BIGINT>',
    'generate_series(BIGINT start, BIGINT end, BIGINT step) => ARRAY<BIGINT>',
  ),
  scalar(
    'LAMBDA',
    'Applies a lambda to every element of an array, or to the keys and values of a map.',
    'transform(ARRAY<A> array, LAMBDA<(A) => B> function) => ARRAY<B>',
    'transform(MAP<K, V> map, LAMBDA<(K, V) => A> keyFunction, LAMBDA<(K, V) => B> valueFunction) => MAP<A, B>',
  ),
  scalar(
    'LAMBDA',
    'The elements (or map entries) for which the lambda is true.',
    'filter(ARRAY<A> array, LAMBDA<(A) => BOOLEAN> predicate) => ARRAY<A>',
    'filter(MAP<K, V> map, LAMBDA<(K, V) => BOOLEAN> predicate) => MAP<K, V>',
  ),
  scalar(
    'LAMBDA',
    'Folds the elements (or map entries) into a state, starting from an initial state.',
    'reduce(ARRAY<A> array, S initialState, LAMBDA<(S, A) => S> function) => S',
    'reduce(MAP<K, V> map, S initialState, LAMBDA<(S, K, V) => S> function) => S',
  ),
  scalar('MAP', 'The entries of a map as an array of structs K, V, optionally sorted by key.', [
    'entries(MAP<STRING, T> map, BOOLEAN sorted) => ARRAY<T>',
    {
      returnType: (args) => {
        const map = args[0];
        const value = map?.kind === 'MAP' ? map.value : SqlTypes.string;
        return SqlTypes.array(
          SqlTypes.struct([
            { name: 'K', type: SqlTypes.string },
            { name: 'V', type: value },
          ]),
        );
      },
    },
  ]),
];
