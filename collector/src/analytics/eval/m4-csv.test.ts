import { formatM4Csv, parseM4Csv } from './m4-csv';

describe('M4 CSV', () => {
  it('reads ids and values, dropping trailing empty cells, and writes the same layout', () => {
    const table = parseM4Csv('"V1","V2","V3","V4"\n"H1","1","2.5",""\n"H2","3","4","5"\n', 'train.csv');
    expect(table).toEqual({ header: ['V1', 'V2', 'V3', 'V4'], series: [{ id: 'H1', values: [1, 2.5] }, { id: 'H2', values: [3, 4, 5] }] });
    expect(formatM4Csv(['V1', 'V2'], [{ id: 'H1', values: [1.25, 1 / 3] }])).toBe('"V1","V2"\n"H1","1.25","0.3333333333"\n');
  });

  it.each([
    ['', 'f.csv:1: empty file, expected a header row'],
    ['"V1","V2"\n"H1","x"', 'f.csv:2: column 2 is not a number, got "x"'],
    ['"V1","V2"\n"H1","1"\n"H1","2"', 'f.csv:3: duplicate series id "H1"'],
    ['"V1","V2"\n"H1","1","2"', 'f.csv:2: 3 cells, header has 2'],
    ['"V1","V2","V3"\n"H1","","2"', 'f.csv:2: value after an empty cell in column 3'],
    ['"V1","V2"\n"H1",""', 'f.csv:2: series "H1" has no values'],
    ['"V1","V2"\n"","1"', 'f.csv:2: missing series id'],
  ])('rejects %j: %s', (text, message) => {
    expect(() => parseM4Csv(text, 'f.csv')).toThrow(message);
  });
});
