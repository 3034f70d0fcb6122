import { scalar, type FunctionDefinition } from '../function-definition';

const MASK_CHARS = 'STRING upper, STRING lower, STRING digit, STRING other';

function maskFamily(name: string, what: string): FunctionDefinition {
  return scalar(
    'STRING',
    `Masks ${what}: upper-case letters become 'X', lower-case 'x', digits 'n', others '-', or the given replacement characters (NULL keeps the class unmasked).`,
    `${name}(STRING input, INT numChars) => STRING`,
    `${name}(STRING input, INT numChars, ${MASK_CHARS}) => STRING`,
  );
}

export const stringFunctions: readonly FunctionDefinition[] = [
  scalar(
    'STRING',
    'Concatenates strings or bytes; NULL arguments are skipped.',
    'concat(STRING... inputs) => STRING',
    'concat(BYTES... inputs) => BYTES',
  ),
  scalar(
    'STRING',
    'Concatenates strings or bytes with a separator; NULL inputs are skipped, a NULL separator gives NULL.',
    'concat_ws(STRING separator, STRING... inputs) => STRING',
    'concat_ws(BYTES separator, BYTES... inputs) => BYTES',
  ),
  scalar(
    'STRING',
    'The length of a string in characters, or of bytes in bytes.',
    'len(STRING input) => INT',
    'len(BYTES input) => INT',
  ),
  scalar('STRING', 'Converts a string to upper case.', 'ucase(STRING input) => STRING'),
  scalar('STRING', 'Converts a string to lower case.', 'lcase(STRING input) => STRING'),
  scalar(
    'STRING',
    'Upper-cases the first letter of each word and lower-cases the rest.',
    'initcap(STRING input) => STRING',
  ),
  scalar('STRING', 'Removes leading and trailing whitespace.', 'trim(STRING input) => STRING'),
  scalar('STRING', 'Removes leading whitespace.', 'ltrim(STRING input) => STRING'),
  scalar('STRING', 'Removes trailing whitespace.', 'rtrim(STRING input) => STRING'),
  scalar(
    'STRING',
    'The part of a string or bytes from a 1-based position (negative counts from the end), optionally of a given length.',
    'substring(STRING str, INT pos) => STRING',
    'substring(STRING str, INT pos, INT length) => STRING',
    'substring(BYTES str, INT pos) => BYTES',
    'substring(BYTES str, INT pos, INT length) => BYTES',
  ),
  scalar(
    'STRING',
    'Replaces every occurrence of a substring.',
    'replace(STRING str, STRING substring, STRING replacement) => STRING',
  ),
  scalar(
    'REGULAR EXPRESSION',
    'Replaces every match of a Java regular expression.',
    'regexp_replace(STRING str, STRING regexp, STRING replacement) => STRING',
  ),
  scalar(
    'REGULAR EXPRESSION',
    'The first match of a regular expression, or of one of its groups.',
    'regexp_extract(STRING pattern, STRING input) => STRING',
    'regexp_extract(STRING pattern, STRING input, INT group) => STRING',
  ),
  scalar(
    'REGULAR EXPRESSION',
    'Every match of a regular expression, or of one of its groups.',
    'regexp_extract_all(STRING pattern, STRING input) => ARRAY<STRING>',
    'regexp_extract_all(STRING pattern, STRING input, INT group) => ARRAY<STRING>',
  ),
  scalar(
    'REGULAR EXPRESSION',
    'Splits a string around matches of a regular expression.',
    'regexp_split_to_array(STRING string, STRING regexp) => ARRAY<STRING>',
  ),
  scalar(
    'STRING',
    'Splits a string or bytes around a delimiter; an empty delimiter splits into characters.',
    'split(STRING string, STRING delimiter) => ARRAY<STRING>',
    'split(BYTES string, BYTES delimiter) => ARRAY<BYTES>',
  ),
  scalar(
    'STRING',
    "Splits 'k1=v1;k2=v2' style text into a map.",
    'split_to_map(STRING input, STRING entryDelimiter, STRING kvDelimiter) => MAP<STRING, STRING>',
  ),
  scalar(
    'STRING',
    'The 1-based position of the n-th occurrence of a substring, searching from a position (negative: backwards from the end); 0 if absent.',
    'instr(STRING str, STRING substring) => INT',
    'instr(STRING str, STRING substring, INT position) => INT',
    'instr(STRING str, STRING substring, INT position, INT occurrence) => INT',
  ),
  scalar(
    'STRING',
    'Pads the input on the left to a length with a padding string; NULL for a negative length or empty padding.',
    'lpad(STRING input, INT length, STRING padding) => STRING',
    'lpad(BYTES input, INT length, BYTES padding) => BYTES',
  ),
  scalar(
    'STRING',
    'Pads the input on the right to a length with a padding string; NULL for a negative length or empty padding.',
    'rpad(STRING input, INT length, STRING padding) => STRING',
    'rpad(BYTES input, INT length, BYTES padding) => BYTES',
  ),
  scalar(
    'STRING',
    "Masks every character: upper-case 'X', lower-case 'x', digits 'n', others '-', or the given replacements.",
    'mask(STRING input) => STRING',
    `mask(STRING input, ${MASK_CHARS}) => STRING`,
  ),
  maskFamily('mask_keep_left', 'all but the first numChars characters'),
  maskFamily('mask_keep_right', 'all but the last numChars characters'),
  maskFamily('mask_left', 'the first numChars characters'),
  maskFamily('mask_right', 'the last numChars characters'),
  scalar(
    'STRING',
    'A random version 4 UUID, or the UUID held in 16 bytes.',
    'uuid() => STRING',
    'uuid(BYTES bytes) => STRING',
  ),
  scalar(
    'STRING',
    'The character of a Unicode code point, given as a number or as a \\uXXXX string.',
    'chr(INT decimalCode) => STRING',
    'chr(STRING utf16Code) => STRING',
  ),
  scalar(
    'STRING',
    'The n-th (1-based) of the strings, NULL when out of range.',
    'elt(INT n, STRING... args) => STRING',
  ),
  scalar(
    'STRING',
    'The 1-based position of a string in the list, 0 if absent or NULL.',
    'field(STRING str, STRING... args) => INT',
  ),
  scalar(
    'STRING',
    "Re-encodes a string between 'hex', 'utf8', 'ascii' and 'base64'.",
    'encode(STRING input, STRING inputEncoding, STRING outputEncoding) => STRING',
  ),
  scalar(
    'CONVERSIONS',
    "Encodes a string as bytes with 'hex', 'utf8', 'ascii' or 'base64'.",
    'to_bytes(STRING input, STRING encoding) => BYTES',
  ),
  scalar(
    'CONVERSIONS',
    "Decodes bytes as a string with 'hex', 'utf8', 'ascii' or 'base64'.",
    'from_bytes(BYTES input, STRING encoding) => STRING',
  ),
];
