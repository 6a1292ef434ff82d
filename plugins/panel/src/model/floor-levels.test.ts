import { DEFAULT_THRESHOLDS, rackLevel, rackValue } from './floor-levels';
import type { FloorRack } from './floor-types';

const rack = (extra: Partial<FloorRack>): FloorRack => ({ id: 'r', name: 'r', servers: [], coolingBy: [], ...extra });

describe('rackLevel', () => {
  it.each([
    [undefined, 'unknown'],
    [26.9, 'ok'],
    [27, 'warn'],
    [31.9, 'warn'],
    [32, 'crit'],
    [40, 'crit'],
  ])('inlet %p °C is %p', (inletCelsius, level) => {
    expect(rackLevel(rack({ inletCelsius }), 'inlet', DEFAULT_THRESHOLDS)).toBe(level);
  });

  it.each([
    [undefined, 1000, 'unknown'],
    [500, undefined, 'unknown'],
    [500, 0, 'unknown'],
    [799, 1000, 'ok'],
    [800, 1000, 'warn'],
    [950, 1000, 'crit'],
    [1200, 1000, 'crit'],
  ])('power %p W of %p W capacity is %p, and so is its headroom', (powerWatts, capacityWatts, level) => {
    const r = rack({ powerWatts, capacityWatts });
    expect(rackLevel(r, 'power', DEFAULT_THRESHOLDS)).toBe(level);
    expect(rackLevel(r, 'headroom', DEFAULT_THRESHOLDS)).toBe(level);
  });

  it('uses the thresholds given', () => {
    const t = { inletWarnCelsius: 20, inletCritCelsius: 25, powerWarnFraction: 0.5, powerCritFraction: 0.6 };
    expect(rackLevel(rack({ inletCelsius: 22 }), 'inlet', t)).toBe('warn');
    expect(rackLevel(rack({ powerWatts: 600, capacityWatts: 1000 }), 'power', t)).toBe('crit');
  });
});

describe('rackValue', () => {
  const r = rack({ inletCelsius: 25, powerWatts: 3000, capacityWatts: 5000, headroomWatts: 2000 });
  it.each([
    ['inlet' as const, 25],
    ['power' as const, 3000],
    ['headroom' as const, 2000],
  ])('%p is %p', (metric, value) => {
    expect(rackValue(r, metric)).toBe(value);
  });

  it('is undefined when unknown', () => {
    expect(rackValue(rack({}), 'headroom')).toBeUndefined();
  });
});
