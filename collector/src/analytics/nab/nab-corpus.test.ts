import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNabTimestamp, readNabCorpus, readResultScores, resultPath, writeResultFile } from './index';

function corpus(csv: string, windows: string): { dir: string; windowsFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nab-'));
  mkdirSync(join(dir, 'cat'));
  writeFileSync(join(dir, 'cat', 'f.csv'), csv);
  writeFileSync(join(dir, 'w.json'), windows);
  return { dir, windowsFile: join(dir, 'w.json') };
}

describe('NAB corpus', () => {
  it.each([
    ['2014-04-10 07:15:00', Date.UTC(2014, 3, 10, 7, 15)],
    ['2014-04-10 07:15:00.000000', Date.UTC(2014, 3, 10, 7, 15)],
    ['2014-04-10', Number.NaN],
  ])('parses %p', (text, ms) => expect(parseNabTimestamp(text)).toBe(ms));

  it('reads files and windows', () => {
    const c = corpus('timestamp,value\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,2.5\n', '{"cat/f.csv":[["2014-01-01 00:05:00.000000","2014-01-01 00:05:00.000000"]]}');
    const files = readNabCorpus(c.dir, c.windowsFile);
    expect(files).toEqual([
      {
        key: 'cat/f.csv',
        timestampText: ['2014-01-01 00:00:00', '2014-01-01 00:05:00'],
        timestamps: [Date.UTC(2014, 0, 1), Date.UTC(2014, 0, 1, 0, 5)],
        values: [1, 2.5],
        windows: [[Date.UTC(2014, 0, 1, 0, 5), Date.UTC(2014, 0, 1, 0, 5)]],
      },
    ]);
  });

  it.each([
    ['timestamp,value\n2014-01-01 00:00:00,x\n', '{"cat/f.csv":[]}', 'cat/f.csv:2: value: not a number, got "x"'],
    ['timestamp,value\nyesterday,1\n', '{"cat/f.csv":[]}', 'cat/f.csv:2: timestamp: not a timestamp, got "yesterday"'],
    ['time,value\n', '{"cat/f.csv":[]}', 'cat/f.csv:1: header: missing column "timestamp", got "time,value"'],
    ['timestamp,value\n', '{"cat/f.csv":[["x","y"]]}', 'w.json: cat/f.csv[0]: must be [start, end] timestamps with start <= end, got ["x","y"]'],
    ['timestamp,value\n', '{"cat/g.csv":[]}', 'g.csv: cannot read: ENOENT'],
  ])('names the file and field: %#', (csv, windows, message) => {
    const c = corpus(csv, windows);
    expect(() => readNabCorpus(c.dir, c.windowsFile)).toThrow(message);
  });

  it('writes and reads back result files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nab-results-'));
    const path = resultPath(dir, 'det', 'cat/f.csv');
    expect(path).toBe(join(dir, 'det', 'cat', 'det_f.csv'));
    writeResultFile(path, ['2014-01-01 00:00:00'], [3], [0.25]);
    expect(readResultScores(path)).toEqual({ timestamps: [Date.UTC(2014, 0, 1)], scores: [0.25] });
  });
});
