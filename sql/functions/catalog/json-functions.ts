import { scalar, type FunctionDefinition } from '../function-definition';

const J = 'JSON';

export const jsonFunctions: readonly FunctionDefinition[] = [
  scalar(
    J,
    "Extracts the value at a JSONPath ('$.a.b[0]') as text; NULL when absent or not JSON.",
    'extractjsonfield(STRING jsonString, STRING jsonPath) => STRING',
  ),
  scalar(
    J,
    'Whether a JSON array string contains the value.',
    'json_array_contains(STRING jsonArray, T value) => BOOLEAN',
  ),
  scalar(
    J,
    'The number of elements of a JSON array string; NULL when not an array.',
    'json_array_length(STRING jsonArray) => INT',
  ),
  scalar(
    J,
    'The keys of a JSON object string; NULL when not an object.',
    'json_keys(STRING jsonObject) => ARRAY<STRING>',
  ),
  scalar(
    J,
    'The elements of a JSON array string, each as JSON text; NULL when not an array.',
    'json_items(STRING jsonArray) => ARRAY<STRING>',
  ),
  scalar(
    J,
    'The fields of a JSON object string as a map of JSON texts.',
    'json_records(STRING jsonObject) => MAP<STRING, STRING>',
  ),
  scalar(
    J,
    'Merges JSON objects, or concatenates JSON arrays.',
    'json_concat(STRING... jsonStrings) => STRING',
  ),
  scalar(J, 'Whether the string is valid JSON.', 'is_json_string(STRING input) => BOOLEAN'),
  scalar(J, 'Renders any value as JSON text.', 'to_json_string(T value) => STRING'),
];
