import { predictionAt, violationsByEntity } from './prediction';
import { simulationResult } from './simulation-fixture';

const flat = (t: number) =>
  Object.fromEntries(
    [...predictionAt(simulationResult(), t)].map(([entity, signals]) => [entity, Object.fromEntries(signals)])
  );

describe('predictionAt', () => {
  it('gives the values at a step', () => {
    expect(flat(1_060_000)).toEqual({
      'host:h1': {
        inlet_celsius: { baseline: 24, predicted: 30, unit: 'celsius' },
        power_watts: { baseline: 400, predicted: 500, unit: 'watt' },
      },
      'host:new': { power_watts: { baseline: NaN, predicted: 300, unit: 'watt' } },
    });
  });

  it('interpolates linearly between steps, a missing end leaving the other', () => {
    expect(flat(1_075_000)).toEqual({
      'host:h1': {
        inlet_celsius: { baseline: 24, predicted: 30.75, unit: 'celsius' },
        power_watts: { baseline: 400, predicted: 525, unit: 'watt' },
      },
      'host:new': { power_watts: { baseline: NaN, predicted: 300, unit: 'watt' } },
    });
    expect(flat(1_030_000)['host:new']).toEqual({ power_watts: { baseline: NaN, predicted: 300, unit: 'watt' } });
  });

  it.each([
    [0, 24],
    [1_000_000, 24],
    [1_120_000, 33],
    [9_999_999, 33],
  ])('clamps t = %p to the horizon (inlet %p)', (t, inlet) => {
    expect(flat(t)['host:h1'].inlet_celsius.predicted).toBe(inlet);
  });

  it('leaves out series without a predicted value at t', () => {
    expect(flat(1_000_000)['host:new']).toBeUndefined();
  });

  it('is empty without steps', () => {
    expect(predictionAt(simulationResult({ timestamps: [] }), 5).size).toBe(0);
  });
});

describe('violationsByEntity', () => {
  it('groups violations by entity, earliest first', () => {
    expect(Object.fromEntries(violationsByEntity(simulationResult()))).toEqual({
      'host:h1': [
        { kind: 'inlet_warn', onset: 1_060_000, baselineOnset: null, signal: 'inlet_celsius', limit: 27, peak: 33 },
        { kind: 'inlet_crit', onset: 1_120_000, baselineOnset: null, signal: 'inlet_celsius', limit: 32, peak: 33 },
      ],
      'svc:checkout': [
        {
          kind: 'error_budget',
          onset: 1_060_000,
          baselineOnset: 1_120_000,
          signal: 'error_ratio',
          limit: 0.01,
          peak: 0.02,
        },
      ],
    });
  });
});
