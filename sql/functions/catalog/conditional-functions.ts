import { scalar, type FunctionDefinition } from '../function-definition';

export const conditionalFunctions: readonly FunctionDefinition[] = [
  scalar('CONDITIONAL', 'The first non-NULL argument.', 'COALESCE(T first, T... others) => T'),
  scalar(
    'CONDITIONAL',
    'The expression, or the alternative when it is NULL.',
    'ifnull(T expression, T altValue) => T',
  ),
  scalar(
    'CONDITIONAL',
    'NULL when both arguments are equal, else the first.',
    'nullif(T expression1, T expression2) => T',
  ),
  scalar('OTHER', "Copies a key column into the row's value.", 'as_value(T keyColumn) => T'),
];
