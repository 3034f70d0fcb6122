import {
  connectSchema,
  configDef,
  sourceRecord,
  structSchema,
  type Props,
  type RecordMetadata,
  type SourceConnectorPlugin,
  type SourceRecord,
  type SourceTask,
  type SourceTaskContext,
} from '../../../../connectors';

/** A source emitting `{"n": k}` for k = stored offset + 1 ... `limit`, recording every callback. */
export interface CounterJournal {
  readonly events: string[];
}

const valueSchema = structSchema('counter', [{ name: 'n', schema: connectSchema('INT32') }]);

class CounterTask implements SourceTask {
  private next = 1;
  private limit = 0;
  private topic = '';
  private context: SourceTaskContext | undefined;
  constructor(private readonly journal: CounterJournal) {}

  start(props: Props, context: SourceTaskContext): Promise<void> {
    this.context = context;
    this.limit = Number(props['limit']);
    this.topic = props['topic'] ?? 'counter';
    if (props['fail'] === 'true') throw new Error('counter source cannot start');
    const stored = context.offsetStorageReader.offset({ counter: this.topic });
    this.next = Number(stored?.['n'] ?? 0) + 1;
    this.journal.events.push(`start@${this.next}`);
    return Promise.resolve();
  }

  async poll(): Promise<readonly SourceRecord[] | null> {
    if (this.next > this.limit) {
      await this.context!.sleep(10);
      return null;
    }
    const n = this.next++;
    this.journal.events.push(`poll ${n}`);
    return [
      sourceRecord({
        topic: this.topic,
        valueSchema,
        value: { n },
        sourcePartition: { counter: this.topic },
        sourceOffset: { n },
      }),
    ];
  }

  commitRecord(record: SourceRecord, metadata: RecordMetadata | null): Promise<void> {
    this.journal.events.push(
      `commitRecord ${String((record.value as { n: number }).n)}@${String(metadata?.offset)}`,
    );
    return Promise.resolve();
  }

  commit(): Promise<void> {
    this.journal.events.push('commit');
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.journal.events.push('stop');
    return Promise.resolve();
  }
}

export function counterSourcePlugin(journal: CounterJournal): SourceConnectorPlugin {
  return {
    kind: 'source',
    className: 'test.CounterSourceConnector',
    version: '1',
    configDef: configDef([
      { name: 'limit', type: 'INT', importance: 'HIGH', documentation: 'Last number to emit.' },
      {
        name: 'topic',
        type: 'STRING',
        defaultValue: 'counter',
        importance: 'HIGH',
        documentation: 'Destination topic.',
      },
      {
        name: 'fail',
        type: 'BOOLEAN',
        defaultValue: false,
        importance: 'LOW',
        documentation: 'Fail task start.',
      },
    ]),
    createConnector: () => {
      let props: Props = {};
      return {
        start: (p: Props) => Promise.resolve(void (props = p)),
        taskConfigs: () => Promise.resolve([{ ...props }]),
        stop: () => Promise.resolve(),
      };
    },
    createTask: () => new CounterTask(journal),
  };
}
