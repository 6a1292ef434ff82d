import { labelRows, OUTSIDE, PROBATION, scaledSigmoid, scoreNabCorpus } from './index';

// 20 one-minute rows; rows 0-2 are probationary (floor(0.15 · 20)); one window over rows 10-13.
const ts = Array.from({ length: 20 }, (_, i) => i * 60_000);
const windows = [[10 * 60_000, 13 * 60_000]] as const;
const file = (scores: number[]) => [{ key: 'cat/f.csv', timestamps: ts, scores, windows: [...windows] }];

describe('NAB scoring', () => {
  it.each([
    [-1, 0.9866142981514305],
    [-0.5, 0.8482836399575131],
    [0, 0],
    [1, -0.9866142981514303],
    [3, -1],
  ])('scaledSigmoid(%p) = %p', (x, y) => expect(scaledSigmoid(x)).toBe(y));

  it('labels rows: probation, window credit relative to the right edge, false-positive cost after it', () => {
    const l = labelRows(ts, [...windows]);
    expect(Array.from(l.window.slice(0, 4))).toEqual([PROBATION, PROBATION, PROBATION, OUTSIDE]);
    expect(Array.from(l.window.slice(10, 15))).toEqual([0, 0, 0, 0, OUTSIDE]);
    expect(l.credit[10]).toBe(1);
    expect(l.credit[12]).toBeCloseTo(0.8597925669097837, 15);
    expect(l.credit[16]).toBe(-0.9866142981514303);
    expect(l.credit[5]).toBe(-1);
  });

  it('a detection at the window start scores 100, the best threshold skipping the later false positive', () => {
    const r = scoreNabCorpus(file(ts.map((_, i) => (i === 10 ? 0.9 : i === 16 ? 0.8 : 0))))[0];
    expect(r).toMatchObject({ profile: 'standard', threshold: 0.9, raw: 1, perfectRaw: 1, tp: 1, fp: 0 });
    expect(r.nullRaw).toBeCloseTo(-0.3856559469904776, 12);
    expect(r.score).toBeCloseTo(100, 10);
  });

  it('a detection half-way into the window earns its sigmoid credit', () => {
    const r = scoreNabCorpus(file(ts.map((_, i) => (i === 12 ? 0.7 : 0))))[0];
    expect(r.raw).toBeCloseTo(0.8597925669097837, 12);
    expect(r.score).toBeCloseTo(89.88151182876713, 8);
  });

  it('the null detector scores 0 on every profile', () => {
    expect(scoreNabCorpus(file(ts.map(() => 0.5))).map((r) => Math.round(r.score * 1e9) / 1e9)).toEqual([0, 0, 0]);
  });

  it('rejects a score list that does not match the rows', () => {
    expect(() => scoreNabCorpus(file([0.1]))).toThrow('cat/f.csv: 1 anomaly scores for 20 rows');
  });
});
