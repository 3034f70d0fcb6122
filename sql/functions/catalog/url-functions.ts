import { scalar, type FunctionDefinition } from '../function-definition';

const url = (name: string, what: string, returns = 'STRING') =>
  scalar(
    'URL',
    `The ${what} of a URL; NULL when the URL is invalid or has none.`,
    `${name}(STRING url) => ${returns}`,
  );

export const urlFunctions: readonly FunctionDefinition[] = [
  scalar(
    'URL',
    'Decodes an application/x-www-form-urlencoded value.',
    'url_decode_param(STRING input) => STRING',
  ),
  scalar(
    'URL',
    'Encodes a value as application/x-www-form-urlencoded.',
    'url_encode_param(STRING input) => STRING',
  ),
  url('url_extract_fragment', 'fragment'),
  url('url_extract_host', 'host'),
  scalar(
    'URL',
    'The decoded value of the first query parameter with the name; NULL when absent.',
    'url_extract_parameter(STRING url, STRING parameterName) => STRING',
  ),
  url('url_extract_path', 'path'),
  url('url_extract_port', 'port', 'INT'),
  url('url_extract_protocol', 'protocol (scheme)'),
  url('url_extract_query', 'query string'),
];
