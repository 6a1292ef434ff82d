import { SignalRing, averageBySteps } from './signal-ring';

describe('SignalRing', () => {
  it('averages points within one resolution bucket and stamps the bucket start', () => {
    const ring = new SignalRing(10, 10_000);
    expect(ring.add(12_000, 1)).toBe('appended');
    expect(ring.add(15_000, 2)).toBe('merged');
    expect(ring.add(19_999, 6)).toBe('merged');
    expect(ring.add(20_000, 5)).toBe('appended');
    expect(ring.range(-Infinity, Infinity)).toEqual([
      { t: 10_000, v: 3 },
      { t: 20_000, v: 5 },
    ]);
  });

  it('puts a bucket anywhere: replacing, appending, inserting in order, refusing only beyond a full ring', () => {
    const ring = new SignalRing(4, 1000);
    expect(ring.put(5500, 5)).toBe('appended');
    expect(ring.put(2000, 2)).toBe('appended');
    expect(ring.put(3999, 3)).toBe('appended');
    expect(ring.put(5000, 50)).toBe('merged');
    expect(ring.range(-Infinity, Infinity)).toEqual([
      { t: 2000, v: 2 },
      { t: 3000, v: 3 },
      { t: 5000, v: 50 },
    ]);
    // The newest bucket counts the put value as one sample.
    expect(ring.add(5100, 60)).toBe('merged');
    expect(ring.range(5000, 5000)).toEqual([{ t: 5000, v: 55 }]);
    expect(ring.put(1000, 1)).toBe('appended');
    expect(ring.length).toBe(4);
    expect(ring.put(0, 0)).toBe('stale');
    expect(ring.put(4000, 4)).toBe('appended');
    expect(ring.range(-Infinity, Infinity).map((p) => p.v)).toEqual([2, 3, 4, 55]);
  });

  it('refuses points older than the newest bucket', () => {
    const ring = new SignalRing(10, 1000);
    ring.add(5000, 1);
    expect(ring.add(3999, 2)).toBe('stale');
    expect(ring.range(-Infinity, Infinity)).toEqual([{ t: 5000, v: 1 }]);
  });

  it('grows from 4 points up to capacity, then overwrites the oldest', () => {
    const ring = new SignalRing(6, 1000);
    ring.add(0, 0);
    expect(ring.bytes).toBe(4 * 16);
    for (let i = 1; i < 5; i++) ring.add(i * 1000, i);
    expect(ring.bytes).toBe(6 * 16);
    for (let i = 5; i < 9; i++) ring.add(i * 1000, i);
    expect(ring.length).toBe(6);
    expect(ring.bytes).toBe(6 * 16);
    expect(ring.range(-Infinity, Infinity).map((p) => p.v)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(ring.range(4000, 6000)).toEqual([
      { t: 4000, v: 4 },
      { t: 5000, v: 5 },
      { t: 6000, v: 6 },
    ]);
  });

  it('keeps merging into the newest bucket after wrap-around', () => {
    const ring = new SignalRing(2, 1000);
    ring.add(0, 1);
    ring.add(1000, 2);
    ring.add(2000, 3);
    ring.add(2500, 5);
    expect(ring.range(-Infinity, Infinity)).toEqual([
      { t: 1000, v: 2 },
      { t: 2000, v: 4 },
    ]);
  });

  it('returns nothing before the first point', () => {
    expect(new SignalRing(3, 1000).range(-Infinity, Infinity)).toEqual([]);
  });
});

describe('averageBySteps', () => {
  it('averages per aligned step bucket', () => {
    const points = [
      { t: 0, v: 1 },
      { t: 10, v: 3 },
      { t: 20, v: 5 },
      { t: 30, v: 7 },
      { t: 60, v: 9 },
    ];
    expect(averageBySteps(points, 30)).toEqual([
      { t: 0, v: 3 },
      { t: 30, v: 7 },
      { t: 60, v: 9 },
    ]);
    expect(averageBySteps([], 30)).toEqual([]);
  });
});
