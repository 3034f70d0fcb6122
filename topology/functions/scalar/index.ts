import type { ScalarFunction } from '../function-contract';
import { arrayImplementations } from './array-functions';
import { conditionalImplementations } from './conditional-functions';
import { dateTimeImplementations } from './date-time-functions';
import { jsonImplementations } from './json-functions';
import { lambdaImplementations } from './lambda-functions';
import { mapImplementations } from './map-functions';
import { mathImplementations } from './math-functions';
import { stringImplementations } from './string-functions';
import { stringMiscImplementations } from './string-misc-functions';
import { urlImplementations } from './url-functions';

export const scalarImplementations: readonly ScalarFunction[] = [
  ...stringImplementations,
  ...stringMiscImplementations,
  ...mathImplementations,
  ...dateTimeImplementations,
  ...arrayImplementations,
  ...mapImplementations,
  ...lambdaImplementations,
  ...jsonImplementations,
  ...conditionalImplementations,
  ...urlImplementations,
];
