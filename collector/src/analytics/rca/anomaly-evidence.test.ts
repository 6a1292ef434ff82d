import { analysisIndex, changePoint, firstIndexAtOrAfter, heldStrength, indexAtTime, onsetOf, scoreSeries, symptomOnset } from './anomaly-evidence';

// Level 10, MAD 1 → scale 1.4826.
const reference = { timestamps: [0, 1, 2, 3, 4], values: [9, 10, 10, 11, 12] };
const z = (v: number) => Number(((v - 10) / 1.4826).toFixed(4));
const round = (xs: number[]) => xs.map((x) => Number(x.toFixed(4)));

describe('scoreSeries', () => {
  it('scores against the reference when it has enough samples', () => {
    const series = { timestamps: [100, 200, 300], values: [10, NaN, 25] };
    expect(round(scoreSeries(series, reference, 200, 5))).toEqual([0, NaN, z(25)]);
  });

  it('takes off an offset every pre-symptom sample shares, where that shrinks |z|', () => {
    // before 300: z(16) and z(14); the one nearest zero, z(14), is the shared offset
    const series = { timestamps: [100, 200, 300, 400], values: [16, 14, 16, 4] };
    // 16 sits 2/1.4826 above that offset; 4 would move further from 0 and keeps its own z
    expect(round(scoreSeries(series, reference, 300, 5))).toEqual([1.349, 0, 1.349, -4.0469]);
  });

  it('keeps a rise that began before the symptom (pre-symptom samples on both sides of the level)', () => {
    const series = { timestamps: [100, 200, 300], values: [9, 30, 40] };
    expect(round(scoreSeries(series, reference, 300, 5))).toEqual([z(9), z(30), z(40)]);
  });

  it('uses the samples before the symptom when the reference is too short or missing', () => {
    const series = { timestamps: [1, 2, 3, 4, 5, 6], values: [9, 10, 10, 11, 12, 40] };
    expect(round(scoreSeries(series, { timestamps: [0], values: [1] }, 6, 5))).toEqual([z(9), 0, 0, z(11), z(12), z(40)]);
    expect(round(scoreSeries(series, undefined, 6, 5))).toEqual([z(9), 0, 0, z(11), z(12), z(40)]);
  });

  it('gives no evidence (NaN) when neither has enough samples', () => {
    expect(scoreSeries({ timestamps: [1, 2, 3], values: [1, 2, 3] }, undefined, 3, 5)).toEqual([NaN, NaN, NaN]);
  });
});

describe('sample selection', () => {
  const ts = [0, 60, 120, 180, 240];

  it.each([
    [100, 2],
    [120, 2],
    [999, 4],
  ])('first sample at or after %p is %p', (at, i) => {
    expect(firstIndexAtOrAfter(ts, at)).toBe(i);
  });

  it('analyses the first anomalous symptom sample at or after the symptom time', () => {
    expect(analysisIndex(ts, [9, 0, 1, 7, 8], 100, 5)).toBe(3);
    expect(analysisIndex(ts, [9, 0, 1, 1, 1], 100, 5)).toBe(2);
  });

  it('dates an anomaly from the start of its run', () => {
    expect(onsetOf(ts, [9, 0, 6, -7, 8], 4, 5)).toEqual({ onset: 120, after: 60 });
    expect(onsetOf(ts, [9, 6, 1, 7, 8], 1, 5)).toEqual({ onset: 0, after: -Infinity });
    expect(onsetOf(ts, [9, 0, 1, 7, 8], 2, 5)).toEqual({ onset: NaN, after: NaN });
  });

  it.each([
    [-1, -1],
    [0, 0],
    [130, 2],
    [500, 4],
  ])('the sample at or before %p is %p', (t, i) => {
    expect(indexAtTime(ts, t)).toBe(i);
  });
});

describe('heldStrength', () => {
  it('is the |z| held through the next present sample, so a one-sample spike is weak', () => {
    expect(heldStrength([0, 40, 1, 0], 1)).toBe(1);
    expect(heldStrength([0, -8, NaN, 6], 1)).toBe(6);
    expect(heldStrength([0, 1, 9], 2)).toBe(9);
    expect(heldStrength([0, NaN], 1)).toBe(0);
    expect(heldStrength([0], -1)).toBe(0);
  });
});

describe('changePoint and symptomOnset', () => {
  // 12 calm samples at 10 ± 1, then a step to 30 for 16 samples: the step is the majority of the window.
  const calm = [10, 11, 9, 10, 10, 11, 9, 10, 11, 9, 10, 10];
  const values = [...calm, ...Array.from({ length: 16 }, (_, i) => 30 + (i % 2))];
  const series = { timestamps: values.map((_, i) => i * 1000), values };

  it('splits a series at its largest change of level', () => {
    expect(changePoint(values, 10)).toBe(12);
    expect(changePoint([1, 2, 3], 10)).toBe(-1);
    // At least `minBefore` samples before the split: the step at 2 cannot be taken, the best left is after four.
    expect(changePoint([0, 0, 5, 5, 5, 5, 5, 6], 4)).toBe(4);
  });

  it('dates a symptom seen long after it began from the calm samples before its change', () => {
    expect(symptomOnset(series, 27_000, 10, 5)).toBe(12_000);
    // A ramp of 2 per sample from 12 s: the split falls mid-ramp (after 22), so the reference
    // holds the ramp's first six samples (median 10.5, scale 1.48: calm up to 17.9) and the onset,
    // walked back from the split, is the first sample past that: 18, at 15 s.
    const ramp = [...calm, ...Array.from({ length: 16 }, (_, i) => 10 + 2 * (i + 1))];
    expect(symptomOnset({ timestamps: ramp.map((_, i) => i * 1000), values: ramp }, 27_000, 10, 5)).toBe(15_000);
  });

  it('keeps the given time when nothing changed or the samples are too few', () => {
    expect(symptomOnset({ timestamps: calm.map((_, i) => i * 1000), values: calm }, 11_000, 10, 5)).toBe(11_000);
    expect(symptomOnset({ timestamps: [0, 1000], values: [1, 50] }, 1000, 10, 5)).toBe(1000);
  });
});
