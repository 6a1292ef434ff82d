import { parseScenario } from './parse-scenario';
import type { Scenario } from './scenario-types';

const base = { horizon_seconds: 3600, step_seconds: 60 };
const withChanges = (...changes: unknown[]) => ({ ...base, changes });
const profile = Array.from({ length: 24 }, (_, h) => (h < 8 ? 0.5 : 1.2));

describe('parseScenario: valid scenarios come back exactly as written', () => {
  it.each<[string, Scenario]>([
    ['no changes (a baseline)', { ...base, changes: [] }],
    [
      'every top-level field',
      {
        name: 'black friday',
        description: 'twice the load for an hour',
        horizon_seconds: 86_400,
        step_seconds: 30,
        seed: 4_294_967_295,
        monte_carlo: { runs: 200, parameter_spread: 0.1 },
        objectives: { latency_p95_seconds: { 'service:shop/frontend': 0.5 }, error_ratio: { 'service:shop/cart': 0.01 } },
        changes: [],
      },
    ],
    ['monte carlo without spread, empty objectives', { ...base, monte_carlo: { runs: 1 }, objectives: {}, changes: [] }],
    ['the horizon at its largest', { horizon_seconds: 6_000_000, step_seconds: 60, changes: [] }],
    ['a horizon of one step', { horizon_seconds: 1, step_seconds: 1, changes: [] }],
    ['scale_load, site-wide factor', withChanges({ type: 'scale_load', factor: 2 }) as Scenario],
    ['scale_load, one service, daily profile, later', withChanges({ type: 'scale_load', target: 'service:shop/frontend', profile, at: 600 }) as Scenario],
    ['move_workload, default fraction', withChanges({ type: 'move_workload', from: 'rack:dc1/r01', to: 'rack:dc1/r02' }) as Scenario],
    ['move_workload, half, at the horizon', withChanges({ type: 'move_workload', from: 'host:r01-s1', to: 'host:r02-s1', fraction: 0.5, at: 3600 }) as Scenario],
    ['fail a CRAC', withChanges({ type: 'fail', target: 'crac:dc1/crac-a1', at: 0 }) as Scenario],
    ['fail a link', withChanges({ type: 'fail', target: 'service:shop/cart->service:shop/db' }) as Scenario],
    ['set a setpoint', withChanges({ type: 'set', target: 'crac:dc1/crac-a1', property: 'setpoint_celsius', value: 22.5 }) as Scenario],
    ['set a fan ratio to 0', withChanges({ type: 'set', target: 'crac:dc1/crac-a1', property: 'fan_speed_ratio', value: 0 }) as Scenario],
    ['set instances', withChanges({ type: 'set', target: 'service:shop/cart', property: 'instances', value: 4 }) as Scenario],
    ['set any desired property', withChanges({ type: 'set', target: 'host:r01-s1', property: 'power', value: 'off' }, { type: 'set', target: 'host:r01-s2', property: 'drain', value: true }) as Scenario],
    ['add_hardware, copying a model', withChanges({ type: 'add_hardware', rack: 'rack:dc1/r01', count: 4, model: 'host:r01-s1', at: 120 }) as Scenario],
    ['remove_hardware', withChanges({ type: 'remove_hardware', hosts: ['host:r01-s1', 'host:r01-s2'] }) as Scenario],
    ['network latency only', withChanges({ type: 'network', from: 'service:shop/cart', to: 'service:shop/db', latency_ms: 0 }) as Scenario],
    ['network both', withChanges({ type: 'network', from: 'a', to: 'b', latency_ms: 25, capacity_rps: 100, at: 10 }) as Scenario],
    ['breach', withChanges({ type: 'breach', origin: 'host:r01-s1', probability: 0.3, max_hops: 3 }) as Scenario],
    ['breach, certain, unlimited hops', withChanges({ type: 'breach', origin: 'host:r01-s1', probability: 1 }) as Scenario],
  ])('%s', (_name, scenario) => {
    const raw = JSON.parse(JSON.stringify(scenario));
    expect(parseScenario(raw)).toEqual({ scenario, errors: [] });
  });

  it('returns a copy: changing the input afterwards does not change the scenario', () => {
    const raw = withChanges({ type: 'scale_load', profile: [...profile] }, { type: 'remove_hardware', hosts: ['host:a'] });
    const { scenario } = parseScenario(raw);
    (raw.changes[0] as { profile: number[] }).profile[0] = 9;
    (raw.changes[1] as { hosts: string[] }).hosts.push('host:b');
    expect(scenario?.changes).toEqual([
      { type: 'scale_load', profile },
      { type: 'remove_hardware', hosts: ['host:a'] },
    ]);
  });
});

