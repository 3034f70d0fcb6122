import type { TransformationPlugin } from '../plugins/transformation';
import { extractNewRecordStatePlugin } from './extract-new-record-state';
import { insertFieldPlugins } from './insert-field';
import { regexRouterPlugin } from './regex-router';
import { replaceFieldPlugins } from './replace-field';
import { timestampConverterPlugins } from './timestamp-converter';
import { valueToKeyPlugin } from './value-to-key';

export { ExtractNewRecordState, EXTRACT_NEW_RECORD_STATE } from './extract-new-record-state';
export { InsertField } from './insert-field';
export { ReplaceField } from './replace-field';
export { RegexRouter } from './regex-router';
export { TimestampConverter } from './timestamp-converter';
export { ValueToKey } from './value-to-key';

/** Every SMT Brook ships, for the worker's plugin registry. */
export const transformationPlugins: readonly TransformationPlugin[] = [
  extractNewRecordStatePlugin,
  ...insertFieldPlugins,
  ...replaceFieldPlugins,
  ...timestampConverterPlugins,
  regexRouterPlugin,
  valueToKeyPlugin,
];
