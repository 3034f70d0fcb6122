import { splitStatements, stripComments } from '../../../src/repl/statement-splitter';

describe('splitStatements', () => {
  it('splits at top-level semicolons and keeps the unfinished rest', () => {
    expect(splitStatements('show topics; show streams;\nselect nome,\nemail')).toEqual({
      statements: ['show topics;', 'show streams;'],
      rest: 'select nome,\nemail',
    });
  });

  it('ignores semicolons inside strings, quoted identifiers and comments', () => {
    const text = 'select \'a;b\', `c;d`, "e;f" -- g;h\n/* i;j */ from s;';
    expect(splitStatements(text)).toEqual({ statements: [text], rest: '' });
  });

  it('treats a doubled quote as an escaped quote', () => {
    expect(splitStatements("select 'it''s;' from s; x").statements).toEqual([
      "select 'it''s;' from s;",
    ]);
  });

  it('keeps a statement open while a string is unterminated', () => {
    expect(splitStatements("select 'abc;\n")).toEqual({ statements: [], rest: "select 'abc;" });
  });

  it('drops empty statements and lone comments', () => {
    expect(splitStatements(';  -- nothing\n;show topics;').statements).toEqual(['show topics;']);
  });
});

describe('stripComments', () => {
  it('removes line and block comments but not comment-like text in strings', () => {
    expect(stripComments("-- intro\nset 'a'='--b'; /* x */")).toBe("set 'a'='--b';");
  });
});
