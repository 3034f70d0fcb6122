import { tableFn, type FunctionDefinition } from '../function-definition';

export const tableFunctions: readonly FunctionDefinition[] = [
  tableFn(
    'One row per element of the array; no row for an empty or NULL array.',
    'explode(ARRAY<DECIMAL> input) => DECIMAL',
    'explode(ARRAY<T> list) => T',
  ),
  tableFn(
    'One row per combination of the elements with NULLs in place of others (a cube).',
    'cube_explode(ARRAY<T> input) => ARRAY<T>',
  ),
];
