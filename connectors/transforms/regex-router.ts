import { configDef, parseConfig } from '../config';
import type { ConnectRecord } from '../data/connect-record';
import type { Props } from '../plugins/source-connector';
import type { Transformation, TransformationPlugin } from '../plugins/transformation';

const def = configDef([
  {
    name: 'regex',
    type: 'STRING',
    importance: 'HIGH',
    documentation: 'Regular expression matched against the whole topic name.',
  },
  {
    name: 'replacement',
    type: 'STRING',
    importance: 'HIGH',
    documentation: 'Replacement string; $1.. refer to capture groups.',
  },
]);

/** Connect's RegexRouter: renames the topic when the regex matches all of it. */
export class RegexRouter implements Transformation {
  private regex = /^$/;
  private replacement = '';

  configure(props: Props): void {
    const c = parseConfig(def, props);
    this.regex = new RegExp(`^(?:${c.string('regex')})$`);
    this.replacement = c.string('replacement');
  }

  apply<R extends ConnectRecord>(record: R): R | null {
    if (!this.regex.test(record.topic)) return record;
    return { ...record, topic: record.topic.replace(this.regex, this.replacement) };
  }

  close(): void {}
}

export const regexRouterPlugin: TransformationPlugin = {
  className: 'org.apache.kafka.connect.transforms.RegexRouter',
  version: '3.9.0',
  configDef: def,
  create: () => new RegexRouter(),
};
