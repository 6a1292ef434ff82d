import { weightedSamples } from './weighted-samples';

const ok = (d: number) => ({ durationSeconds: d, error: false });
const bad = (d: number) => ({ durationSeconds: d, error: true });

describe('weightedSamples', () => {
  it.each([
    ['even split', 6, 0, [ok(0.1), ok(0.2), ok(0.3)], [{ durationSeconds: 0.1, error: false, count: 2 }, { durationSeconds: 0.2, error: false, count: 2 }, { durationSeconds: 0.3, error: false, count: 2 }]],
    ['remainder to the first', 5, 0, [ok(0.1), ok(0.2)], [{ durationSeconds: 0.1, error: false, count: 3 }, { durationSeconds: 0.2, error: false, count: 2 }]],
    ['errors over failed samples', 4, 1, [ok(0.1), bad(0.9)], [{ durationSeconds: 0.1, error: false, count: 3 }, { durationSeconds: 0.9, error: true, count: 1 }]],
    ['errors without a failed sample take the timeout', 3, 2, [ok(0.1)], [{ durationSeconds: 0.1, error: false, count: 1 }, { durationSeconds: 1, error: true, count: 2 }]],
    ['successes without a successful sample take the failed ones', 3, 1, [bad(0.7)], [{ durationSeconds: 0.7, error: false, count: 2 }, { durationSeconds: 0.7, error: true, count: 1 }]],
    ['fewer requests than samples', 1, 0, [ok(0.1), ok(0.2)], [{ durationSeconds: 0.1, error: false, count: 1 }]],
    ['no samples', 10, 0, [], []],
    ['no requests', 0, 0, [ok(0.1)], []],
    ['errors capped at requests', 2, 5, [bad(0.5)], [{ durationSeconds: 0.5, error: true, count: 2 }]],
  ])('%s', (_name, requests, errors, samples, expected) => {
    expect(weightedSamples(requests, errors, samples, 1)).toEqual(expected);
  });
});
