import { parseFaultSpec, parseSimulatedDuration, rootCauseOf } from './fault-catalog';
import type { FaultName } from './fault-catalog';

describe('parseFaultSpec', () => {
  it.each([
    ['crac_failure:crac-a1@10m', { fault: 'crac_failure', target: 'crac-a1', atSeconds: 600 }],
    ['fan_failure:r03-s7@30s', { fault: 'fan_failure', target: 'r03-s7', atSeconds: 30 }],
    ['hot_spot:r05@2h', { fault: 'hot_spot', target: 'r05', atSeconds: 7200 }],
    ['memory_leak:cart@1.5h', { fault: 'memory_leak', target: 'cart', atSeconds: 5400 }],
    ['latency_regression:catalog@0', { fault: 'latency_regression', target: 'catalog', atSeconds: 0 }],
    ['slow_database@1d', { fault: 'slow_database', target: 'postgresql', atSeconds: 86400 }],
    ['slow_database:postgresql@5s', { fault: 'slow_database', target: 'postgresql', atSeconds: 5 }],
    ['traffic_spike@45', { fault: 'traffic_spike', target: 'frontend', atSeconds: 45 }],
    ['host_crash:r12-s1@20m', { fault: 'host_crash', target: 'r12-s1', atSeconds: 1200 }],
  ])('%s', (spec, expected) => {
    expect(parseFaultSpec(spec)).toEqual(expected);
  });

  it.each([
    ['crac_failure:crac-a1', "fault spec 'crac_failure:crac-a1': missing '@TIME' (expected NAME[:TARGET]@TIME, e.g. crac_failure:crac-a1@10m)"],
    [
      'meteor:r01@1m',
      "fault spec 'meteor:r01@1m': unknown fault 'meteor': expected one of crac_failure, fan_failure, hot_spot, memory_leak, latency_regression, slow_database, traffic_spike, host_crash",
    ],
    ['crac_failure@10m', "fault spec 'crac_failure@10m': fault 'crac_failure' needs a crac target, e.g. crac_failure:crac-a1"],
    ['memory_leak:@10m', "fault spec 'memory_leak:@10m': fault 'memory_leak' needs a service target, e.g. memory_leak:cart"],
    ['slow_database:redis@1m', "fault spec 'slow_database:redis@1m': fault 'slow_database' acts on 'postgresql' only, got target 'redis'"],
    ['host_crash:r01-s1@10x', "fault spec 'host_crash:r01-s1@10x': invalid time '10x': expected a number with unit s, m, h or d, e.g. 30s, 10m, 2h"],
    ['host_crash:r01-s1@-5m', "fault spec 'host_crash:r01-s1@-5m': invalid time '-5m': expected a number with unit s, m, h or d, e.g. 30s, 10m, 2h"],
    ['host_crash:r01-s1@', "fault spec 'host_crash:r01-s1@': invalid time '': expected a number with unit s, m, h or d, e.g. 30s, 10m, 2h"],
  ])('%s is rejected', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(new Error(message));
  });
});

describe('parseSimulatedDuration', () => {
  it.each([['30s', 30], ['10m', 600], ['2h', 7200], ['1d', 86400], ['12', 12], [' 3m ', 180]])('%s = %d s', (text, seconds) => {
    expect(parseSimulatedDuration(text)).toBe(seconds);
  });
});

describe('rootCauseOf', () => {
  it.each<[FaultName, string, string]>([
    ['crac_failure', 'crac-a1', 'crac:dc1/crac-a1'],
    ['fan_failure', 'r01-s2', 'host:r01-s2'],
    ['host_crash', 'r12-s7', 'host:r12-s7'],
    ['hot_spot', 'r04', 'rack:dc1/r04'],
    ['memory_leak', 'cart', 'service:shop/cart'],
    ['latency_regression', 'catalog', 'service:shop/catalog'],
    ['slow_database', 'postgresql', 'database:postgresql/shop'],
    ['traffic_spike', 'frontend', 'service:shop/frontend'],
  ])('%s:%s -> %s', (fault, target, id) => {
    expect(rootCauseOf(fault, target)).toBe(id);
  });
});
