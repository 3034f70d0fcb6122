import { SqlVariableError } from '../../../sql/errors';
import {
  isScriptComplete,
  parseScript,
  splitStatements,
  substituteVariables,
} from '../../../sql/parser';

describe('script handling', () => {
  it('splits at top-level semicolons only', () => {
    const script = [
      '-- leading comment; not a statement',
      "CREATE STREAM a (v STRING) WITH (kafka_topic='a;b');",
      '/* block; comment */ SELECT `odd;name` FROM a;',
      'SELECT "x;y" FROM a -- trailing; comment',
      ';;',
    ].join('\n');
    const segments = splitStatements(script);
    expect(segments.map((s) => s.text)).toEqual([
      "CREATE STREAM a (v STRING) WITH (kafka_topic='a;b')",
      'SELECT `odd;name` FROM a',
      'SELECT "x;y" FROM a',
    ]);
    expect(segments.map((s) => [s.span.start.line, s.span.start.column])).toEqual([
      [2, 1],
      [3, 22],
      [4, 1],
    ]);
    expect(segments[1]?.span.start.offset).toBe(script.indexOf('SELECT `odd'));
  });

  it('keeps node spans relative to the whole script', () => {
    const script = 'SHOW TOPICS;\n\n  SELECT a FROM s;';
    const [, second] = parseScript(script);
    expect(second?.statement.span.start).toEqual({ offset: 16, line: 3, column: 3 });
  });

  it('substitutes variables, including inside strings, case-insensitively', () => {
    const text = substituteVariables("SELECT * FROM ${Src} WHERE t = '${SRC}' -- ${missing}", {
      src: 'orders',
    });
    expect(text).toBe("SELECT * FROM orders WHERE t = 'orders' -- ${missing}");
  });

  it('applies DEFINE and UNDEFINE to later statements of the script', () => {
    const statements = parseScript(
      "DEFINE topic = 'orders';\nCREATE STREAM s WITH (kafka_topic='${topic}', value_format='JSON');\nUNDEFINE topic;",
      { variables: new Map([['fmt', 'JSON']]) },
    );
    expect(statements[1]?.text).toBe(
      "CREATE STREAM s WITH (kafka_topic='orders', value_format='JSON')",
    );
    expect(statements[1]?.rawText).toContain('${topic}');
    expect([...(statements[2]?.variables.keys() ?? [])]).toEqual(['FMT']);
  });

  it('reports an undefined variable where it is referenced', () => {
    const script = 'SHOW TOPICS;\nSELECT * FROM ${nope};';
    let caught: unknown;
    try {
      parseScript(script);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SqlVariableError);
    const error = caught as SqlVariableError;
    expect(error.code).toBe('UNDEFINED_VARIABLE');
    expect(error.render(script)).toBe(
      [
        "<input>:2:15: Variable 'nope' is not defined",
        '2 | SELECT * FROM ${nope};',
        '  |               ^^^^^^^',
      ].join('\n'),
    );
  });

  it.each([
    ['SHOW TOPICS;', true],
    ['SHOW TOPICS; -- done', true],
    ['SELECT *\nFROM s\nEMIT CHANGES;\n', true],
    ['SELECT *\nFROM s', false],
    ["SELECT ';' FROM s", false],
    ["SELECT 'open;", false],
    ['SELECT a /* ; */', false],
    ['SELECT a; /* open', false],
    ['', false],
  ])('tells whether a REPL buffer ends a statement: %j', (text, complete) => {
    expect(isScriptComplete(text)).toBe(complete);
  });
});
