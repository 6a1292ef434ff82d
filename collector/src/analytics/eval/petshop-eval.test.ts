import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataPath } from '../../../test/support/shared-data';
import { runPetshopEval } from './petshop-eval';

const DATA = sharedDataPath('petshop', 'low_traffic');

function io(): { out: string; err: string; io: { out(t: string): void; err(t: string): void } } {
  const r = { out: '', err: '', io: { out: (t: string) => void (r.out += t), err: (t: string) => void (r.err += t) } };
  return r;
}

describe('twinops eval petshop', () => {
  it.each([
    [[], 'eval petshop: --data: required'],
    [['--data', 'd'], 'eval petshop: --out: required'],
    [['--data', '--out', 'o'], 'eval petshop: --data: missing value'],
    [['--bogus', 'x'], 'eval petshop: unknown option "--bogus"'],
  ])('rejects %p', async (argv, message) => {
    const r = io();
    expect(await runPetshopEval(argv, r.io)).toBe(2);
    expect(r.err).toBe(`${message}\nusage: twinops eval petshop --data DIR --out RANKING.json\n`);
  });

  it('names the missing file', async () => {
    const r = io();
    expect(await runPetshopEval(['--data', '/nonexistent', '--out', '/tmp/x.json'], r.io)).toBe(1);
    expect(r.err).toBe('eval petshop: /nonexistent/graph.csv: cannot read: ENOENT\n');
  });

  it('names the file and field of a bad target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'petshop-'));
    writeFileSync(join(dir, 'graph.csv'), ',a\na,0\n');
    mkdirSync(join(dir, 'noissue'));
    writeFileSync(join(dir, 'noissue', 'metrics.csv'), 'microservice,a\nmetric,latency\nstatistic,Average\nunix_timestamp,\n1,2\n');
    mkdirSync(join(dir, 'test', 'issue_0'), { recursive: true });
    writeFileSync(join(dir, 'test', 'issue_0', 'metrics.csv'), 'microservice,a\nmetric,latency\nstatistic,Average\nunix_timestamp,\n1,2\n');
    writeFileSync(join(dir, 'test', 'issue_0', 'target.json'), '{"target":{"node":"a"}}');
    const r = io();
    expect(await runPetshopEval(['--data', dir, '--out', join(dir, 'r.json')], r.io)).toBe(1);
    expect(r.err).toBe(`eval petshop: ${join(dir, 'test', 'issue_0', 'target.json')}: target.timestamp: must be a number, got nothing\n`);
  });

  it('ranks the 26 low-traffic issues: top-1 1.000, top-3 1.000 with fixed settings', async () => {
    const r = io();
    const out = join(mkdtempSync(join(tmpdir(), 'petshop-eval-')), 'ranking.json');
    expect(await runPetshopEval(['--data', DATA, '--out', out], r.io)).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'PetShop: 26 issues, 44 call edges',
      'metric        issues   top-1   top-3',
      'availability      12   1.000   1.000',
      'latency           14   1.000   1.000',
      'overall           26   1.000   1.000',
    ]);
    expect(lines[5]).toMatch(/^ranking in /);
    const ranking = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string[]>;
    expect(Object.keys(ranking)).toHaveLength(26);
    expect(Object.keys(ranking).slice(0, 3)).toEqual(['test/issue_0', 'test/issue_1', 'test/issue_2']);
    expect(ranking['test/issue_0'].slice(0, 1)).toEqual(['petInfo_AWS::DynamoDB::Table']);
    expect(ranking['test/issue_14'].slice(0, 1)).toEqual(['lambdastatusupdater_AWS::Lambda::Function']);
  });
});
