import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedDataPath } from '../../../test/support/shared-data';
import { runNabEval } from './nab-eval';

const DATA = sharedDataPath('nab');

function io(): { out: string; err: string; io: { out(t: string): void; err(t: string): void } } {
  const r = { out: '', err: '', io: { out: (t: string) => void (r.out += t), err: (t: string) => void (r.err += t) } };
  return r;
}

describe('twinops eval nab', () => {
  it.each([
    [[], 'eval nab: --data: required'],
    [['--data', 'd', '--windows'], 'eval nab: --windows: missing value'],
    [['--bogus', 'x'], 'eval nab: unknown option "--bogus"'],
    [['--data', 'd', '--windows', 'w', '--out', 'o', '--detector', 'a_b'], 'eval nab: --detector: letters, digits and "-" only (NAB splits names on "_"), got "a_b"'],
  ])('rejects %p', async (argv, message) => {
    const r = io();
    expect(await runNabEval(argv, r.io)).toBe(2);
    expect(r.err.split('\n')[0]).toBe(message);
  });

  it('names the missing windows file', async () => {
    const r = io();
    expect(await runNabEval(['--data', '/nonexistent', '--windows', '/nonexistent/w.json', '--out', '/tmp/x'], r.io)).toBe(1);
    expect(r.err).toBe('eval nab: /nonexistent/w.json: cannot read: ENOENT\n');
  });

  it('scores the shared corpus (42 files) with fixed defaults', async () => {
    const r = io();
    const out = mkdtempSync(join(tmpdir(), 'nab-eval-'));
    expect(await runNabEval(['--data', DATA, '--windows', join(DATA, 'combined_windows.json'), '--out', out], r.io)).toBe(0);
    const score = (profile: string) => Number(new RegExp(`${profile}\\s+(-?[0-9.]+)`).exec(r.out)?.[1]);
    expect(score('standard')).toBeCloseTo(71.35, 2);
    expect(score('reward_low_FP_rate')).toBeCloseTo(63.91, 2);
    expect(score('reward_low_FN_rate')).toBeCloseTo(75.59, 2);
    expect(r.out.split('\n')[0]).toBe('NAB: 42 files, 197317 rows, detector "twinops"');
  });
});
