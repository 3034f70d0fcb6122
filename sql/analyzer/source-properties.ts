import type { Column, WindowInfo } from '../catalog';
import { AnalysisErrorCodes, fail } from './analysis-error';
import type { ResolvedFormats } from './format-rules';
import { parseWindowSize } from './window-size';
import type { WithProperties } from './with-properties';

/** WRAP_SINGLE_VALUE of a source: only for formats that can unwrap, and single-column values. */
export function wrapSingleValue(
  props: WithProperties,
  formats: ResolvedFormats,
  columns: readonly Column[],
): boolean | undefined {
  const wrap = props.boolean('WRAP_SINGLE_VALUE');
  if (wrap === undefined) return undefined;
  const format = formats.valueFormat.format;
  if (format === 'KAFKA' && wrap) {
    fail(
      AnalysisErrorCodes.invalidProperty,
      "Format 'KAFKA' does not support 'WRAP_SINGLE_VALUE' set to 'true'.",
      props.spanOf('WRAP_SINGLE_VALUE'),
    );
  }
  if (format === 'DELIMITED' || format === 'NONE') {
    fail(
      AnalysisErrorCodes.invalidProperty,
      `Format '${format}' does not support 'WRAP_SINGLE_VALUE' set to '${wrap}'.`,
      props.spanOf('WRAP_SINGLE_VALUE'),
    );
  }
  if (!wrap && columns.filter((c) => c.namespace === 'VALUE').length > 1) {
    fail(
      AnalysisErrorCodes.invalidProperty,
      "'WRAP_SINGLE_VALUE' is only valid for single-field value schemas",
      props.spanOf('WRAP_SINGLE_VALUE'),
    );
  }
  return wrap;
}

/** A property naming a column: upper-cased unless back-quoted, as ksqlDB reads it. */
export function columnNameProperty(text: string): string {
  const quoted = /^`(.*)`$/.exec(text.trim());
  return quoted ? (quoted[1] ?? '') : text.trim().toUpperCase();
}

export function timestampColumn(
  props: WithProperties,
  columns: readonly Column[],
): { column: string; format?: string } | undefined {
  const text = props.string('TIMESTAMP');
  const format = props.string('TIMESTAMP_FORMAT');
  if (text === undefined) {
    if (format !== undefined)
      fail(
        AnalysisErrorCodes.invalidProperty,
        'TIMESTAMP_FORMAT requires the TIMESTAMP property.',
        props.spanOf('TIMESTAMP_FORMAT'),
      );
    return undefined;
  }
  const name = columnNameProperty(text);
  const column = columns.find((c) => c.name === name);
  if (!column) {
    fail(
      AnalysisErrorCodes.unknownColumn,
      `The TIMESTAMP column set in the WITH clause does not exist in the schema: '${name}'`,
      props.spanOf('TIMESTAMP'),
    );
  }
  const ok =
    column.type.kind === 'BIGINT' ||
    column.type.kind === 'TIMESTAMP' ||
    (column.type.kind === 'STRING' && format !== undefined);
  if (!ok) {
    fail(
      AnalysisErrorCodes.typeMismatch,
      `Timestamp column, \`${name}\`, should be LONG(INT64), TIMESTAMP, or a String with a timestamp_format specified.`,
      props.spanOf('TIMESTAMP'),
    );
  }
  return { column: name, ...(format !== undefined ? { format } : {}) };
}

/** WINDOW_TYPE and WINDOW_SIZE of a windowed source. */
export function windowInfo(props: WithProperties): WindowInfo | undefined {
  const type = props.string('WINDOW_TYPE')?.trim().toUpperCase();
  const size = props.string('WINDOW_SIZE');
  if (type === undefined) {
    if (size !== undefined)
      fail(
        AnalysisErrorCodes.invalidProperty,
        'WINDOW_SIZE requires WINDOW_TYPE.',
        props.spanOf('WINDOW_SIZE'),
      );
    return undefined;
  }
  if (type !== 'TUMBLING' && type !== 'HOPPING' && type !== 'SESSION') {
    fail(
      AnalysisErrorCodes.invalidProperty,
      `Invalid value for WINDOW_TYPE: ${type}. Valid values are TUMBLING, HOPPING and SESSION.`,
      props.spanOf('WINDOW_TYPE'),
    );
  }
  if (type === 'SESSION') {
    if (size !== undefined)
      fail(
        AnalysisErrorCodes.invalidProperty,
        "'WINDOW_SIZE' should not be set for SESSION windows.",
        props.spanOf('WINDOW_SIZE'),
      );
    return { type };
  }
  if (size === undefined) {
    fail(
      AnalysisErrorCodes.missingProperty,
      'Tumbling and Hopping window types should set WINDOW_SIZE in the WITH clause.',
      props.spanOf('WINDOW_TYPE'),
    );
  }
  const sizeMs = parseWindowSize(size);
  if (sizeMs === undefined)
    fail(
      AnalysisErrorCodes.invalidProperty,
      `Invalid WINDOW_SIZE: '${size}'`,
      props.spanOf('WINDOW_SIZE'),
    );
  return { type, sizeMs };
}
