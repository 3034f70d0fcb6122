import type { FormatInfo } from '../../../sql';
import type { FormatSpec } from '../../../topology/spec';
import { rejected } from '../core/statement-errors';

/** The runtime's format description of a catalog format (the formats the runtime has serdes for). */
export function formatSpecOf(info: FormatInfo): FormatSpec {
  const format = info.format;
  if (format !== 'KAFKA' && format !== 'JSON' && format !== 'AVRO' && format !== 'DELIMITED' && format !== 'NONE') {
    throw rejected(`The ${format} format is not supported by Brook's runtime yet`);
  }
  const properties: Record<string, string> = {};
  if (info.delimiter !== undefined) properties.delimiter = info.delimiter;
  if (info.fullSchemaName !== undefined) properties.fullSchemaName = info.fullSchemaName;
  if (info.schemaId !== undefined) properties.schemaId = String(info.schemaId);
  return {
    format,
    properties,
    ...(info.wrapSingleValue === undefined ? {} : { wrapSingleValue: info.wrapSingleValue }),
  };
}
