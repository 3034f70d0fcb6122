import type { AggregateFunction } from '../function-contract';
import {
  avg,
  correlation,
  count,
  max,
  min,
  stddevPop,
  stddevSamp,
  stddevSample,
  sum,
  sumList,
} from './basic-aggregates';
import {
  collectList,
  collectSet,
  countDistinct,
  histogram,
  topk,
  topkDistinct,
} from './collection-aggregates';
import { earliestByOffset, latestByOffset } from './offset-aggregates';

export const aggregateImplementations: readonly AggregateFunction<unknown>[] = [
  count,
  sum,
  sumList,
  avg,
  min,
  max,
  stddevSamp,
  stddevPop,
  stddevSample,
  correlation,
  collectList,
  collectSet,
  countDistinct,
  topk,
  topkDistinct,
  histogram,
  earliestByOffset,
  latestByOffset,
];
