import {
  atLeast,
  configDef,
  defaultPlugins,
  evaluate,
  normaliseProps,
  oneOf,
  parseConfig,
  renderConfigDocs,
  validateResponse,
} from '../../../connectors';

const def = configDef([
  { name: 'url', type: 'STRING', importance: 'HIGH', group: 'A', documentation: 'Where.' },
  {
    name: 'mode',
    type: 'STRING',
    defaultValue: 'bulk',
    importance: 'HIGH',
    group: 'A',
    documentation: 'How.',
    validator: oneOf('bulk', 'timestamp'),
  },
  {
    name: 'poll',
    type: 'INT',
    defaultValue: 5000,
    importance: 'LOW',
    group: 'B',
    documentation: 'When.',
    validator: atLeast(0),
  },
  {
    name: 'tables',
    type: 'LIST',
    defaultValue: [],
    importance: 'LOW',
    group: 'B',
    documentation: 'Which.',
  },
  {
    name: 'flag',
    type: 'BOOLEAN',
    defaultValue: false,
    importance: 'LOW',
    documentation: 'Whether.',
  },
  {
    name: 'secret',
    type: 'PASSWORD',
    defaultValue: null,
    importance: 'LOW',
    documentation: 'Shh.',
  },
]);

describe('config schemas', () => {
  it('stringifies JSON numbers and booleans as Connect does', () => {
    expect(normaliseProps({ 'tasks.max': 1, flag: true, url: 'x', gone: null })).toEqual({
      'tasks.max': '1',
      flag: 'true',
      url: 'x',
    });
  });

  it('parses typed values and applies defaults', () => {
    const c = parseConfig(def, { url: 'u', poll: ' 500 ', tables: 'a, b', flag: 'TRUE' });
    expect([
      c.string('url'),
      c.string('mode'),
      c.int('poll'),
      c.list('tables'),
      c.bool('flag'),
      c.optionalString('secret'),
    ]).toEqual(['u', 'bulk', 500, ['a', 'b'], true, null]);
  });

  it("reports every error with Connect's wording", () => {
    const errors = evaluate(def, { mode: 'x', poll: '-1', flag: 'yes' }).flatMap((r) => r.errors);
    expect(errors).toEqual([
      'Missing required configuration "url" which has no default value.',
      'Invalid value x for configuration mode: String must be one of: bulk, timestamp',
      'Invalid value -1 for configuration poll: Value must be at least 0',
      'Invalid value yes for configuration flag: Expected value to be either true or false',
    ]);
    expect(() => parseConfig(def, {})).toThrow(
      /^Connector configuration is invalid and contains the following 1 error\(s\):\nMissing required configuration "url"/,
    );
  });

  it('builds the validate response with definitions, values and hidden passwords', () => {
    const r = validateResponse('C', def, { url: 'u', secret: 'p' }, { url: ['cannot connect'] });
    expect(r.name).toBe('C');
    expect(r.groups).toEqual(['A', 'B']);
    expect(r.error_count).toBe(1);
    expect(r.configs[0]).toEqual({
      definition: {
        name: 'url',
        type: 'STRING',
        required: true,
        default_value: null,
        importance: 'HIGH',
        documentation: 'Where.',
        group: 'A',
        width: 'NONE',
        display_name: 'url',
        dependents: [],
        order: -1,
      },
      value: {
        name: 'url',
        value: 'u',
        recommended_values: [],
        errors: ['cannot connect'],
        visible: true,
      },
    });
    expect(r.configs.find((c) => c.definition.name === 'secret')?.value.value).toBe('[hidden]');
    expect(r.configs.find((c) => c.definition.name === 'poll')?.definition.default_value).toBe(
      '5000',
    );
  });
});

describe('config docs', () => {
  it('renders every key of the JDBC source schema with its default and validator', () => {
    const doc = renderConfigDocs('JDBC source', defaultPlugins().connectors[0]!.configDef);
    expect(doc).toContain('| `mode` | STRING | (required) | HIGH |');
    expect(doc).toContain('Valid values: [bulk, timestamp, incrementing, timestamp+incrementing].');
    expect(doc).toContain('| `poll.interval.ms` | INT | `5000` |');
    expect(doc).toContain('### Database');
  });
});
