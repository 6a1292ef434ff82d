import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataPath } from '../../../test/support/shared-data';
import { runM4Eval } from './m4-eval';

const DATA = sharedDataPath('m4-hourly');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('runM4Eval', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'twinops-m4-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // The whole half of M4 Hourly (207 series) takes about a second, so the test runs all of it.
  it('reaches OWA 0.420 on the M4 Hourly half and writes the test layout', async () => {
    const c = capture();
    const out = join(dir, 'forecasts.csv');
    const code = await runM4Eval(['--train', join(DATA, 'Hourly-train-dev.csv'), '--test', join(DATA, 'Hourly-test-dev.csv'), '--out', out], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    const text = c.out.join('');
    expect(text).toContain('twinops  sMAPE 9.226  MASE 0.811  OWA 0.420');
    expect(text).toContain('Naive2   sMAPE 18.224  MASE 2.432  OWA 1.000');
    expect(text).toContain('90% interval coverage: 93.9% of test points');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.length).toBe(208);
    expect(lines[0]).toBe(readFileSync(join(DATA, 'Hourly-test-dev.csv'), 'utf8').split('\n')[0]);
    expect(lines[1].split(',').length).toBe(49);
    expect(lines[1].startsWith('"H1",')).toBe(true);
  });

  it('names the file and line of bad data', async () => {
    const train = join(dir, 'train.csv');
    const test = join(dir, 'test.csv');
    writeFileSync(train, '"V1","V2","V3"\n"A","1","2"\n');
    writeFileSync(test, '"V1","V2"\n"A","oops"\n');
    const c = capture();
    expect(await runM4Eval(['--train', train, '--test', test, '--out', join(dir, 'o.csv'), '--horizon', '1'], c.io)).toBe(1);
    expect(c.err).toEqual([`twinops eval m4: ${test}:2: column 2 is not a number, got "oops"\n`]);
  });

  it.each([
    [['--train', 'a.csv'], 2, 'twinops eval m4: --train, --test and --out are required; --horizon and --seasonality must be positive integers'],
    [['--bogus'], 2, "twinops eval m4: Unknown option '--bogus'"],
    [['--train', '/nonexistent/t.csv', '--test', 'x', '--out', 'y'], 1, 'twinops eval m4: /nonexistent/t.csv: cannot read (ENOENT)'],
  ])('%j exits %d with %s', async (argv, code, message) => {
    const c = capture();
    expect(await runM4Eval(argv, c.io)).toBe(code);
    expect(c.err.join('').split('\n')[0]).toBe(message);
  });
});
