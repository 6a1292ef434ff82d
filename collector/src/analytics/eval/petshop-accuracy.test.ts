import { accuracyByMetric, formatAccuracy } from './petshop-accuracy';

describe('accuracyByMetric', () => {
  const rows = accuracyByMetric([
    { metric: 'latency', rank: 1 },
    { metric: 'latency', rank: 3 },
    { metric: 'availability', rank: 1 },
    { metric: 'latency', rank: Infinity },
    { metric: 'availability', rank: 4 },
  ]);

  it('counts top-1 and top-3 per metric type and overall', () => {
    expect(rows).toEqual([
      { group: 'availability', issues: 2, top1: 0.5, top3: 0.5 },
      { group: 'latency', issues: 3, top1: 1 / 3, top3: 2 / 3 },
      { group: 'overall', issues: 5, top1: 0.4, top3: 0.6 },
    ]);
  });

  it('prints a fixed-width table', () => {
    expect(formatAccuracy(rows)).toBe(
      'metric        issues   top-1   top-3\n' + 'availability       2   0.500   0.500\n' + 'latency            3   0.333   0.667\n' + 'overall            5   0.400   0.600\n',
    );
  });

  it('reports 0 for no issues', () => {
    expect(accuracyByMetric([])).toEqual([{ group: 'overall', issues: 0, top1: 0, top3: 0 }]);
  });
});
