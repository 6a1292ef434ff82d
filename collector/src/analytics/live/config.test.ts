import { defaultLiveAnalyticsConfig, liveAnalyticsConfigSchema, validateLiveAnalyticsConfig } from './config';

const parse = (raw: unknown) => {
  const errors: string[] = [];
  const config = liveAnalyticsConfigSchema.parse(raw, 'analytics.live', errors);
  return { config, errors: [...errors, ...validateLiveAnalyticsConfig(config, 'analytics.live')] };
};

describe('live analytics config', () => {
  it('has documented defaults that validate', () => {
    const config = defaultLiveAnalyticsConfig();
    expect(validateLiveAnalyticsConfig(config, 'analytics.live')).toEqual([]);
    expect([config.enabled, config.intervalSeconds, config.maxSignals, config.exportHorizonsSeconds]).toEqual([true, 10, 20_000, [900, 1800, 3600]]);
    expect(config.thresholds[0]).toEqual({ signals: 'hw.temperature*', entities: 'hw:*-inlet', limit: 27, direction: 'above' });
  });

  it('reads YAML keys into camelCase fields', () => {
    const { config, errors } = parse({ forecast: { step_seconds: 30 }, thresholds: [{ signals: 'disk.free*', limit: 0, direction: 'below' }] });
    expect(errors).toEqual([]);
    expect(config.forecast.stepSeconds).toBe(30);
    expect(config.thresholds).toEqual([{ signals: 'disk.free*', entities: '*', limit: 0, direction: 'below' }]);
  });

  it.each([
    [{ interval_seconds: 0 }, 'analytics.live.interval_seconds: must be a positive integer, got 0'],
    [{ thresholds: [{ signals: 'x', direction: 'up' }] }, 'analytics.live.thresholds[0].direction: must be one of above, below, got "up"'],
    [{ thresholds: [{ limit: 3 }] }, 'analytics.live.thresholds[0].signals: must not be empty, got ""'],
    [{ signals: ['a*', ''] }, 'analytics.live.signals[1]: must not be empty, got ""'],
    [{ forecast: { min_history_points: 100, max_history_points: 90 } }, 'analytics.live.forecast.max_history_points: must be at least min_history_points (100), got 90'],
    [{ export_horizons_seconds: [900, 100_000] }, 'analytics.live.export_horizons_seconds[1]: must be at most max_history_points x step_seconds (86400), got 100000'],
    [{ color: 'red' }, 'analytics.live.color: unknown key'],
  ])('rejects %j', (raw, message) => {
    expect(parse(raw).errors).toEqual([message]);
  });
});
