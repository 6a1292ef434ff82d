import { correlatedSignals } from './correlated-signals';

const ts = [0, 60, 120, 180, 240, 300, 360, 420, 480, 540];
const target = { timestamps: ts, values: [1, 1, 1, 5, 5, 3, 3, 8, 8, 8] };
// The same steps one sample (60 s) earlier, on another level.
const leading = { timestamps: ts, values: [2, 2, 6, 6, 4, 4, 9, 9, 9, 9] };
// The same steps one sample later, upside down.
const lagging = { timestamps: ts, values: [0, 0, 0, 0, -4, -4, -2, -2, -7, -7] };
const unrelated = { timestamps: ts, values: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3] };

describe('correlatedSignals', () => {
  it('ranks by |r| and finds the lag of each candidate', () => {
    const found = correlatedSignals(
      target,
      [
        { id: 'unrelated', series: unrelated },
        { id: 'lagging', series: lagging },
        { id: 'leading', series: leading },
      ],
      { from: 0, to: 540 },
      120,
    );
    expect(found.map((f) => [f.id, Number(f.correlation.toFixed(4)), f.lag, f.pairs])).toEqual([
      // equal |r| and |lag|: the id decides
      ['lagging', -1, -60, 8],
      ['leading', 1, 60, 8],
      ['unrelated', -0.4805, 60, 8],
    ]);
  });

  it('tries only leads when asked', () => {
    const found = correlatedSignals(target, [{ id: 'lagging', series: lagging }], { from: 0, to: 540 }, 120, { leadsOnly: true });
    // its real lag (-60) is not tried; the best lead is a weaker, spurious match
    expect(found.map((f) => [f.lag, Number(f.correlation.toFixed(4))])).toEqual([[60, 0.6206]]);
  });

  it('pairs samples within half a step and keeps to the window', () => {
    const jittered = { timestamps: ts.map((t) => t + 20), values: target.values };
    const found = correlatedSignals(target, [{ id: 'jittered', series: jittered }], { from: 120, to: 420 }, 0);
    expect(found).toEqual([{ id: 'jittered', correlation: 1, lag: 0, pairs: 5 }]);
  });

  it('leaves out candidates that cannot be correlated', () => {
    const flat = { timestamps: ts, values: ts.map(() => 4) };
    const elsewhere = { timestamps: ts.map((t) => t + 10_000), values: target.values };
    expect(correlatedSignals(target, [{ id: 'flat', series: flat }, { id: 'elsewhere', series: elsewhere }], { from: 0, to: 540 }, 60)).toEqual([]);
    expect(correlatedSignals(target, [{ id: 'x', series: leading }], { from: 0, to: 0 }, 60)).toEqual([]);
  });
});
