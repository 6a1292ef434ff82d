import { createRandom } from '../random';
import { baseRate, createLoadModel, dailyShape, defaultLoadConfig, localTime } from './load';

// 2024-01-01T00:00:00Z was a Monday.
const MONDAY = 1704067200;
const config = defaultLoadConfig(MONDAY);

describe('load', () => {
  it.each([
    [4, 0.2],
    [20, 1],
    [12, 0.6],
    [0, 0.2 + 0.8 * (1 - Math.cos(Math.PI * 0.5)) / 2],
  ])('daily shape at %d h is %d', (hour, expected) => {
    expect(dailyShape(config, hour)).toBeCloseTo(expected, 12);
  });

  it('peaks in the evening at 5× the night trough, lower at the weekend', () => {
    expect(baseRate(config, 'GET /', 20 * 3600)).toBeCloseTo(120, 12);
    expect(baseRate(config, 'GET /', 4 * 3600)).toBeCloseTo(24, 12);
    const saturday = 5 * 86400;
    expect(localTime(config, saturday).weekday).toBe(6);
    expect(baseRate(config, 'GET /', saturday + 20 * 3600)).toBeCloseTo(84, 12);
    expect(baseRate(config, 'unknown', 0)).toBe(0);
  });

  it('adds seeded noise that is deterministic and small', () => {
    const a = createLoadModel(config, createRandom(1));
    const b = createLoadModel(config, createRandom(1));
    const ratios: number[] = [];
    for (let i = 0; i < 200; i++) {
      a.step(60);
      b.step(60);
      expect(a.rate('GET /', i * 60)).toBe(b.rate('GET /', i * 60));
      ratios.push(a.rate('GET /', i * 60) / baseRate(config, 'GET /', i * 60));
    }
    expect(Math.min(...ratios)).toBeGreaterThan(0.6);
    expect(Math.max(...ratios)).toBeLessThan(1.6);
  });
});
