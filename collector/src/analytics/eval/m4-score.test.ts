import { m4Report, scoreM4 } from './m4-score';

describe('scoreM4', () => {
  it('averages sMAPE and MASE over series and takes OWA against Naive2', () => {
    const train = [{ id: 'A', values: [1, 2, 3, 4] }];
    // Ours: sMAPE 100/3, MASE 0.5 (lag-1 scale 1); Naive2 (4, 4): sMAPE (200·3/5 + 200·2/6)/2, MASE 2.5.
    const score = scoreM4(train, [[1, 2]], [[2, 2]], [[4, 4]], 1);
    expect(score.ours.smape).toBeCloseTo(100 / 3, 12);
    expect(score.ours.mase).toBe(0.5);
    expect(score.naive2.smape).toBeCloseTo(280 / 3, 12);
    expect(score.naive2.mase).toBe(2.5);
    expect(score.ours.owa).toBeCloseTo((100 / 280 + 0.2) / 2, 12);
    expect(m4Report(score, 1, 0.25, 'f.csv').split('\n')[1]).toBe('twinops  sMAPE 33.333  MASE 0.500  OWA 0.279');
  });
});