describe('parseScenario: every problem names its JSON path, the rule and the value found', () => {
  it.each<[string, unknown, string[]]>([
    ['not an object', [1], ['(top level): must be an object, got [1]']],
    ['null', null, ['(top level): must be an object, got null']],
    [
      'nothing required',
      {},
      [
        'step_seconds: must be a number from 1 to 9007199254740991 (required), got nothing',
        'horizon_seconds: must be a number from 1 to 9007199254740991 (required), got nothing',
        'changes: must be a list of at most 1000 changes (required), got nothing',
      ],
    ],
    ['an unknown key', { ...base, changes: [], colour: 'red' }, ['colour: unknown key (a scenario takes name, description, horizon_seconds, step_seconds, seed, monte_carlo, objectives, changes), got "red"']],
    ['a step under a second', { horizon_seconds: 10, step_seconds: 0.5, changes: [] }, ['step_seconds: must be a number from 1 to 9007199254740991, got 0.5']],
    ['a horizon shorter than a step', { horizon_seconds: 30, step_seconds: 60, changes: [] }, ['horizon_seconds: must be a number from step_seconds (60) to 100000 steps (6000000), got 30']],
    ['too many steps', { horizon_seconds: 100_001, step_seconds: 1, changes: [] }, ['horizon_seconds: must be a number from step_seconds (1) to 100000 steps (100000), got 100001']],
    ['a string horizon', { horizon_seconds: '1h', step_seconds: 60, changes: [] }, ['horizon_seconds: must be a number from step_seconds (60) to 100000 steps (6000000), got "1h"']],
    ['a name too long', { ...base, changes: [], name: 'x'.repeat(201) }, [`name: must be a non-empty string of at most 200 characters, got "${'x'.repeat(79)}…`]],
    ['an empty name, a numeric description', { ...base, changes: [], name: '', description: 3 }, ['name: must be a non-empty string of at most 200 characters, got ""', 'description: must be a string, got 3']],
    ['a negative seed', { ...base, changes: [], seed: -1 }, ['seed: must be an integer from 0 to 4294967295, got -1']],
    ['a fractional seed', { ...base, changes: [], seed: 1.5 }, ['seed: must be an integer from 0 to 4294967295, got 1.5']],
    ['monte_carlo not an object', { ...base, changes: [], monte_carlo: 5 }, ['monte_carlo: must be an object, got 5']],
    [
      'monte_carlo without runs, a wide spread and a stray key',
      { ...base, changes: [], monte_carlo: { parameter_spread: 2, samples: 3 } },
      [
        'monte_carlo.samples: unknown key (monte_carlo takes runs, parameter_spread), got 3',
        'monte_carlo.runs: must be an integer from 1 to 1000 (required), got nothing',
        'monte_carlo.parameter_spread: must be a number from 0 to 1, got 2',
      ],
    ],
    ['too many runs', { ...base, changes: [], monte_carlo: { runs: 1001 } }, ['monte_carlo.runs: must be an integer from 1 to 1000, got 1001']],
    [
      'bad objectives',
      { ...base, changes: [], objectives: { latency_p95_seconds: { 'service:a': -1 }, error_ratio: [0.1], availability: {} } },
      [
        'objectives.availability: unknown key (objectives takes latency_p95_seconds, error_ratio), got {}',
        'objectives.latency_p95_seconds.service:a: must be a number from 0 to 9007199254740991, got -1',
        'objectives.error_ratio: must be an object of service id to target, got [0.1]',
      ],
    ],
    ['an error ratio above 1, an empty service id', { ...base, changes: [], objectives: { error_ratio: { 'service:a': 1.5, '': 0 } } }, [
      'objectives.error_ratio.service:a: must be a number from 0 to 1, got 1.5',
      'objectives.error_ratio: service ids must be non-empty strings, got ""',
    ]],
    ['changes not a list', { ...base, changes: { type: 'fail' } }, ['changes: must be a list of at most 1000 changes, got {"type":"fail"}']],
    ['too many changes', { ...base, changes: Array.from({ length: 1001 }, () => ({ type: 'fail', target: 'host:a' })) }, ['changes: must be a list of at most 1000 changes, got 1001 changes']],
    ['a change not an object', withChanges('fail'), ['changes[0]: must be an object, got "fail"']],
    ['an unknown type', withChanges({ type: 'explode', target: 'x' }), ['changes[0].type: must be one of scale_load, move_workload, fail, set, add_hardware, remove_hardware, network, breach, got "explode"']],
    ['no type', withChanges({ target: 'x' }), ['changes[0].type: must be one of scale_load, move_workload, fail, set, add_hardware, remove_hardware, network, breach, got nothing']],
    ['the contract example', withChanges({ type: 'fail', target: 'a' }, { type: 'fail', target: 'b' }, { type: 'scale_load', factor: -1 }), ['changes[2].factor: must be a positive number, got -1']],
    ['scale_load with neither', withChanges({ type: 'scale_load', target: 'service:a' }), ['changes[0]: must have exactly one of factor and profile, got neither']],
    ['scale_load with both', withChanges({ type: 'scale_load', factor: 2, profile }), ['changes[0]: must have exactly one of factor and profile, got both']],
    ['scale_load, a short profile', withChanges({ type: 'scale_load', profile: [1, 2] }), ['changes[0].profile: must be a list of 24 numbers (one factor per hour of day), got [1,2]']],
    ['scale_load, bad hours', withChanges({ type: 'scale_load', profile: profile.map((v, h) => (h === 3 ? -1 : h === 7 ? 'x' : v)) }), [
      'changes[0].profile[3]: must be a number of at least 0, got -1',
      'changes[0].profile[7]: must be a number of at least 0, got "x"',
    ]],
    ['scale_load, an empty target, zero factor', withChanges({ type: 'scale_load', target: '', factor: 0 }), ['changes[0].target: must be a non-empty string, got ""', 'changes[0].factor: must be a positive number, got 0']],
    ['a key of another type', withChanges({ type: 'scale_load', factor: 2, fraction: 0.5 }), ['changes[0].fraction: unknown key (scale_load takes target, factor, profile, at), got 0.5']],
    ['at after the horizon', withChanges({ type: 'fail', target: 'host:a', at: 3601 }), ['changes[0].at: must be a number from 0 to 3600, got 3601']],
    ['a negative at', withChanges({ type: 'fail', target: 'host:a', at: -5 }), ['changes[0].at: must be a number from 0 to 3600, got -5']],
    ['at without a valid horizon', { step_seconds: 60, horizon_seconds: 'long', changes: [{ type: 'fail', target: 'host:a', at: -5 }] }, [
      'horizon_seconds: must be a number from step_seconds (60) to 100000 steps (6000000), got "long"',
      'changes[0].at: must be a number of at least 0, got -5',
    ]],
    ['breach takes no at', withChanges({ type: 'breach', origin: 'host:a', probability: 0.5, at: 10 }), ['changes[0].at: unknown key (breach takes origin, probability, max_hops), got 10']],
    ['move_workload missing both ends', withChanges({ type: 'move_workload', fraction: 0 }), [
      'changes[0].from: must be a non-empty string (required), got nothing',
      'changes[0].to: must be a non-empty string (required), got nothing',
      'changes[0].fraction: must be a number above 0 and at most 1, got 0',
    ]],
    ['move_workload onto itself', withChanges({ type: 'move_workload', from: 'rack:a', to: 'rack:a', fraction: 1.5 }), [
      'changes[0].to: must differ from from, got "rack:a"',
      'changes[0].fraction: must be a number above 0 and at most 1, got 1.5',
    ]],
    ['fail without a target', withChanges({ type: 'fail' }), ['changes[0].target: must be a non-empty string (required), got nothing']],
    ['set without anything', withChanges({ type: 'set' }), [
      'changes[0].target: must be a non-empty string (required), got nothing',
      'changes[0].property: must be a non-empty string (required), got nothing',
      'changes[0].value: must be a number, a string or a boolean (required), got nothing',
    ]],
    ['set a value that is an object', withChanges({ type: 'set', target: 'host:a', property: 'labels', value: { a: 1 } }), ['changes[0].value: must be a number, a string or a boolean, got {"a":1}']],
    ['set a setpoint out of range', withChanges({ type: 'set', target: 'crac:a', property: 'setpoint_celsius', value: 40 }), ['changes[0].value: must be a number from 5 to 35 for setpoint_celsius, got 40']],
    ['set a fan ratio as text', withChanges({ type: 'set', target: 'crac:a', property: 'fan_speed_ratio', value: '50%' }), ['changes[0].value: must be a number from 0 to 1 for fan_speed_ratio, got "50%"']],
    ['set fractional instances', withChanges({ type: 'set', target: 'service:a', property: 'instances', value: 2.5 }), ['changes[0].value: must be an integer from 0 to 10000 for instances, got 2.5']],
    ['set a property named like an Object member', withChanges({ type: 'set', target: 'host:a', property: 'constructor', value: null }), ['changes[0].value: must be a number, a string or a boolean, got null']],
    ['add_hardware without a count', withChanges({ type: 'add_hardware', rack: 'rack:a' }), ['changes[0].count: must be an integer from 1 to 1000 (required), got nothing']],
    ['add_hardware, too many, empty model', withChanges({ type: 'add_hardware', rack: 'rack:a', count: 1001, model: '' }), [
      'changes[0].count: must be an integer from 1 to 1000, got 1001',
      'changes[0].model: must be a non-empty string, got ""',
    ]],
    ['remove_hardware without hosts', withChanges({ type: 'remove_hardware' }), ['changes[0].hosts: must be a non-empty list of host ids (required), got nothing']],
    ['remove_hardware, an empty list', withChanges({ type: 'remove_hardware', hosts: [] }), ['changes[0].hosts: must be a non-empty list of host ids, got []']],
    ['remove_hardware, bad and repeated hosts', withChanges({ type: 'remove_hardware', hosts: ['host:a', 7, 'host:a'] }), [
      'changes[0].hosts[1]: must be a non-empty string, got 7',
      'changes[0].hosts[2]: must be a host not listed before, got "host:a"',
    ]],
    ['network with neither effect', withChanges({ type: 'network', from: 'a', to: 'b' }), ['changes[0]: must have latency_ms or capacity_rps, got neither']],
    ['network, negative latency, zero capacity', withChanges({ type: 'network', from: 'a', to: 'b', latency_ms: -1, capacity_rps: 0 }), [
      'changes[0].latency_ms: must be a number of at least 0, got -1',
      'changes[0].capacity_rps: must be a positive number, got 0',
    ]],
    ['breach, probability above 1, zero hops', withChanges({ type: 'breach', origin: 'host:a', probability: 1.1, max_hops: 0 }), [
      'changes[0].probability: must be a number from 0 to 1, got 1.1',
      'changes[0].max_hops: must be a positive integer, got 0',
    ]],
    ['a value that is not finite', withChanges({ type: 'scale_load', factor: Number.POSITIVE_INFINITY }), ['changes[0].factor: must be a positive number, got Infinity']],
    ['problems in several changes', withChanges({ type: 'fail', target: 'ok' }, { type: 'fail', target: 1 }, { type: 'breach', origin: 'x' }), [
      'changes[1].target: must be a non-empty string, got 1',
      'changes[2].probability: must be a number from 0 to 1 (required), got nothing',
    ]],
  ])('%s', (_name, raw, errors) => {
    expect(parseScenario(raw)).toEqual({ errors });
  });

  it.each([
    ['scenario', 'scenario.changes[0].factor: must be a positive number, got -1'],
    ['body.scenario', 'body.scenario.changes[0].factor: must be a positive number, got -1'],
  ])('prefixes paths with where = %s', (where, error) => {
    expect(parseScenario(withChanges({ type: 'scale_load', factor: -1 }), where)).toEqual({ errors: [error] });
  });

  it('names where itself when the scenario is not an object', () => {
    expect(parseScenario('x', 'scenario')).toEqual({ errors: ['scenario: must be an object, got "x"'] });
  });
});
