import { cellText, rowGrid } from '../../../src/repl/row-grid';

describe('rowGrid', () => {
  it('shares the terminal width between the columns, as the ksql CLI grid', () => {
    const grid = rowGrid(['NOME', 'EMAIL'], 21);
    expect(grid.header()).toBe(
      '+---------+---------+\n|NOME     |EMAIL    |\n+---------+---------+',
    );
    expect(grid.row(['Amy', 'a@b.org'])).toBe('|Amy      |a@b.org  |');
    expect(grid.footer()).toBe('+---------+---------+');
  });

  it('wraps values wider than their column onto continuation lines', () => {
    expect(rowGrid(['A', 'B'], 11).row(['abcdefg', 'x'])).toBe('|abcd|x   |\n|efg |    |');
  });

  it('never makes a column narrower than its name', () => {
    expect(rowGrid(['DT_NASCIMENTO'], 5).header().split('\n')[1]).toBe('|DT_NASCIMENTO|');
  });
});

describe('cellText', () => {
  it('prints strings bare, null as null and other values as JSON', () => {
    expect(cellText('a b')).toBe('a b');
    expect(cellText(null)).toBe('null');
    expect(cellText(12)).toBe('12');
    expect(cellText({ A: [1, 2] })).toBe('{"A":[1,2]}');
  });
});
