import { parse } from 'lossless-json';

/**
 * Number tokens whose text a JS double would not reproduce: 16+ digits (BIGINT beyond 2^53,
 * long DECIMALs), a trailing fractional zero (`1.50` keeps its scale), an exponent, six leading
 * fractional zeros (JS would print `1e-7`), or `-0`.
 * Matches inside strings only cause a needless slow path, never a wrong value.
 */
const LOSSY_NUMBER = /\d{16,}|\.\d*0(?!\d)|\.0{6}|\d[eE]|-0(?![.\d])/;

/**
 * Parses JSON for the serde: the native parser when every number survives as a double (the
 * common case, several times faster), lossless-json (numbers as LosslessNumber) otherwise.
 * `readJsonValue` accepts both representations.
 */
export function parseJsonForSerde(text: string): unknown {
  return LOSSY_NUMBER.test(text) ? parse(text) : (JSON.parse(text) as unknown);
}
