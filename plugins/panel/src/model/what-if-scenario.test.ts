import { changeCount, EMPTY_WHAT_IF, scenarioFromWhatIf, type WhatIfState } from './what-if-scenario';

const state = (extra: Partial<WhatIfState>): WhatIfState => ({ ...EMPTY_WHAT_IF, ...extra });

describe('scenarioFromWhatIf', () => {
  it('has no changes for the empty state', () => {
    expect(scenarioFromWhatIf(EMPTY_WHAT_IF)).toEqual({ horizon_seconds: 3600, step_seconds: 60, changes: [] });
    expect(changeCount(EMPTY_WHAT_IF)).toBe(0);
  });

  it('writes every kind of change in a fixed order', () => {
    const scenario = scenarioFromWhatIf({
      horizonSeconds: 7200,
      stepSeconds: 30,
      loadFactors: { 'svc:checkout': 1.5, site: 2, 'svc:cart': 0.5 },
      failed: ['crac:c2', 'host:h1'],
      cracSetpoints: { 'crac:c1': 22 },
      cracFanSpeeds: { 'crac:c1': 0.8 },
      moves: [{ from: 'rack:r1', to: 'rack:r2', fraction: 0.25 }],
      additions: [{ rack: 'rack:r3', count: 4 }],
    });
    expect(JSON.stringify(scenario)).toBe(
      JSON.stringify({
        horizon_seconds: 7200,
        step_seconds: 30,
        changes: [
          { type: 'scale_load', factor: 2 },
          { type: 'scale_load', target: 'svc:cart', factor: 0.5 },
          { type: 'scale_load', target: 'svc:checkout', factor: 1.5 },
          { type: 'fail', target: 'crac:c2' },
          { type: 'fail', target: 'host:h1' },
          { type: 'set', target: 'crac:c1', property: 'setpoint_celsius', value: 22 },
          { type: 'set', target: 'crac:c1', property: 'fan_speed_ratio', value: 0.8 },
          { type: 'move_workload', from: 'rack:r1', to: 'rack:r2', fraction: 0.25 },
          { type: 'add_hardware', rack: 'rack:r3', count: 4 },
        ],
      })
    );
  });

  it.each<[string, Partial<WhatIfState>]>([
    ['a factor of 1', { loadFactors: { site: 1, 'svc:a': 1 } }],
    ['a factor that is not a positive number', { loadFactors: { 'svc:a': 0, 'svc:b': NaN, 'svc:c': -2 } }],
    ['a blank service', { loadFactors: { ' ': 2 } }],
    ['a blank failure', { failed: [''] }],
    ['a setpoint that is not a number', { cracSetpoints: { 'crac:c1': NaN } }],
    ['a move without ends', { moves: [{ from: '', to: 'rack:r2', fraction: 0.5 }] }],
    ['a move onto its source', { moves: [{ from: 'rack:r1', to: 'rack:r1', fraction: 0.5 }] }],
    ['a move of nothing', { moves: [{ from: 'rack:r1', to: 'rack:r2', fraction: 0 }] }],
    ['an addition without a rack', { additions: [{ rack: '', count: 2 }] }],
    ['an addition of no servers', { additions: [{ rack: 'rack:r1', count: 0.5 }] }],
  ])('makes no change of %s', (_, extra) => {
    expect(scenarioFromWhatIf(state(extra)).changes).toEqual([]);
    expect(changeCount(state(extra))).toBe(0);
  });

  it('counts a repeated failure once, caps a move at everything and rounds servers down', () => {
    const s = state({
      failed: ['crac:c1', 'crac:c1'],
      moves: [{ from: 'host:a', to: 'host:b', fraction: 1.5 }],
      additions: [{ rack: 'rack:r1', count: 2.7 }],
    });
    expect(scenarioFromWhatIf(s).changes).toEqual([
      { type: 'fail', target: 'crac:c1' },
      { type: 'move_workload', from: 'host:a', to: 'host:b', fraction: 1 },
      { type: 'add_hardware', rack: 'rack:r1', count: 2 },
    ]);
    expect(changeCount(s)).toBe(3);
  });

  it('keeps the empty state from being changed in place', () => {
    expect(() => EMPTY_WHAT_IF.failed.push('x')).toThrow(TypeError);
  });
});
