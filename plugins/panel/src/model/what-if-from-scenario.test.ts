import { whatIfFromScenario } from './what-if-from-scenario';
import { EMPTY_WHAT_IF, scenarioFromWhatIf, type WhatIfState } from './what-if-scenario';

const rich: WhatIfState = {
  horizonSeconds: 7200,
  stepSeconds: 30,
  loadFactors: { site: 2, 'svc:cart': 0.5, 'svc:checkout': 1.5 },
  failed: ['crac:c2', 'host:h1'],
  cracSetpoints: { 'crac:c1': 22, 'crac:c3': 18.5 },
  cracFanSpeeds: { 'crac:c1': 0.8 },
  moves: [
    { from: 'rack:r1', to: 'rack:r2', fraction: 0.25 },
    { from: 'rack:r4', to: 'rack:r1', fraction: 1 },
  ],
  additions: [
    { rack: 'rack:r3', count: 4 },
    { rack: 'rack:r1', count: 1 },
  ],
};

const scenario = (changes: unknown[], extra: Record<string, unknown> = {}) => ({
  horizon_seconds: 1800,
  step_seconds: 60,
  changes,
  ...extra,
});

describe('whatIfFromScenario', () => {
  it('reads back every change scenarioFromWhatIf writes', () => {
    expect(whatIfFromScenario(scenarioFromWhatIf(rich))).toEqual({ state: rich, unsupported: [] });
  });

  it('reads the empty scenario as the empty state', () => {
    expect(whatIfFromScenario(scenarioFromWhatIf(EMPTY_WHAT_IF))).toEqual({ state: EMPTY_WHAT_IF, unsupported: [] });
  });

  it('keeps out what the controls cannot show, naming it by path, and reads the rest', () => {
    const opened = whatIfFromScenario(
      scenario(
        [
          { type: 'fail', target: 'crac:c1' },
          { type: 'scale_load', target: 'svc:a', profile: [{ at: 0, factor: 2 }] },
          { type: 'fail', target: 'host:h1', at: 600 },
          { type: 'network', from: 'svc:a', to: 'svc:b', latency_ms: 50 },
          { type: 'set', target: 'svc:a', property: 'instances', value: 3 },
          { type: 'add_hardware', rack: 'rack:r1', count: 2, model: 'storage-2u' },
          { type: 'remove_hardware', hosts: ['host:h2'] },
          { type: 'scale_load', factor: 1.2 },
          { type: 'scale_load', factor: 1.3 },
          'fail crac:c2',
        ],
        { seed: 7, monte_carlo: { runs: 20 }, name: 'mixed', description: 'labels only' }
      )
    );
    expect(opened.unsupported).toEqual([
      'seed',
      'monte_carlo',
      'changes[1]: scale_load',
      'changes[2]: fail',
      'changes[3]: network',
      'changes[4]: set instances',
      'changes[5]: add_hardware',
      'changes[6]: remove_hardware',
      'changes[8]: scale_load',
      'changes[9]: not a change',
    ]);
    expect(opened.state).toEqual({
      ...EMPTY_WHAT_IF,
      horizonSeconds: 1800,
      failed: ['crac:c1'],
      loadFactors: { site: 1.2 },
    });
  });

  it.each<[string, unknown, string]>([
    ['a blank target', { type: 'fail', target: ' ' }, 'fail'],
    ['a factor that is not positive', { type: 'scale_load', target: 'svc:a', factor: 0 }, 'scale_load'],
    [
      'a setpoint that is not a number',
      { type: 'set', target: 'crac:c1', property: 'setpoint_celsius', value: '20' },
      'set setpoint_celsius',
    ],
    [
      'a move onto its source',
      { type: 'move_workload', from: 'rack:r1', to: 'rack:r1', fraction: 0.5 },
      'move_workload',
    ],
    [
      'a move of more than everything',
      { type: 'move_workload', from: 'rack:r1', to: 'rack:r2', fraction: 1.5 },
      'move_workload',
    ],
    ['a fraction of a server', { type: 'add_hardware', rack: 'rack:r1', count: 1.5 }, 'add_hardware'],
  ])('keeps out %s', (_, change, label) => {
    expect(whatIfFromScenario(scenario([change]))).toEqual({
      state: { ...EMPTY_WHAT_IF, horizonSeconds: 1800 },
      unsupported: [`changes[0]: ${label}`],
    });
  });

  it('falls back to the default horizon and step when they are missing', () => {
    expect(whatIfFromScenario({ changes: [] }).state).toEqual(EMPTY_WHAT_IF);
  });
});
